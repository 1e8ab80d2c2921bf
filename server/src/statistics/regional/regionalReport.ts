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
  if (!cell) return unlisted(table, keys);
  if (cell.suppressed) return { state: 'suppressed', threshold: table.threshold };
  return cell.value === null ? { state: 'not_recorded' } : { state: 'shown', value: cell.value };
}

/**
 * A value the table does not list. A suppressed table lists only the values records have, so it
 * was counted as none, as its printed report shows it. A differentially private one lists every
 * value of its breakdowns but the lines of a long one whose noisy count stayed below that
 * breakdown's bar (privateRelease.ts), so the value was hidden below the highest bar of the
 * lines it is in — never 0, which the noise would not tell apart. A table without bars (released
 * before lines had them) left out only lines below its threshold.
 */
function unlisted(table: FigureTable, keys: Keys): RegionalValue {
  const privacy = table.differentialPrivacy;
  if (!privacy) return { state: 'shown', value: 0 };
  const bars = keys.map((key, along) => (key === null ? 0 : (privacy.listedFrom?.[along] ?? 0)));
  return { state: 'suppressed', threshold: Math.max(table.threshold, ...bars) };
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
        privacy: first?.differentialPrivacy
          ? { epsilon: first.differentialPrivacy.epsilon, releaseEpsilon: first.differentialPrivacy.releaseEpsilon }
          : null,
        receivedAt: release.receivedAt?.toISOString() ?? null,
      },
    };
  });
  return { template, ...period, countries, figures };
}
