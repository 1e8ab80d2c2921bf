import ExcelJS from 'exceljs';
import { coverOf, type ReportDocument } from './reportDocument.js';
import { gridOf } from './reportGrid.js';
import { interpolate } from './reportLabels.js';

/**
 * The report as a workbook: a cover sheet, then one sheet per table with numbers as numbers
 * (a hidden cell as the text "< 5"), so a ministry can chart it without retyping.
 */
export async function renderReportWorkbook(report: ReportDocument): Promise<Buffer> {
  const cover = coverOf(report);
  const { text } = cover;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Seamless';
  workbook.created = report.generatedAt;
  const front = workbook.addWorksheet(text.contents.slice(0, 31));
  front.columns = [{ width: 34 }, { width: 70 }];
  front.addRow([cover.title]).font = { bold: true, size: 14 };
  front.addRow([cover.period]).font = { bold: true };
  front.addRow([cover.status]);
  if (cover.notReleased) front.addRow([cover.notReleased]).font = { bold: true, color: { argb: 'FFB00020' } };
  front.addRow([cover.generated]);
  front.addRow([cover.frozen]);
  if (cover.approval) {
    front.addRow([]);
    front.addRow([text.approvedBy]).font = { bold: true };
    for (const line of cover.approval) front.addRow(line);
  }
  if (cover.released) front.addRow([cover.released]);
  front.addRow([]);
  for (const note of notesOf(cover)) front.addRow([note]);
  front.addRow([]);
  front.addRow([text.contents]).font = { bold: true };
  report.tables.forEach((table, index) => {
    const grid = gridOf(table, cover.labelling);
    const name = interpolate(text.table, { number: index + 1 });
    front.addRow([name, grid.title]);
    const sheet = workbook.addWorksheet(name.slice(0, 31));
    sheet.addRow([grid.title]).font = { bold: true };
    sheet.addRow([cover.period]);
    sheet.addRow([]);
    if (grid.notRecorded) {
      sheet.addRow([text.noDataRecorded]);
      return;
    }
    const header = sheet.addRow([grid.corner, ...grid.columns]);
    header.font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 4, xSplit: 1 }];
    for (const row of grid.rows) {
      const added = sheet.addRow([row.label, ...row.cells.map((cell) => cell.value ?? cell.text)]);
      if (row.total) added.font = { bold: true };
    }
    sheet.getColumn(1).width = 36;
    for (let column = 2; column <= grid.columns.length + 1; column += 1) sheet.getColumn(column).width = 14;
    sheet.addRow([]);
    for (const note of notesOf(cover)) sheet.addRow([note]);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const notesOf = (cover: { suppressedNote: string; adjustedNote: string | null }) =>
  cover.adjustedNote ? [cover.suppressedNote, cover.adjustedNote] : [cover.suppressedNote];
