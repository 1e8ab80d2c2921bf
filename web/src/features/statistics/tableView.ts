import type { FigureCell, StatisticBreakdown } from '@seamless/contracts';
import type { FigureGrid } from './figureGrid';

/** Which cell of a figure a shown count is: the breakdowns it is taken over and its values (none for the total). */
export interface CellRef {
  by: StatisticBreakdown[];
  keys: string[];
}

/** A cell as the table shows it; `csv` is the same content without the locale's digit grouping. */
export interface ShownCell {
  text: string;
  csv: string;
  suppressed: boolean;
  /** Where the table knows it: the cell whose records a reader of cases may open. */
  at?: CellRef;
}

/** A cell has records behind it unless it is a published zero (a hidden count may hide some). */
export const hasRecords = (cell: FigureCell) => cell.suppressed || (cell.value !== null && cell.value !== 0);

export interface TableRow {
  label: string;
  cells: ShownCell[];
}

/** What the table shows, in the reader's words: the download writes exactly this. */
export interface TableView {
  header: string[];
  rows: TableRow[];
  totals: TableRow;
}

export interface TableLabels {
  breakdown: (breakdown: StatisticBreakdown) => string;
  value: (breakdown: StatisticBreakdown, key: string) => string;
  /** What one counts, heading the only column of a table with one breakdown or none. */
  unit: string;
  total: string;
  format: (value: number) => string;
}

/** A suppressed count is shown as below the threshold, never as a number or a blank that could pass for zero. */
export const suppressedText = (threshold: number) => `< ${threshold}`;

/** Shown where a figure has no value that is not a suppression, e.g. a rate for a country whose population is not known. */
export const NO_VALUE = '–';

export function shownCell(cell: FigureCell, threshold: number, format: (value: number) => string): ShownCell {
  if (cell.suppressed) {
    const text = suppressedText(threshold);
    return { text, csv: text, suppressed: true };
  }
  if (cell.value === null) return { text: NO_VALUE, csv: '', suppressed: false };
  return { text: format(cell.value), csv: String(cell.value), suppressed: false };
}

export function tableView(grid: FigureGrid, labels: TableLabels): TableView {
  const show = (cell: FigureCell, at: CellRef) => ({
    ...shownCell(cell, grid.threshold, labels.format),
    ...(hasRecords(cell) ? { at } : {}),
  });
  const total = show(grid.total, { by: [], keys: [] });
  const [rowBreakdown, columnBreakdown] = grid.by;
  if (!rowBreakdown) return { header: ['', labels.unit], rows: [], totals: { label: labels.total, cells: [total] } };
  if (!columnBreakdown) {
    const rows = grid.rowKeys.map((key, index) => ({
      label: labels.value(rowBreakdown, key),
      cells: (grid.cells[index] ?? []).map((cell) => show(cell, { by: [rowBreakdown], keys: [key] })),
    }));
    return { header: [labels.breakdown(rowBreakdown), labels.unit], rows, totals: { label: labels.total, cells: [total] } };
  }
  const rows = grid.rowKeys.map((row, index) => ({
    label: labels.value(rowBreakdown, row),
    cells: [
      ...(grid.cells[index] ?? []).map((cell, column) =>
        show(cell, { by: [rowBreakdown, columnBreakdown], keys: [row, grid.columnKeys[column] ?? ''] }),
      ),
      show(grid.rowTotals[index] ?? grid.total, { by: [rowBreakdown], keys: [row] }),
    ],
  }));
  return {
    header: [
      `${labels.breakdown(rowBreakdown)} / ${labels.breakdown(columnBreakdown)}`,
      ...grid.columnKeys.map((key) => labels.value(columnBreakdown, key)),
      labels.total,
    ],
    rows,
    totals: {
      label: labels.total,
      cells: [
        ...grid.columnTotals.map((cell, index) => show(cell, { by: [columnBreakdown], keys: [grid.columnKeys[index] ?? ''] })),
        total,
      ],
    },
  };
}

/** A spreadsheet runs a cell that starts like a formula; a label (an agency's name) must stay text. */
function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The table as CSV (RFC 4180, CRLF lines), headed by a byte-order mark so spreadsheets read
 * Thai, Khmer, Lao and Burmese labels as UTF-8. Counts are written without digit grouping.
 */
export function tableCsv(view: TableView): string {
  const lines = [
    view.header.map(csvText),
    ...[...view.rows, view.totals].map((row) => [csvText(row.label), ...row.cells.map((cell) => csvText(cell.csv))]),
  ];
  return `\uFEFF${lines.map((line) => line.join(',')).join('\r\n')}\r\n`;
}

/** `victims_identified_2025-Q2_by_sex_child.csv`: the figure, the period, and its breakdowns. */
export function csvFileName(statistic: string, periodSlug: string, by: readonly string[]): string {
  return `${[statistic, periodSlug, ...(by.length > 0 ? ['by', ...by] : [])].join('_')}.csv`;
}
