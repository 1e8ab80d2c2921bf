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
