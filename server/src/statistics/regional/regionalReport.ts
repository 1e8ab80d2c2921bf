import {
  type FigureCell,
  type FigureTable,
  type Locale,
  REPORT_TEMPLATES,
  type RegionalCountry,
  type RegionalFigure,
  type RegionalReport,
  type RegionalRow,
  type RegionalValue,
  type ReportTemplate,
  type StatisticBreakdown,
} from '@seamless/contracts';
import { STATISTIC_DEFINITIONS } from '../definitions.js';
import { inReadingOrder } from '../reports/reportGrid.js';

/** One country's column before it is laid out: who it is, and its release for the period if any. */
export type CountryColumn = Omit<RegionalCountry, 'release'> & {
  release: {
    releasedAt: Date;
    locale: Locale;
    approverPosition: string | null;
    receivedAt: Date | null;
    tables: FigureTable[];
  } | null;
};

type Keys = (string | null)[];
const keyOf = (keys: readonly (string | null)[]) => JSON.stringify(keys);

/** The number a country released for one row, as the regional report shows it. */
function releasedValue(table: FigureTable | undefined, keys: Keys): RegionalValue {
  if (!table) return { state: 'not_released' };
  if (table.availability === 'not_recorded') return { state: 'not_recorded' };
  const cell = cellAt(table, keys);
  // A value the table does not list was counted as none: the printed report shows it as 0 too.
  if (!cell) return { state: 'shown', value: 0 };
  if (cell.suppressed) return { state: 'suppressed', threshold: table.threshold };
  return cell.value === null ? { state: 'not_recorded' } : { state: 'shown', value: cell.value };
}

/** The cell, row or column total, or grand total that a row's keys name (null: summed over that breakdown). */
function cellAt(table: FigureTable, keys: Keys): FigureCell | undefined {
  if (keys.every((key) => key === null)) return table.total;
  if (keys.every((key) => key !== null)) return table.cells.find((cell) => keyOf(cell.keys) === keyOf(keys));
  const along = keys.findIndex((key) => key !== null);
  return table.margins[along]?.find((cell) => cell.keys[0] === keys[along]);
}

/** Every value of one breakdown that any country released, in the order a reader expects. */
function valuesAlong(breakdown: StatisticBreakdown, index: number, tables: FigureTable[]): string[] {
  const seen = new Set<string>();
  for (const table of tables) {
    for (const cell of table.cells) seen.add(cell.keys[index]!);
    for (const cell of table.margins[index] ?? []) seen.add(cell.keys[0]!);
  }
  return inReadingOrder(breakdown, [...seen], (key) => key);
}

/**
 * The rows of a figure: each breakdown value (or pair of values), then for a table of two the
 * totals of each row value and of each column value, and the grand total last.
 */
function rowKeysOf(by: readonly StatisticBreakdown[], tables: FigureTable[]): Keys[] {
  const [rowsBy, columnsBy] = by;
  if (!rowsBy) return [[]];
  const rowValues = valuesAlong(rowsBy, 0, tables);
  if (!columnsBy) return [...rowValues.map((key) => [key]), [null]];
  const columnValues = valuesAlong(columnsBy, 1, tables);
  const released = new Set(tables.flatMap((table) => table.cells.map((cell) => keyOf(cell.keys))));
  const pairs = rowValues.flatMap((row) =>
    columnValues.filter((column) => released.has(keyOf([row, column]))).map((column) => [row, column]),
  );
  return [...pairs, ...rowValues.map((row) => [row, null]), ...columnValues.map((column) => [null, column]), [null, null]];
}

/**
 * The countries' releases of one template and period side by side: one figure per table of the
 * template, one value per country in each row, exactly as each country released it — a hidden
 * cell stays hidden (with that country's threshold), a country without a release says so.
 */
export function regionalReportOf(template: ReportTemplate, period: { from: string; to: string }, columns: CountryColumn[]): RegionalReport {
  const figures: RegionalFigure[] = REPORT_TEMPLATES[template].tables.map(({ statistic, by }, index) => {
    const released = columns.map((column) => column.release?.tables[index]);
    const recorded = released.filter((table): table is FigureTable => table?.availability === 'recorded');
    const rows: RegionalRow[] = rowKeysOf(by, recorded).map((keys) => ({
      keys,
      values: released.map((table) => releasedValue(table, keys)),
    }));
    return { statistic, unit: recorded[0]?.unit ?? STATISTIC_DEFINITIONS[statistic].unit, by: [...by], rows };
  });
  const countries: RegionalCountry[] = columns.map(({ release, ...column }) => {
    const first = release?.tables[0];
    return {
      ...column,
      release: release && {
        releasedAt: release.releasedAt.toISOString(),
        locale: release.locale,
        approverPosition: release.approverPosition,
        threshold: first?.threshold ?? 0,
        adjustment: first?.adjustment ?? 0,
        receivedAt: release.receivedAt?.toISOString() ?? null,
      },
    };
  });
  return { template, ...period, countries, figures };
}
