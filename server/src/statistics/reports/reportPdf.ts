import { drawLine, type TextStyle, wrapText } from '../../documents/fonts.js';
import { openPdf } from '../../documents/pdfDocument.js';
import { PdfFlow } from '../../documents/pdfFlow.js';
import { coverOf, type ReportDocument } from './reportDocument.js';
import { gridOf, type ReportGrid } from './reportGrid.js';
import { interpolate } from './reportLabels.js';

const MARGIN = 48;
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

/**
 * One row of a table: the label wrapped in its column, numbers right-aligned in theirs, a hairline
 * under it; a row that does not fit starts the next page.
 */
function drawRow(flow: PdfFlow, label: string, cells: string[], style: TextStyle, shaded: boolean, columnWidth: number) {
  const { doc, locale, margin } = flow;
  const labelLines = wrapText(doc, label, style, locale, LABEL_COLUMN - 2 * PADDING);
  const cellLines = cells.map((cell) => wrapText(doc, cell, style, locale, columnWidth - 2 * PADDING));
  const lineHeight = flow.lineHeight([label, ...cells].join(' '), style);
  const height = Math.max(labelLines.length, ...cellLines.map((lines) => lines.length)) * lineHeight + 2 * PADDING;
  flow.ensure(height);
  if (shaded) doc.rect(margin, flow.y, flow.width, height).fill(COLOURS.band);
  const baseline = (index: number) => flow.y + PADDING + index * lineHeight + (lineHeight - style.size) / 2 + style.size * 0.8;
  labelLines.forEach((line, index) => {
    drawLine(doc, line.text, margin + PADDING, baseline(index), style, locale);
  });
  cellLines.forEach((lines, column) => {
    lines.forEach((line, index) => {
      drawLine(doc, line.text, margin + LABEL_COLUMN + column * columnWidth + PADDING, baseline(index), style, locale, {
        align: 'right',
        width: columnWidth - 2 * PADDING,
      });
    });
  });
  flow.y += height;
  flow.rule(COLOURS.rule, 0, 0.4);
}

/** A table short enough to fit a page starts on a fresh one rather than leaving its last rows behind. */
const KEEP_TOGETHER_UP_TO = 420;

function drawTable(flow: PdfFlow, grid: ReportGrid, number: string, noDataRecorded: string) {
  const estimate = 30 + (grid.rows.length + 1) * 20;
  flow.ensure(estimate <= KEEP_TOGETHER_UP_TO ? estimate : 60);
  flow.paragraph(`${number}. ${grid.title}`, STYLES.heading, 0, 4);
  if (grid.notRecorded) {
    flow.paragraph(noDataRecorded, STYLES.note, 0, 10);
    return;
  }
  const columnWidth = (flow.width - LABEL_COLUMN) / grid.columns.length;
  drawRow(flow, grid.corner, grid.columns, STYLES.cellBold, true, columnWidth);
  for (const row of grid.rows) {
    drawRow(
      flow,
      row.label,
      row.cells.map((cell) => cell.text),
      row.total ? STYLES.cellBold : STYLES.cell,
      false,
      columnWidth,
    );
  }
  flow.space(12);
}

/** The report as an A4 PDF in its language, every script in its Noto face; a draft is marked on every page. */
export async function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  const cover = coverOf(report);
  const { text } = cover;
  const { doc, bytes } = openPdf(report.locale, { title: `${cover.title} — ${cover.period}`, createdAt: report.generatedAt });
  const banner = cover.notReleased;
  // A report not released says so at the top of every page.
  const flow = new PdfFlow(doc, report.locale, {
    margin: MARGIN,
    onPage: banner ? (page) => drawLine(page.doc, banner, MARGIN, 30, STYLES.alert, page.locale) : undefined,
  });
  flow.paragraph(cover.title, STYLES.title, 0, 2);
  flow.paragraph(cover.period, STYLES.period, 0, 8);
  flow.paragraph(cover.status, STYLES.body, 0, 2);
  flow.paragraph(cover.generated, STYLES.note, 0, 1);
  flow.paragraph(cover.frozen, STYLES.note, 0, 8);
  if (cover.approval) {
    flow.paragraph(text.approvedBy, STYLES.heading, 0, 2);
    for (const [label, value] of cover.approval) flow.paragraph(`${label}: ${value}`, STYLES.body, 0, 1);
    if (cover.released) flow.paragraph(cover.released, STYLES.body, 0, 1);
    flow.space(8);
  }
  flow.paragraph(cover.suppressedNote, STYLES.note, 0, cover.adjustedNote ? 2 : 12);
  if (cover.adjustedNote) flow.paragraph(cover.adjustedNote, STYLES.note, 0, 12);
  report.tables.forEach((table, index) => {
    drawTable(flow, gridOf(table, cover.labelling), interpolate(text.table, { number: index + 1 }), text.noDataRecorded);
  });
  doc.end();
  return bytes;
}
