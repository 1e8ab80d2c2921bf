import type { Locale } from '@seamless/contracts';
import { drawLine, lineHeightFactor, type TextStyle, wrapText } from '../../documents/fonts.js';
import { openPdf } from '../../documents/pdfDocument.js';
import { coverOf, type ReportDocument } from './reportDocument.js';
import { gridOf, type ReportGrid } from './reportGrid.js';
import { interpolate } from './reportLabels.js';

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const WIDTH = PAGE.width - 2 * MARGIN;
const LABEL_COLUMN = 150;
const PADDING = 3;
const COLOURS = { navy: '#1d3557', text: '#1f2933', muted: '#616e7c', rule: '#9aa5b1', band: '#eef2f6', alert: '#b00020' };

const STYLES = {
  title: { size: 16, weight: 700, color: COLOURS.navy },
  period: { size: 12.5, weight: 700, color: COLOURS.navy },
  heading: { size: 10.5, weight: 700, color: COLOURS.navy },
  body: { size: 9.5, color: COLOURS.text },
  note: { size: 8, color: COLOURS.muted },
  alert: { size: 9, weight: 700, color: COLOURS.alert },
  cell: { size: 8.5, color: COLOURS.text },
  cellBold: { size: 8.5, weight: 700, color: COLOURS.text },
} satisfies Record<string, TextStyle>;

/** Text and tables flowing down A4 pages; a report not released says so at the top of every page. */
class Flow {
  y = MARGIN;
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly locale: Locale,
    private readonly banner: string | null,
  ) {
    this.stamp();
  }

  private stamp() {
    if (this.banner) drawLine(this.doc, this.banner, MARGIN, 30, STYLES.alert, this.locale);
  }

  newPage() {
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.y = MARGIN;
    this.stamp();
  }

  ensure(height: number) {
    if (this.y + height > PAGE.height - MARGIN) this.newPage();
  }

  lineHeight(text: string, style: TextStyle) {
    return style.size * lineHeightFactor(text, this.locale);
  }

  paragraph(text: string, style: TextStyle, gapAfter = 3, indent = 0) {
    for (const line of wrapText(this.doc, text, style, this.locale, WIDTH - indent)) {
      const height = this.lineHeight(line.text, style);
      this.ensure(height);
      drawLine(this.doc, line.text, MARGIN + indent, this.y + (height - style.size) / 2 + style.size * 0.8, style, this.locale);
      this.y += height;
    }
    this.y += gapAfter;
  }

  /** A table row: the label wrapped in its column, numbers right-aligned; returns nothing, moves down. */
  row(label: string, cells: string[], style: TextStyle, shaded: boolean, columnWidth: number) {
    const labelLines = wrapText(this.doc, label, style, this.locale, LABEL_COLUMN - 2 * PADDING);
    const cellLines = cells.map((cell) => wrapText(this.doc, cell, style, this.locale, columnWidth - 2 * PADDING));
    const lineHeight = this.lineHeight([label, ...cells].join(' '), style);
    const height = Math.max(labelLines.length, ...cellLines.map((lines) => lines.length)) * lineHeight + 2 * PADDING;
    this.ensure(height);
    if (shaded) this.doc.rect(MARGIN, this.y, WIDTH, height).fill(COLOURS.band);
    const baseline = (index: number) => this.y + PADDING + index * lineHeight + (lineHeight - style.size) / 2 + style.size * 0.8;
    labelLines.forEach((line, index) => {
      drawLine(this.doc, line.text, MARGIN + PADDING, baseline(index), style, this.locale);
    });
    cellLines.forEach((lines, column) => {
      lines.forEach((line, index) => {
        drawLine(this.doc, line.text, MARGIN + LABEL_COLUMN + column * columnWidth + PADDING, baseline(index), style, this.locale, {
          align: 'right',
          width: columnWidth - 2 * PADDING,
        });
      });
    });
    this.y += height;
    this.doc
      .moveTo(MARGIN, this.y)
      .lineTo(MARGIN + WIDTH, this.y)
      .lineWidth(0.4)
      .strokeColor(COLOURS.rule)
      .stroke();
  }
}

function drawTable(flow: Flow, grid: ReportGrid, number: string, noDataRecorded: string) {
  flow.ensure(60);
  flow.paragraph(`${number}. ${grid.title}`, STYLES.heading, 4);
  if (grid.notRecorded) {
    flow.paragraph(noDataRecorded, STYLES.note, 10);
    return;
  }
  const columnWidth = (WIDTH - LABEL_COLUMN) / grid.columns.length;
  flow.row(grid.corner, grid.columns, STYLES.cellBold, true, columnWidth);
  for (const row of grid.rows) {
    flow.row(
      row.label,
      row.cells.map((cell) => cell.text),
      row.total ? STYLES.cellBold : STYLES.cell,
      false,
      columnWidth,
    );
  }
  flow.y += 12;
}

/** The report as an A4 PDF in its language, every script in its Noto face; a draft is marked on every page. */
export async function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  const cover = coverOf(report);
  const { text } = cover;
  const { doc, bytes } = openPdf(report.locale, { title: `${cover.title} — ${cover.period}`, createdAt: report.generatedAt });
  const flow = new Flow(doc, report.locale, cover.notReleased);
  flow.paragraph(cover.title, STYLES.title, 2);
  flow.paragraph(cover.period, STYLES.period, 8);
  flow.paragraph(cover.status, STYLES.body, 2);
  flow.paragraph(cover.generated, STYLES.note, 1);
  flow.paragraph(cover.frozen, STYLES.note, 8);
  if (cover.approval) {
    flow.paragraph(text.approvedBy, STYLES.heading, 2);
    for (const [label, value] of cover.approval) flow.paragraph(`${label}: ${value}`, STYLES.body, 1);
    if (cover.released) flow.paragraph(cover.released, STYLES.body, 1);
    flow.y += 8;
  }
  flow.paragraph(cover.suppressedNote, STYLES.note, 12);
  report.tables.forEach((table, index) => {
    drawTable(flow, gridOf(table, cover.labelling), interpolate(text.table, { number: index + 1 }), text.noDataRecorded);
  });
  doc.end();
  return bytes;
}
