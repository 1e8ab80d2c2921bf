import { type StatisticBreakdown, SUBMISSION_MAX_CELLS, type SubmissionProblem, type SubmittedCell } from '@seamless/contracts';
import ExcelJS from 'exceljs';
import { type CellValue, isBlankCell } from '../htcds/sheet/cells.js';
import { readSheetRows } from '../htcds/sheet/readSheet.js';
import { SheetError } from '../htcds/sheet/sheetError.js';
import type { BreakdownValues } from './breakdownValues.js';

/**
 * Reported figures as a workbook (or CSV): a header row naming the breakdowns in order and then
 * `count`; one row per combination of values; a row starting `total` holds the total. Every row
 * is checked before anything is kept, and every problem is reported with its row and column.
 */
export const COUNT_COLUMN = 'count';
export const TOTAL_ROW = 'total';

/** Rows a template lists when every breakdown has a short list of values; longer ones are typed in. */
const LISTED_COMBINATIONS = 400;

export type ReadSubmission = { cells: SubmittedCell[]; total: number | null; problems: SubmissionProblem[] };

const text = (value: CellValue) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '').trim());

function countOf(value: CellValue): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(number) && number >= 0 && number <= 100_000_000 ? number : null;
}

export async function readSubmissionSheet(
  bytes: Buffer,
  by: readonly StatisticBreakdown[],
  known: BreakdownValues,
): Promise<ReadSubmission> {
  const problems: SubmissionProblem[] = [];
  const problem = (row: number | null, column: number | null, code: string, message: string) =>
    problems.push({ row, column, code, message });
  const cells: SubmittedCell[] = [];
  let total: number | null = null;
  let totalRow: number | null = null;
  const seen = new Set<string>();
  const expectedHeader = [...by, COUNT_COLUMN];
  try {
    let header = true;
    for await (const { row, cells: values } of readSheetRows(bytes, {
      limits: { maxRows: SUBMISSION_MAX_CELLS + 2, maxInflatedBytes: 64 * 1024 * 1024 },
    })) {
      if (header) {
        header = false;
        expectedHeader.forEach((name, index) => {
          if (text(values[index] ?? null).toLowerCase() !== name.toLowerCase())
            problem(row, index + 1, 'header', `Column ${index + 1} of the first row must be "${name}".`);
        });
        if (problems.length) break;
        continue;
      }
      // A template row left without a count is a number the agency did not report.
      if (isBlankCell(values[by.length] ?? null)) continue;
      const keys = by.map((_, index) => text(values[index] ?? null));
      const count = countOf(values[by.length] ?? null);
      if (count === null) problem(row, by.length + 1, 'not_a_count', 'A count is a whole number, 0 or more.');
      if (by.length === 0 || keys[0]?.toLowerCase() === TOTAL_ROW) {
        if (totalRow !== null) problem(row, 1, 'duplicate', `The total is entered twice (also in row ${totalRow}).`);
        totalRow = row;
        total = count;
        continue;
      }
      keys.forEach((key, index) => {
        const breakdown = by[index]!;
        if (!key) problem(row, index + 1, 'missing_value', `Enter the ${breakdown}.`);
        else if (!known[breakdown].includes(key)) problem(row, index + 1, 'unknown_value', `"${key}" is not a value of ${breakdown}.`);
      });
      const id = JSON.stringify(keys);
      if (seen.has(id)) problem(row, 1, 'duplicate', 'This combination is entered twice.');
      seen.add(id);
      if (count !== null) cells.push({ keys, value: count });
    }
  } catch (error) {
    if (!(error instanceof SheetError)) throw error;
    problem(null, null, error.code, `The file cannot be read as a spreadsheet (${error.code}).`);
  }
  if (!problems.length && cells.length === 0 && total === null) problem(null, null, 'empty_file', 'The file holds no figures.');
  return { cells, total, problems };
}

/** A workbook to fill in: the header, a row per combination where the lists are short, and the total. */
export async function submissionTemplate(by: readonly StatisticBreakdown[], known: BreakdownValues): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('figures');
  sheet.addRow([...by, COUNT_COLUMN]).font = { bold: true };
  const lists = by.map((breakdown) => known[breakdown]);
  const combinations = lists.reduce((product, list) => product * list.length, 1);
  if (by.length > 0 && combinations <= LISTED_COMBINATIONS) {
    const rows = lists.reduce<string[][]>((partial, list) => partial.flatMap((prefix) => list.map((value) => [...prefix, value])), [[]]);
    for (const keys of rows) sheet.addRow([...keys, null]);
  }
  // Without breakdowns the one count below the header is the total.
  if (by.length > 0) sheet.addRow([TOTAL_ROW, ...by.slice(1).map(() => null), null]).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
