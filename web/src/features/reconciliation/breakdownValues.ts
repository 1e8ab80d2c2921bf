import type { AgeBand } from '@seamless/contracts';
import type { ReportedBreakdown } from './figureChoice';

/** "Not recorded": agencies report it too, and the figures name it so (statistics/valueLabel.ts). */
export const UNKNOWN_VALUE = 'unknown';

/**
 * Breakdowns whose values are too many to lay out as inputs (every country, province, form of
 * exploitation): the reader adds a line for each value the agency reported.
 */
export const OPEN_BREAKDOWNS: ReadonlySet<ReportedBreakdown> = new Set(['nationality', 'province', 'exploitationType']);

export const isOpenBreakdown = (breakdown: ReportedBreakdown) => OPEN_BREAKDOWNS.has(breakdown);

/** The values the figures use for the closed vocabularies, in the order a reader expects them. */
const FIXED_VALUES: Partial<Record<ReportedBreakdown, readonly string[]>> = {
  sex: ['female', 'male', 'other', UNKNOWN_VALUE],
  child: ['child', 'adult', UNKNOWN_VALUE],
  domesticAbroad: ['domestic', 'abroad', UNKNOWN_VALUE],
  ethnicMinority: ['yes', 'no', UNKNOWN_VALUE],
};

const pad = (value: number) => String(value).padStart(2, '0');

/** Each month of a period, first to last, as `YYYY-MM`. */
function monthsOf(from: string, to: string): { year: number; month: number }[] {
  const months: { year: number; month: number }[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  while (`${year}-${pad(month)}` <= last) {
    months.push({ year, month });
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
  return months;
}

const unique = (values: string[]) => [...new Set(values)];

/**
 * Every value a breakdown can take within a period, as the figures name it (`2025`, `2025-Q1`,
 * `2025-03`, `female`, the country's age band keys), or `null` for an open breakdown.
 */
export function breakdownValues(
  breakdown: ReportedBreakdown,
  period: { from: string; to: string },
  ageBands: readonly AgeBand[],
): string[] | null {
  if (isOpenBreakdown(breakdown)) return null;
  const months = monthsOf(period.from, period.to);
  switch (breakdown) {
    case 'year':
      return unique(months.map(({ year }) => String(year)));
    case 'quarter':
      return unique(months.map(({ year, month }) => `${year}-Q${Math.ceil(month / 3)}`));
    case 'month':
      return months.map(({ year, month }) => `${year}-${pad(month)}`);
    case 'ageBand':
      return [...ageBands.map((band) => band.key), UNKNOWN_VALUE];
    default:
      return [...(FIXED_VALUES[breakdown] ?? [])];
  }
}
