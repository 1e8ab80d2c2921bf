/**
 * Reads the PDFs we generate the way a viewer does, with PDF.js (and Skia through @napi-rs/canvas to
 * draw a page), so the suites need nothing installed beside npm packages.
 *
 * Runs of complex scripts carry the text as written in an ActualText span (see documents/fonts.ts),
 * which is what a screen reader or copy-paste gets back; PDF.js extracts the shaped glyphs instead, so
 * the spans' ActualText is read from the content streams and stands in for the glyphs they wrap.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The 14 standard fonts a PDF may use without embedding them, as PDF.js ships them. */
const STANDARD_FONTS = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

export type PdfReading = {
  pages: number;
  /** Width and height of each page in points. */
  pageSizes: [number, number][];
  info: Record<string, unknown>;
  /** The XMP metadata stream as stored, empty when there is none. */
  xmp: string;
  /** Each page's text in content order, lines ended by a newline. */
  text: string;
};

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;
/** Skia's canvas stands in for the DOM canvas PDF.js is typed against. */
type RenderParameters = Parameters<Awaited<ReturnType<PdfDocument['getPage']>>['render']>[0];

async function open(bytes: Uint8Array): Promise<PdfDocument> {
  // PDF.js takes ownership of the buffer it is given: a copy keeps the caller's bytes intact.
  return getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    standardFontDataUrl: STANDARD_FONTS,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  const document = await open(bytes);
  try {
    const { info, metadata } = await document.getMetadata();
    const file = Buffer.from(bytes).toString('latin1');
    const pageSizes: [number, number][] = [];
    const lines: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      pageSizes.push([x1 - x0, y1 - y0]);
      // Unnormalised, so that a wrong ToUnicode mapping is not hidden by NFKC folding.
      const spans = pageSpans(file, page.ref as { num: number; gen: number });
      const content = await page.getTextContent({ disableNormalization: true, includeMarkedContent: true });
      let insideSpan = 0;
      for (const item of content.items) {
        if ('str' in item) {
          if (insideSpan === 0) lines.push(withoutControls(item.str), item.hasEOL ? '\n' : '');
        } else if (item.type === 'beginMarkedContentProps') {
          const actual = spans.shift();
          if (actual === undefined) throw new Error('PDF.js found more marked-content spans than the content streams hold');
          if (actual !== null) {
            if (insideSpan === 0) lines.push(actual);
            insideSpan++;
          } else if (insideSpan > 0) insideSpan++;
        } else if (item.type === 'endMarkedContent' && insideSpan > 0) insideSpan--;
      }
      if (spans.length > 0) throw new Error(`${spans.length} marked-content spans of page ${number} were not seen by PDF.js`);
      lines.push('\n');
    }
    return {
      pages: document.numPages,
      pageSizes,
      info: info as Record<string, unknown>,
      xmp: metadata?.getRaw() ?? '',
      text: lines.join(''),
    };
  } finally {
    await document.destroy();
  }
}

export type RenderedPage = {
  png: Buffer;
  /** Share of the page's pixels that are not white: zero when nothing was drawn. */
  inkRatio: number;
};

/** Draws one page at `dpi` on a white background. */
export async function renderPdfPage(bytes: Uint8Array, pageNumber: number, dpi: number): Promise<RenderedPage> {
  const document = await open(bytes);
  try {
    const page = await document.getPage(pageNumber);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({
      canvas: canvas as unknown as RenderParameters['canvas'],
      canvasContext: context as unknown as RenderParameters['canvasContext'],
      viewport,
    }).promise;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i]! < 250 || data[i + 1]! < 250 || data[i + 2]! < 250) inked++;
    }
    return { png: canvas.toBuffer('image/png'), inkRatio: inked / (data.length / 4) };
  } finally {
    await document.destroy();
  }
}

/** The ActualText of each BDC marked-content sequence of one page's content streams, in order (null without one). */
function pageSpans(file: string, page: { num: number; gen: number }): (string | null)[] {
  const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(objectText(file, page.num, page.gen))?.[1] ?? '';
  return [...contents.matchAll(/(\d+)\s+(\d+)\s+R/g)].flatMap(([, num, gen]) => {
    const object = objectText(file, Number(num), Number(gen));
    const start = object.search(/stream\r?\n/);
    const raw = Buffer.from(object.slice(object.indexOf('\n', start) + 1, object.lastIndexOf('endstream')), 'latin1');
    return spansOf((object.slice(0, start).includes('/FlateDecode') ? zlib.inflateSync(raw) : raw).toString('latin1'));
  });
}

function objectText(file: string, num: number, gen: number): string {
  const start = new RegExp(`(^|[\\r\\n])${num} ${gen} obj\\b`).exec(file);
  if (!start) throw new Error(`PDF object ${num} ${gen} not found`);
  return file.slice(start.index, file.indexOf('endobj', start.index));
}

function spansOf(content: string): (string | null)[] {
  const spans: (string | null)[] = [];
  let actual: string | null = null;
  let i = 0;
  while (i < content.length) {
    const c = content[i]!;
    if (c === '(') {
      const [value, next] = literalString(content, i);
      if (
        content
          .slice(Math.max(0, i - 13), i)
          .trimEnd()
          .endsWith('/ActualText')
      )
        actual = textString(value);
      i = next;
    } else if (content.startsWith('BDC', i) && /\s/.test(content[i - 1] ?? ' ') && /\s|$/.test(content[i + 3] ?? '')) {
      spans.push(actual);
      actual = null;
      i += 3;
    } else i++;
  }
  return spans;
}

/** A PDF literal string starting at `open`, unescaped to its bytes (latin1), and the index after it. */
function literalString(content: string, open: number): [string, number] {
  const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
  let depth = 1;
  let value = '';
  let i = open + 1;
  while (i < content.length) {
    const c = content[i]!;
    if (c === '\\') {
      const next = content[i + 1] ?? '';
      const octal = /^[0-7]{1,3}/.exec(content.slice(i + 1, i + 4));
      if (octal) {
        value += String.fromCharCode(Number.parseInt(octal[0], 8));
        i += 1 + octal[0].length;
        continue;
      }
      if (next === '\r' || next === '\n') {
        i += content.startsWith('\r\n', i + 1) ? 3 : 2;
        continue;
      }
      value += ESCAPES[next] ?? next;
      i += 2;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return [value, i + 1];
    value += c;
    i++;
  }
  throw new Error('Unterminated string in a PDF content stream');
}

/** A PDF text string: UTF-16BE after a byte-order mark, else PDFDocEncoding (Latin-1 for our purposes). */
function textString(latin1: string): string {
  const bytes = Buffer.from(latin1, 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return latin1;
}

/**
 * PDF.js reads an empty ToUnicode entry (a glyph that stands for no character) as the glyph's code
 * itself, a control character; a reader gets nothing for it.
 */
function withoutControls(text: string): string {
  return [...text].filter((c) => c >= ' ' || c === '\n' || c === '\t').join('');
}
