/**
 * Where a PDF's text lines and drawn shapes sit on each page, as PDF.js reads them: enough to check a
 * generated document's layout (lines on top of each other, text off the page or under a box) without
 * trusting the renderer's own arithmetic. Coordinates are points from the top-left corner of the page.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type Box = { x0: number; y0: number; x1: number; y1: number };
export type TextLine = Box & { text: string; size: number; baseline: number };
export type DrawnShape = Box & { paint: 'stroke' | 'fill' };
export type PageLayout = { width: number; height: number; lines: TextLine[]; shapes: DrawnShape[] };

/**
 * The band of a line that the glyphs' bodies fill in every script we set (from the baseline up to
 * about the cap height, down to about the descenders); marks stacked above or below reach further,
 * into the room the line height leaves for them.
 */
const BODY_ABOVE = 0.75;
const BODY_BELOW = 0.2;

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

const PAINTS = new Map<number, DrawnShape['paint']>([
  [OPS.stroke, 'stroke'],
  [OPS.closeStroke, 'stroke'],
  [OPS.fill, 'fill'],
  [OPS.eoFill, 'fill'],
  [OPS.fillStroke, 'fill'],
  [OPS.eoFillStroke, 'fill'],
  [OPS.closeFillStroke, 'fill'],
  [OPS.closeEOFillStroke, 'fill'],
]);

export async function readPdfLayout(bytes: Uint8Array): Promise<PageLayout[]> {
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: PageLayout[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent({ disableNormalization: true });
      const pieces: TextLine[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.width <= 0 || !item.str.trim()) continue;
        const size = Math.hypot(item.transform[2], item.transform[3]);
        const baseline = height - item.transform[5];
        const x0 = item.transform[4];
        pieces.push({
          text: item.str,
          size,
          baseline,
          x0,
          x1: x0 + item.width,
          y0: baseline - BODY_ABOVE * size,
          y1: baseline + BODY_BELOW * size,
        });
      }
      pages.push({ width, height, lines: joinLines(pieces), shapes: await shapes(page, height) });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/**
 * Pieces on about one baseline that follow or cover each other are one line: complex scripts come
 * back from PDF.js in pieces, marks shifted a little up or down and vowel signs drawn over the
 * consonant before them.
 */
function joinLines(pieces: TextLine[]): TextLine[] {
  const lines: TextLine[] = [];
  for (const piece of [...pieces].sort((a, b) => a.x0 - b.x0)) {
    const line = lines.find(
      (candidate) =>
        Math.abs(candidate.baseline - piece.baseline) < 0.3 * Math.min(candidate.size, piece.size) &&
        piece.x0 - candidate.x1 < piece.size * 0.6,
    );
    if (line) {
      line.text += piece.text;
      line.x1 = Math.max(line.x1, piece.x1);
      line.size = Math.max(line.size, piece.size);
      line.y0 = Math.min(line.y0, piece.y0);
      line.y1 = Math.max(line.y1, piece.y1);
    } else lines.push({ ...piece });
  }
  return lines.sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
}

async function shapes(page: Awaited<ReturnType<Awaited<ReturnType<typeof getDocument>['promise']>['getPage']>>, height: number) {
  const { fnArray, argsArray } = await page.getOperatorList();
  const found: DrawnShape[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath) {
      const paint = PAINTS.get(args[0] as number);
      const minMax = args[2] as [number, number, number, number] | null;
      if (!paint || !minMax) return;
      const corners = [apply(ctm, minMax[0], minMax[1]), apply(ctm, minMax[2], minMax[3])];
      const xs = corners.map(([x]) => x);
      const ys = corners.map(([, y]) => height - y);
      found.push({ paint, x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) });
    }
  });
  return found;
}

export const overlaps = (a: Box, b: Box, tolerance = 0.01) =>
  a.x0 < b.x1 - tolerance && b.x0 < a.x1 - tolerance && a.y0 < b.y1 - tolerance && b.y0 < a.y1 - tolerance;

export const inside = (inner: Box, outer: Box, tolerance = 0.01) =>
  inner.x0 >= outer.x0 - tolerance &&
  inner.x1 <= outer.x1 + tolerance &&
  inner.y0 >= outer.y0 - tolerance &&
  inner.y1 <= outer.y1 + tolerance;
