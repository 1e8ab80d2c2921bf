import { lastDayOfMonth, timeZoneOfCountry } from '@seamless/contracts';

export const QUARTERS = [1, 2, 3, 4] as const;
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export type Month = (typeof MONTHS)[number];

/**
 * The period a figure covers, as the reader picks it. Only calendar units: the server refuses free
 * spans, since overlapping ones could be subtracted from each other to reveal a small count.
 */
export type Period =
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; year: number; month: Month }
  | { kind: 'years'; from: number; to: number };

export const PERIOD_KINDS = ['year', 'quarter', 'month', 'years'] as const;

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
    case 'month': {
      const from = `${period.year}-${pad(period.month)}-01`;
      return { from, to: lastDayOfMonth(from) };
    }
    case 'years':
      return { from: `${period.from}-01-01`, to: `${period.to}-12-31` };
  }
}

/** The same period one year earlier, for comparison. */
export function periodAYearEarlier(period: Period): Period {
  switch (period.kind) {
    case 'year':
    case 'quarter':
    case 'month':
      return { ...period, year: period.year - 1 };
    case 'years':
      return { kind: 'years', from: period.from - 1, to: period.to - 1 };
  }
}

/** A period in a file name: `2025`, `2025-Q2`, `2025-03`, `2019_2025`. */
export function periodSlug(period: Period): string {
  switch (period.kind) {
    case 'year':
      return String(period.year);
    case 'quarter':
      return `${period.year}-Q${period.quarter}`;
    case 'month':
      return `${period.year}-${pad(period.month)}`;
    case 'years':
      return `${period.from}_${period.to}`;
  }
}

/** The current year where the reader's agency works: New Year's Eve in Bangkok is already the new year there. */
export function currentYearIn(countryCode: string, now: Date = new Date()): number {
  const year = new Intl.DateTimeFormat('en-US', { timeZone: timeZoneOfCountry(countryCode), year: 'numeric' }).format(now);
  return Number(year);
}
