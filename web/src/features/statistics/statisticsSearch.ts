import { STATISTIC_BREAKDOWNS, STATISTIC_KEYS, type StatisticBreakdown, type StatisticKey } from '@seamless/contracts';
import { oneOf } from '../../lib/oneOf';
import { isoDateParam, uuidParam } from '../../lib/searchParams';
import { type Period, periodRange, QUARTERS } from './period';

export const FIGURE_SEXES = ['female', 'male', 'other'] as const;
export type FigureSex = (typeof FIGURE_SEXES)[number];
export const AGE_FILTERS = ['child', 'adult'] as const;
export type AgeFilter = (typeof AGE_FILTERS)[number];
export const CHART_LAYOUTS = ['grouped', 'stacked'] as const;
export type ChartLayout = (typeof CHART_LAYOUTS)[number];

/** The statistics page's choices, kept in the address so a figure can be bookmarked, shared and linked from the dashboard. */
export interface StatisticsSearch {
  statistic?: StatisticKey;
  year?: number;
  quarter?: number;
  from?: string;
  to?: string;
  /** Up to two breakdowns, comma-separated as the figures query takes them. */
  by?: string;
  age?: AgeFilter;
  sex?: FigureSex;
  agencyId?: string;
  compare?: boolean;
  layout?: ChartLayout;
}

const yearParam = (value: unknown) => {
  const year = Number(value);
  return value !== undefined && Number.isInteger(year) && year >= 1900 && year <= 2999 ? year : undefined;
};

function breakdownsParam(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const keys = [...new Set(value.split(',').filter((key) => oneOf(key, STATISTIC_BREAKDOWNS)))].slice(0, 2);
  return keys.length > 0 ? keys.join(',') : undefined;
}

export function validateStatisticsSearch(search: Record<string, unknown>): StatisticsSearch {
  const quarter = Number(search.quarter);
  return {
    statistic: oneOf(search.statistic, STATISTIC_KEYS),
    year: yearParam(search.year),
    quarter: (QUARTERS as readonly number[]).includes(quarter) ? quarter : undefined,
    from: isoDateParam(search.from),
    to: isoDateParam(search.to),
    by: breakdownsParam(search.by),
    age: oneOf(search.age, AGE_FILTERS),
    sex: oneOf(search.sex, FIGURE_SEXES),
    agencyId: uuidParam(search.agencyId),
    compare: search.compare === true || search.compare === 'true' ? true : undefined,
    layout: oneOf(search.layout, CHART_LAYOUTS),
  };
}

export const breakdownsOf = (search: StatisticsSearch): StatisticBreakdown[] =>
  (search.by?.split(',') ?? []).filter((key): key is StatisticBreakdown => oneOf(key, STATISTIC_BREAKDOWNS) !== undefined);

/**
 * The period the address names: two dates in order make a range, a year with a quarter that
 * quarter, a year alone that year; anything else is the current year.
 */
export function periodOf(search: StatisticsSearch, currentYear: number): Period {
  if (search.from && search.to && search.from <= search.to) return { kind: 'range', from: search.from, to: search.to };
  const year = search.year ?? currentYear;
  const quarter = QUARTERS.find((value) => value === search.quarter);
  return quarter ? { kind: 'quarter', year, quarter } : { kind: 'year', year };
}

/** The address parameters of a period, clearing those of the other kinds. */
export function periodSearch(period: Period): Pick<StatisticsSearch, 'year' | 'quarter' | 'from' | 'to'> {
  switch (period.kind) {
    case 'year':
      return { year: period.year, quarter: undefined, from: undefined, to: undefined };
    case 'quarter':
      return { year: period.year, quarter: period.quarter, from: undefined, to: undefined };
    case 'range':
      return { year: undefined, quarter: undefined, from: period.from, to: period.to };
  }
}

/** The figures query's parameters (`GET /api/statistics/figures`) for a statistic over a period. */
export interface FigureRequest {
  statistic: StatisticKey;
  from: string;
  to: string;
  by?: string;
  agencyId?: string;
  child?: 'true' | 'false';
  sex?: FigureSex;
}

export function figureRequest(
  statistic: StatisticKey,
  period: Period,
  filters: Pick<StatisticsSearch, 'by' | 'age' | 'sex' | 'agencyId'> = {},
): FigureRequest {
  return {
    statistic,
    ...periodRange(period),
    by: filters.by || undefined,
    agencyId: filters.agencyId,
    child: filters.age === undefined ? undefined : filters.age === 'child' ? 'true' : 'false',
    sex: filters.sex,
  };
}
