import { constants, inflateSync } from 'node:zlib';

/**
 * PDF names that make a reader run code or other programs, open other files, or act on its own
 * when the document is opened or a page is shown. A case file never needs them; a crafted one
 * planted on a case would run on the workstation of whoever opens it.
 */
const ACTIVE_NAMES = new Set(['JS', 'JavaScript', 'Launch', 'AA', 'OpenAction', 'RichMedia', 'SubmitForm', 'ImportData', 'XFA']);

/** Object streams (PDF 1.5+) hide dictionaries in compressed streams; inflate at most this much of them. */
const MAX_INFLATED_BYTES = 20 * 1024 * 1024;

/** A PDF name as the reader sees it: `#xx` escapes decoded, so `/J#61vaScript` is `/JavaScript`. */
function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_escape, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function activeNameIn(text: string): string | null {
  for (const match of text.matchAll(/\/([^\s/[\]<>(){}%]+)/g)) {
    const name = decodeName(match[1]!);
    if (ACTIVE_NAMES.has(name)) return name;
  }
  return null;
}

/** The dictionary in front of a stream: the text between the object's `obj` keyword and `stream`. */
function streamDictionary(text: string, streamAt: number): string {
  const window = text.slice(Math.max(0, streamAt - 4096), streamAt);
  return decodeName(window.slice(window.lastIndexOf(' obj') + 1));
}

/** The compressed object streams of a PDF, inflated; `null` when they would exceed the budget. */
function inflatedObjectStreams(bytes: Buffer, text: string): string[] | null {
  const inflated: string[] = [];
  let budget = MAX_INFLATED_BYTES;
  for (const match of text.matchAll(/>>\s*stream\r?\n/g)) {
    const dictionary = streamDictionary(text, match.index);
    if (!dictionary.includes('/ObjStm') || !dictionary.includes('/FlateDecode')) continue;
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      const content = inflateSync(bytes.subarray(start, end), { maxOutputLength: budget, finishFlush: constants.Z_SYNC_FLUSH });
      budget -= content.length;
      inflated.push(content.toString('latin1'));
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return null;
      // A damaged stream hides nothing: a reader cannot inflate it either.
    }
  }
  return inflated;
}

/**
 * The first active name (JavaScript, launch or automatic action, embedded forms) a PDF holds,
 * in its plain objects or its compressed object streams; `null` for a passive document.
 */
export function pdfActiveContent(bytes: Uint8Array): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('latin1');
  const direct = activeNameIn(text);
  if (direct) return direct;
  const streams = inflatedObjectStreams(buffer, text);
  if (streams === null) return 'ObjStm';
  for (const stream of streams) {
    const hidden = activeNameIn(stream);
    if (hidden) return hidden;
  }
  return null;
}
