import { STATISTIC_BREAKDOWNS, STATISTIC_KEYS, type StatisticBreakdown, type StatisticKey } from '@seamless/contracts';
import { oneOf } from '../../lib/oneOf';
import { uuidParam } from '../../lib/searchParams';
import { MONTHS, type Period, periodRange, QUARTERS } from './period';
import type { CellRef } from './tableView';

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
  month?: number;
  /** The first and last whole year of a run of years. */
  from?: number;
  to?: number;
  /** Up to two breakdowns, comma-separated as the figures query takes them. */
  by?: string;
  age?: AgeFilter;
  sex?: FigureSex;
  agencyId?: string;
  compare?: boolean;
  layout?: ChartLayout;
}

/** A whole number as the address writes one: neither `true` nor a date such as an older address holds in `from`. */
const wholeNumber = (value: unknown) =>
  typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)) ? Number(value) : Number.NaN;

const yearParam = (value: unknown) => {
  const year = wholeNumber(value);
  return Number.isInteger(year) && year >= 1900 && year <= 2999 ? year : undefined;
};

const memberParam = (value: unknown, members: readonly number[]) => members.find((member) => member === wholeNumber(value));

function breakdownsParam(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const keys = [...new Set(value.split(',').filter((key) => oneOf(key, STATISTIC_BREAKDOWNS)))].slice(0, 2);
  return keys.length > 0 ? keys.join(',') : undefined;
}

export function validateStatisticsSearch(search: Record<string, unknown>): StatisticsSearch {
  return {
    statistic: oneOf(search.statistic, STATISTIC_KEYS),
    year: yearParam(search.year),
    quarter: memberParam(search.quarter, QUARTERS),
    month: memberParam(search.month, MONTHS),
    from: yearParam(search.from),
    to: yearParam(search.to),
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
 * The period the address names: two years in order make a run of years, a year with a quarter or
 * a month that quarter or month, a year alone that year; anything else is the current year.
 */
export function periodOf(search: StatisticsSearch, currentYear: number): Period {
  if (search.from !== undefined && search.to !== undefined && search.from <= search.to) {
    return { kind: 'years', from: search.from, to: search.to };
  }
  const year = search.year ?? currentYear;
  const quarter = QUARTERS.find((value) => value === search.quarter);
  if (quarter) return { kind: 'quarter', year, quarter };
  const month = MONTHS.find((value) => value === search.month);
  return month ? { kind: 'month', year, month } : { kind: 'year', year };
}

type PeriodParams = Pick<StatisticsSearch, 'year' | 'quarter' | 'month' | 'from' | 'to'>;
const NO_PERIOD: PeriodParams = { year: undefined, quarter: undefined, month: undefined, from: undefined, to: undefined };

/** The address parameters of a period, clearing those of the other kinds. */
export function periodSearch(period: Period): PeriodParams {
  switch (period.kind) {
    case 'year':
      return { ...NO_PERIOD, year: period.year };
    case 'quarter':
      return { ...NO_PERIOD, year: period.year, quarter: period.quarter };
    case 'month':
      return { ...NO_PERIOD, year: period.year, month: period.month };
    case 'years':
      return { ...NO_PERIOD, from: period.from, to: period.to };
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

/** The cases behind one cell (`GET /api/statistics/figures/cases`): the figure's request, the cell and a page. */
export interface CellCasesRequest extends FigureRequest {
  keys?: string;
  page: number;
  pageSize: number;
}

export function cellCasesRequest(figure: FigureRequest, at: CellRef, page: number, pageSize: number): CellCasesRequest {
  return { ...figure, by: at.by.join(',') || undefined, keys: at.keys.join(',') || undefined, page, pageSize };
}
