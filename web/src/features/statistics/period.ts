import { lastDayOfMonth, timeZoneOfCountry } from '@seamless/contracts';

/** The period a figure covers, as the reader picks it: a calendar year, one of its quarters, or two dates. */
export type Period =
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'range'; from: string; to: string };

export const PERIOD_KINDS = ['year', 'quarter', 'range'] as const;
export const QUARTERS = [1, 2, 3, 4] as const;

const pad = (value: number) => String(value).padStart(2, '0');
const QUARTER_END_DAY = ['03-31', '06-30', '09-30', '12-31'] as const;

/** The first and last day (both included, as the figures query counts them) of a period. */
export function periodRange(period: Period): { from: string; to: string } {
  switch (period.kind) {
    case 'year':
      return { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
    case 'quarter':
      return {
        from: `${period.year}-${pad((period.quarter - 1) * 3 + 1)}-01`,
        to: `${period.year}-${QUARTER_END_DAY[period.quarter - 1]}`,
      };
    case 'range':
      return { from: period.from, to: period.to };
  }
}

/** The same calendar day a year earlier; 29 February falls back to the 28th. */
function dayAYearEarlier(day: string): string {
  const year = Number(day.slice(0, 4)) - 1;
  const monthDay = day.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' ? '02-28' : monthDay}`;
}

/** The same period one year earlier, for comparison. */
export function periodAYearEarlier(period: Period): Period {
  switch (period.kind) {
    case 'year':
    case 'quarter':
      return { ...period, year: period.year - 1 };
    case 'range':
      return { kind: 'range', from: dayAYearEarlier(period.from), to: lastDayOfMonth(dayAYearEarlier(period.to)) };
  }
}

/** A period in a file name: `2025`, `2025-Q2`, `2025-01-15_2025-06-30`. */
export function periodSlug(period: Period): string {
  switch (period.kind) {
    case 'year':
      return String(period.year);
    case 'quarter':
      return `${period.year}-Q${period.quarter}`;
    case 'range':
      return `${period.from}_${period.to}`;
  }
}

/** The current year where the reader's agency works: New Year's Eve in Bangkok is already the new year there. */
export function currentYearIn(countryCode: string, now: Date = new Date()): number {
  const year = new Intl.DateTimeFormat('en-US', { timeZone: timeZoneOfCountry(countryCode), year: 'numeric' }).format(now);
  return Number(year);
}
