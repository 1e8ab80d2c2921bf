import type { AgeBand, FigureCell, FigureTable, StatisticBreakdown } from '@seamless/contracts';

/**
 * A figure table laid out as rows (first breakdown) by columns (second breakdown), with the
 * margins and total exactly as the server published them: totals are never added up here, since
 * a suppressed cell has no value to add and a rate's total is not the sum of its cells.
 */
export interface FigureGrid {
  by: StatisticBreakdown[];
  threshold: number;
  rowKeys: string[];
  columnKeys: string[];
  /** `[row][column]`; a single column when there is one breakdown, none when there is none. */
  cells: FigureCell[][];
  /** Totals of each row and each column: two breakdowns only (with one, the total is the margin). */
  rowTotals: FigureCell[];
  columnTotals: FigureCell[];
  total: FigureCell;
}

/** Orders one breakdown's values as a reader expects them: calendar order, the country's age bands, then by name. */
export type KeyOrder = (breakdown: StatisticBreakdown, keys: string[]) => string[];

/** A combination the answer leaves out had no records: a true zero, which reveals no one. */
const zero = (keys: string[]): FigureCell => ({ keys, value: 0, suppressed: false });

const cellKey = (keys: readonly string[]) => JSON.stringify(keys);

function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

export function figureGrid(table: FigureTable, order: KeyOrder): FigureGrid {
  const byKeys = new Map(table.cells.map((cell) => [cellKey(cell.keys), cell]));
  const at = (keys: string[]) => byKeys.get(cellKey(keys)) ?? zero(keys);
  const [rowBreakdown, columnBreakdown] = table.by;
  const base = { by: table.by, threshold: table.threshold, total: table.total };
  if (!rowBreakdown) return { ...base, rowKeys: [], columnKeys: [], cells: [], rowTotals: [], columnTotals: [] };

  const keysAt = (index: number, margin: FigureCell[] | undefined) =>
    distinct([...table.cells.map((cell) => cell.keys[index] ?? ''), ...(margin ?? []).map((cell) => cell.keys[0] ?? '')]);
  const rowKeys = order(rowBreakdown, keysAt(0, table.margins[0]));
  if (!columnBreakdown) {
    return { ...base, rowKeys, columnKeys: [], cells: rowKeys.map((row) => [at([row])]), rowTotals: [], columnTotals: [] };
  }
  const columnKeys = order(columnBreakdown, keysAt(1, table.margins[1]));
  const marginAt = (index: number, key: string) => table.margins[index]?.find((cell) => cell.keys[0] === key) ?? zero([key]);
  return {
    ...base,
    rowKeys,
    columnKeys,
    cells: rowKeys.map((row) => columnKeys.map((column) => at([row, column]))),
    rowTotals: rowKeys.map((row) => marginAt(0, row)),
    columnTotals: columnKeys.map((column) => marginAt(1, column)),
  };
}

/** Values that are not in the data but mean "not known": they go last in any order. */
const UNKNOWN_KEYS = new Set(['unknown', 'not_recorded', '']);
const FIXED_ORDER: Partial<Record<StatisticBreakdown, readonly string[]>> = {
  sex: ['female', 'male', 'other'],
  child: ['child', 'adult'],
  domesticAbroad: ['domestic', 'abroad'],
  ethnicMinority: ['true', 'yes', 'false', 'no'],
};
const CALENDAR: ReadonlySet<StatisticBreakdown> = new Set(['year', 'quarter', 'month']);

/** The key order for a reader: fixed vocabularies in their order, periods in time, age bands as the country defines them, the rest by their label. */
export function keyOrder(
  ageBands: readonly AgeBand[],
  label: (breakdown: StatisticBreakdown, key: string) => string,
  locale: string,
): KeyOrder {
  const collator = new Intl.Collator(locale);
  return (breakdown, keys) => {
    const fixed = breakdown === 'ageBand' ? ageBands.map((band) => band.key) : FIXED_ORDER[breakdown];
    const rank = (key: string) => {
      if (UNKNOWN_KEYS.has(key)) return Number.MAX_SAFE_INTEGER;
      const position = fixed?.indexOf(key) ?? -1;
      return position === -1 ? (fixed?.length ?? 0) : position;
    };
    return [...keys].sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (CALENDAR.has(breakdown) ? a.localeCompare(b, 'en') : collator.compare(label(breakdown, a), label(breakdown, b))),
    );
  };
}
