import type { Locale } from '@seamless/contracts';
import { drawLine, lineHeightFactor, type TextStyle, wrapText } from './fonts.js';

export const A4 = { width: 595.28, height: 841.89 };

type FlowOptions = {
  margin: number;
  /** The gap after a paragraph unless one is given. */
  paragraphGap?: number;
  /** Called on every page as it starts, the first included: a banner a document repeats. */
  onPage?: (flow: PdfFlow) => void;
};

/**
 * Text flowing down A4 pages between equal margins, each line set in the Noto face of its script;
 * what does not fit starts the next page. Shared by every generated document.
 */
export class PdfFlow {
  y: number;
  readonly margin: number;
  readonly width: number;
  private readonly paragraphGap: number;
  private readonly onPage?: (flow: PdfFlow) => void;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly locale: Locale,
    options: FlowOptions,
  ) {
    this.margin = options.margin;
    this.y = options.margin;
    this.width = A4.width - 2 * options.margin;
    this.paragraphGap = options.paragraphGap ?? 3;
    this.onPage = options.onPage;
    this.onPage?.(this);
  }

  newPage() {
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.y = this.margin;
    this.onPage?.(this);
  }

  /** Starts the next page unless `height` still fits on this one. */
  ensure(height: number) {
    if (this.y + height > A4.height - this.margin) this.newPage();
  }

  lineHeight(text: string, style: TextStyle) {
    return style.size * lineHeightFactor(text, this.locale);
  }

  paragraph(text: string, style: TextStyle, indent = 0, gapAfter = this.paragraphGap) {
    const lineHeight = this.lineHeight(text, style);
    for (const line of wrapText(this.doc, text, style, this.locale, this.width - indent)) {
      this.ensure(lineHeight);
      drawLine(this.doc, line.text, this.margin + indent, this.y + (lineHeight - style.size) / 2 + style.size * 0.8, style, this.locale);
      this.y += lineHeight;
    }
    this.y += gapAfter;
  }

  rule(color: string, gapAfter = 6, lineWidth = 0.6) {
    this.doc
      .moveTo(this.margin, this.y)
      .lineTo(this.margin + this.width, this.y)
      .lineWidth(lineWidth)
      .strokeColor(color)
      .stroke();
    this.y += gapAfter;
  }

  space(points: number) {
    this.y += points;
  }
}
