/**
 * PDFs crafted the way an attacker would: active content the reader runs hidden in object streams
 * under every standard filter, or in a PDF attached to the PDF. PDF.js (as in Firefox) tells what
 * a reader finds to run.
 */
import { deflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export const OPEN_SCRIPT = "<</S/JavaScript/JS(app.alert\\('probe-objstm'\\))>>";
export const PADDING = Array.from({ length: 100 }, (_, i) => `(line ${i} of a passive note ${i * 7919})`).join(' ');

/**
 * A complete PDF 1.5 file whose catalog (and with it the open action) lives only in an object
 * stream, found through a cross-reference stream, as the re-probe built it: a reader runs the
 * script, a search of the file's bytes sees nothing.
 */
export function objectStreamPdf(encode: (body: Buffer) => Buffer, filter: string, { passive = false, typed = true } = {}) {
  const objects = passive
    ? [`<</Type/Catalog/Pages 2 0 R/PageMode/UseNone/Pad[${PADDING}]>>`, '<</Producer(Seamless test)>>']
    : [`<</Type/Catalog/Pages 2 0 R/OpenAction 4 0 R/Pad[${PADDING}]>>`, OPEN_SCRIPT];
  const header = `1 0 4 ${objects[0]!.length + 1} `;
  const data = encode(Buffer.from(header + objects.join(' '), 'latin1'));
  let out = '%PDF-1.5\n%\xe2\xe3\xcf\xd3\n';
  const offsets: Record<number, number> = {};
  const add = (n: number, s: string) => {
    offsets[n] = Buffer.byteLength(out, 'latin1');
    out += s;
  };
  add(2, '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n');
  add(3, '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n');
  add(
    10,
    `10 0 obj<<${typed ? '/Type/ObjStm' : ''}/N 2/First ${header.length}/Length ${data.length}${filter}>>stream\n${data.toString('latin1')}\nendstream endobj\n`,
  );
  offsets[11] = Buffer.byteLength(out, 'latin1');
  const row = (type: number, field2: number, field3: number) => {
    const entry = Buffer.alloc(7);
    entry[0] = type;
    entry.writeUInt32BE(field2, 1);
    entry.writeUInt16BE(field3, 5);
    return entry;
  };
  const free = row(0, 0, 0);
  const xref = Buffer.concat([
    row(0, 0, 65535),
    row(2, 10, 0),
    row(1, offsets[2]!, 0),
    row(1, offsets[3]!, 0),
    row(2, 10, 1),
    ...Array.from({ length: 5 }, () => free),
    row(1, offsets[10]!, 0),
    row(1, offsets[11]!, 0),
  ]);
  out += `11 0 obj<</Type/XRef/Size 12/W[1 4 2]/Root 1 0 R/Length ${xref.length}>>stream\n${xref.toString('latin1')}\nendstream endobj\n`;
  out += `startxref\n${offsets[11]}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A PDF 1.4 file of the given objects (numbered from 1) with a classic cross-reference table. */
export function classicPdf(objects: (string | Buffer)[]) {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((object, index) => {
    const bytes = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), Buffer.from(object), Buffer.from('\nendobj\n')]);
    offsets.push(length);
    parts.push(bytes);
    length += bytes.length;
  });
  const rows = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

export const streamObject = (dictionary: string, data: Buffer) =>
  Buffer.concat([Buffer.from(`<< ${dictionary} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);

/** An outer PDF carrying `inner` as an attached file, opened by a link with a /GoToE action. */
export function withEmbeddedPdf(inner: Buffer, { typed = true } = {}) {
  return classicPdf([
    '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(report.pdf) 4 0 R] >> >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 200 200] /A << /S /GoToE /T << /R /C /N (report.pdf) >> >> >>] >>',
    '<< /Type /Filespec /F (report.pdf) /UF (report.pdf) /EF << /F 5 0 R >> >>',
    streamObject(`${typed ? '/Type /EmbeddedFile /Subtype /application#2Fpdf ' : ''}/Filter /FlateDecode`, deflateSync(inner)),
  ]);
}

export const PASSIVE_PAGE = ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
export const scriptedPdf = () => classicPdf([`<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>`, ...PASSIVE_PAGE, OPEN_SCRIPT]);
export const passivePdf = () => classicPdf(['<< /Type /Catalog /Pages 2 0 R >>', ...PASSIVE_PAGE]);

export const asciiHex = (bytes: Buffer) => Buffer.from(`${bytes.toString('hex')}>`);

export function ascii85(bytes: Buffer) {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const chunk = Buffer.alloc(4);
    bytes.copy(chunk, 0, i, i + 4);
    let value = chunk.readUInt32BE(0);
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(33 + (value % 85)));
      value = Math.floor(value / 85);
    }
    out += digits.join('').slice(0, Math.min(4, bytes.length - i) + 1);
  }
  return Buffer.from(`${out}~>`);
}

/** Short literal runs (their length bytes break up every name), a repeated run of spaces, then the end marker. */
export function runLength(bytes: Buffer) {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 2) {
    const chunk = bytes.subarray(i, i + 2);
    parts.push(Buffer.from([chunk.length - 1]), chunk);
  }
  parts.push(Buffer.from([257 - 20, 0x20, 128]));
  return Buffer.concat(parts);
}

/** LZW with PDF's defaults (early change): code widths grow from 9 to 12 bits as the table fills. */
export function lzw(bytes: Buffer) {
  const codes: [number, number][] = [[256, 9]];
  const table = new Map<string, number>(Array.from({ length: 256 }, (_, i) => [String.fromCharCode(i), i]));
  let nextCode = 258;
  const width = () => (nextCode < 512 ? 9 : nextCode < 1024 ? 10 : nextCode < 2048 ? 11 : 12);
  let word = '';
  for (const byte of bytes) {
    const extended = word + String.fromCharCode(byte);
    if (table.has(extended)) {
      word = extended;
      continue;
    }
    codes.push([table.get(word)!, width()]);
    table.set(extended, nextCode++);
    word = String.fromCharCode(byte);
  }
  codes.push([table.get(word)!, width()]);
  nextCode++;
  codes.push([257, width()]);
  const bits = codes.map(([code, bitCount]) => code.toString(2).padStart(bitCount, '0')).join('');
  return Buffer.from(
    bits
      .padEnd(Math.ceil(bits.length / 8) * 8, '0')
      .match(/.{8}/g)!
      .map((byte) => Number.parseInt(byte, 2)),
  );
}

/** PNG "Up" rows of `columns` bytes, each tagged with its row filter, as /Predictor 12 expects. */
export function pngUp(bytes: Buffer, columns: number) {
  const padded = Buffer.concat([bytes, Buffer.alloc((columns - (bytes.length % columns)) % columns, 0x20)]);
  const rows: Buffer[] = [];
  for (let at = 0; at < padded.length; at += columns) {
    const row = Buffer.alloc(columns + 1);
    row[0] = 2;
    for (let i = 0; i < columns; i++) row[i + 1] = (padded[at + i]! - (at > 0 ? padded[at - columns + i]! : 0)) & 0xff;
    rows.push(row);
  }
  return Buffer.concat(rows);
}

/** What a PDF reader (PDF.js, as in Firefox) finds to run when it opens the file, and in the PDFs attached to it. */
export async function readerScripts(bytes: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const scripts = Object.values((await document.getJSActions()) ?? {}).flat() as string[];
    for (const attachment of Object.values((await document.getAttachments()) ?? {}) as { content: Uint8Array }[]) {
      scripts.push(...(await readerScripts(Buffer.from(attachment.content))));
    }
    return scripts;
  } finally {
    await document.destroy();
  }
}
