import type { FigureCell, FigureTable, StatisticBreakdown } from '@seamless/contracts';
import { cellText, type ReportLabelling, tableTitle, valueLabel } from './reportLabels.js';

/** A printed cell: its text, and its number for a spreadsheet (null when hidden). */
export type GridCell = { text: string; value: number | null };
export type GridRow = { label: string; cells: GridCell[]; total: boolean };

/**
 * One table of a report laid out for print and spreadsheet alike: rows of the first breakdown,
 * columns of the second (or the unit), totals last. A figure whose records are not kept yet has
 * no rows and says so.
 */
export type ReportGrid = { title: string; corner: string; columns: string[]; rows: GridRow[]; notRecorded: boolean };

const keyOf = (keys: readonly string[]) => JSON.stringify(keys);

const FIXED_ORDER: Partial<Record<StatisticBreakdown, readonly string[]>> = {
  sex: ['female', 'male', 'other'],
  child: ['child', 'adult'],
  domesticAbroad: ['domestic', 'abroad'],
};
const UNRECORDED = new Set(['unknown', 'not_recorded', '']);

/**
 * The order a reader expects down a table: sexes and age groups as printed forms list them, age
 * bands by age, periods in time, the rest as the database counted them; "not recorded" last.
 */
export function inReadingOrder<T>(breakdown: StatisticBreakdown, items: T[], keyOfItem: (item: T) => string): T[] {
  const fixed = FIXED_ORDER[breakdown];
  const rank = (key: string): number => {
    if (UNRECORDED.has(key)) return Number.MAX_SAFE_INTEGER;
    if (fixed) return fixed.includes(key) ? fixed.indexOf(key) : fixed.length;
    if (breakdown === 'ageBand') return Number.parseInt(key, 10) || 0;
    return 0;
  };
  const byTime = breakdown === 'year' || breakdown === 'quarter' || breakdown === 'month';
  return [...items].sort((a, b) => {
    const [x, y] = [keyOfItem(a), keyOfItem(b)];
    return rank(x) - rank(y) || (byTime ? x.localeCompare(y) : 0);
  });
}

export function gridOf(table: FigureTable, labelling: ReportLabelling): ReportGrid {
  const { text, locale } = labelling;
  const title = tableTitle(table, labelling);
  if (table.availability === 'not_recorded') return { title, corner: '', columns: [], rows: [], notRecorded: true };
  const printed = (cell: FigureCell | undefined): GridCell =>
    cell
      ? { text: cellText(cell.value, cell.suppressed, table.threshold, locale), value: cell.suppressed ? null : cell.value }
      : { text: cellText(0, false, table.threshold, locale), value: 0 };
  const byKeys = new Map(table.cells.map((cell) => [keyOf(cell.keys), cell]));
  const [rowsBy, columnsBy] = table.by;
  const unit = text.unit[table.unit];
  if (!rowsBy) {
    return {
      title,
      corner: '',
      columns: [unit],
      rows: [{ label: text.total, cells: [printed(table.total)], total: true }],
      notRecorded: false,
    };
  }
  if (!columnsBy) {
    return {
      title,
      corner: text.breakdown[rowsBy],
      columns: [unit],
      rows: [
        ...inReadingOrder(rowsBy, table.cells, (cell) => cell.keys[0]!).map((cell) => ({
          label: valueLabel(rowsBy, cell.keys[0]!, labelling),
          cells: [printed(cell)],
          total: false,
        })),
        { label: text.total, cells: [printed(table.total)], total: true },
      ],
      notRecorded: false,
    };
  }
  const rowTotals = inReadingOrder(rowsBy, table.margins[0] ?? [], (cell) => cell.keys[0]!);
  const columnTotals = inReadingOrder(columnsBy, table.margins[1] ?? [], (cell) => cell.keys[0]!);
  const columnKeys = columnTotals.map((cell) => cell.keys[0]!);
  return {
    title,
    corner: `${text.breakdown[rowsBy]} \\ ${text.breakdown[columnsBy]}`,
    columns: [...columnKeys.map((key) => valueLabel(columnsBy, key, labelling)), text.total],
    rows: [
      ...rowTotals.map((rowTotal) => {
        const rowKey = rowTotal.keys[0]!;
        return {
          label: valueLabel(rowsBy, rowKey, labelling),
          cells: [...columnKeys.map((columnKey) => printed(byKeys.get(keyOf([rowKey, columnKey])))), printed(rowTotal)],
          total: false,
        };
      }),
      { label: text.total, cells: [...columnTotals.map(printed), printed(table.total)], total: true },
    ],
    notRecorded: false,
  };
}
