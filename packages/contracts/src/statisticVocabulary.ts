/**
 * The names of figures, units and breakdowns (statistics.ts), kept apart from the schemas: the
 * web app's entry (its routes and address bar) needs them, and must not load zod for them.
 */
/** Each published figure. The `unit` says what one counts: a person once however many cases she has, a case, a stay. */
export const STATISTIC_KEYS = [
  'victims_identified',
  'victims_assisted',
  'victims_sheltered',
  'victims_repatriated',
  'cases_opened',
  'cases_investigated',
  'suspects_prosecuted',
  'suspects_convicted',
  'follow_ups_completed',
  'sdg_16_2_2',
] as const;
export type StatisticKey = (typeof STATISTIC_KEYS)[number];

export const STATISTIC_UNITS = ['persons', 'cases', 'suspects', 'follow_ups', 'rate_per_100k'] as const;
export type StatisticUnit = (typeof STATISTIC_UNITS)[number];

/** What a figure can be broken down by. `ageBand` uses the country's configured bands; `child` is < 18 at the event. */
export const STATISTIC_BREAKDOWNS = [
  'year',
  'quarter',
  'month',
  'sex',
  'child',
  'ageBand',
  'nationality',
  'exploitationType',
  'domesticAbroad',
  'ethnicMinority',
  'province',
  'agency',
] as const;
export type StatisticBreakdown = (typeof STATISTIC_BREAKDOWNS)[number];

/**
 * Whether the records a figure counts exist yet: legal proceedings and repatriations arrive with
 * their capabilities, and until then the figure says "no data recorded", never 0.
 */
export const STATISTIC_AVAILABILITY = ['recorded', 'not_recorded'] as const;

/** The last day of the month an ISO date falls in: a figure's period is whole months. */
export function lastDayOfMonth(isoDate: string): string {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${isoDate.slice(0, 7)}-${String(day).padStart(2, '0')}`;
}

/** Breakdowns whose values a period and the country's age bands settle, as `statistic_counts` names them. */
export const CLOSED_BREAKDOWNS = ['year', 'quarter', 'month', 'sex', 'child', 'ageBand', 'domesticAbroad', 'ethnicMinority'] as const;
export type ClosedBreakdown = (typeof CLOSED_BREAKDOWNS)[number];

export const isClosedBreakdown = (breakdown: StatisticBreakdown): breakdown is ClosedBreakdown =>
  (CLOSED_BREAKDOWNS as readonly string[]).includes(breakdown);

const pad2 = (value: number) => String(value).padStart(2, '0');

/**
 * Every value a closed breakdown takes within a period, in the order a reader expects them:
 * `2025`, `2025-Q1`, `2025-03`, `female`, the age band keys …, `unknown` last where the record may
 * not say.
 */
export function closedBreakdownValues(
  breakdown: ClosedBreakdown,
  period: { from: string; to: string },
  ageBandKeys: readonly string[],
): string[] {
  const periods = (name: (year: number, month: number) => string) => {
    const values: string[] = [];
    const [firstYear, firstMonth] = period.from.split('-').map(Number) as [number, number];
    const [lastYear, lastMonth] = period.to.split('-').map(Number) as [number, number];
    for (let index = firstYear * 12 + firstMonth - 1; index <= lastYear * 12 + lastMonth - 1; index += 1) {
      const value = name(Math.floor(index / 12), (index % 12) + 1);
      if (values.at(-1) !== value) values.push(value);
    }
    return values;
  };
  switch (breakdown) {
    case 'year':
      return periods((year) => String(year));
    case 'quarter':
      return periods((year, month) => `${year}-Q${Math.ceil(month / 3)}`);
    case 'month':
      return periods((year, month) => `${year}-${pad2(month)}`);
    case 'sex':
      return ['female', 'male', 'other', 'unknown'];
    case 'child':
      return ['child', 'adult', 'unknown'];
    case 'ageBand':
      return [...ageBandKeys, 'unknown'];
    case 'domesticAbroad':
      return ['domestic', 'abroad', 'unknown'];
    case 'ethnicMinority':
      return ['yes', 'no', 'unknown'];
  }
}
