import { periodShapeOf } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { currentYearIn, MONTHS, type Period, periodAYearEarlier, periodRange, periodSlug, QUARTERS } from './period';
import { breakdownsOf, figureRequest, periodOf, periodSearch, validateStatisticsSearch } from './statisticsSearch';

describe('periods', () => {
  it('gives a year and each quarter as first and last day, both counted', () => {
    expect(periodRange({ kind: 'year', year: 2025 })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect([1, 2, 3, 4].map((quarter) => periodRange({ kind: 'quarter', year: 2024, quarter: quarter as 1 | 2 | 3 | 4 }))).toEqual([
      { from: '2024-01-01', to: '2024-03-31' },
      { from: '2024-04-01', to: '2024-06-30' },
      { from: '2024-07-01', to: '2024-09-30' },
      { from: '2024-10-01', to: '2024-12-31' },
    ]);
  });

  it('gives a month and a run of years as first and last day, both counted', () => {
    expect(periodRange({ kind: 'month', year: 2024, month: 2 })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange({ kind: 'month', year: 2025, month: 2 })).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(periodRange({ kind: 'month', year: 2025, month: 12 })).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(periodRange({ kind: 'years', from: 2019, to: 2025 })).toEqual({ from: '2019-01-01', to: '2025-12-31' });
  });

  it('only ever asks for a period the server accepts', () => {
    const periods: Period[] = [
      { kind: 'year', year: 2025 },
      ...QUARTERS.map((quarter) => ({ kind: 'quarter' as const, year: 2024, quarter })),
      ...MONTHS.flatMap((month) => [2024, 2025].map((year) => ({ kind: 'month' as const, year, month }))),
      { kind: 'years', from: 2019, to: 2025 },
      { kind: 'years', from: 2025, to: 2025 },
    ];
    for (const period of [...periods, ...periods.map(periodAYearEarlier)]) {
      const { from, to } = periodRange(period);
      expect(periodShapeOf(from, to), `${from} to ${to}`).not.toBeNull();
    }
  });

  it('compares with the same period a year earlier', () => {
    expect(periodAYearEarlier({ kind: 'quarter', year: 2025, quarter: 3 })).toEqual({ kind: 'quarter', year: 2024, quarter: 3 });
    expect(periodAYearEarlier({ kind: 'year', year: 2025 })).toEqual({ kind: 'year', year: 2024 });
    expect(periodAYearEarlier({ kind: 'month', year: 2025, month: 1 })).toEqual({ kind: 'month', year: 2024, month: 1 });
    expect(periodAYearEarlier({ kind: 'month', year: 2025, month: 11 })).toEqual({ kind: 'month', year: 2024, month: 11 });
    expect(periodAYearEarlier({ kind: 'years', from: 2019, to: 2025 })).toEqual({ kind: 'years', from: 2018, to: 2024 });
  });

  it('names a period in a file name', () => {
    expect(periodSlug({ kind: 'year', year: 2025 })).toBe('2025');
    expect(periodSlug({ kind: 'quarter', year: 2025, quarter: 2 })).toBe('2025-Q2');
    expect(periodSlug({ kind: 'month', year: 2025, month: 3 })).toBe('2025-03');
    expect(periodSlug({ kind: 'years', from: 2019, to: 2025 })).toBe('2019_2025');
  });

  it("takes the current year in the country's zone, not the server's", () => {
    const newYearInBangkok = new Date('2025-12-31T18:30:00Z');
    expect(currentYearIn('TH', newYearInBangkok)).toBe(2026);
    expect(currentYearIn('IS', newYearInBangkok)).toBe(2025);
  });
});

describe('statistics address', () => {
  it('keeps known choices and drops the rest', () => {
    expect(
      validateStatisticsSearch({
        statistic: 'victims_identified',
        year: '2025',
        quarter: '5',
        by: 'sex,bogus,child,sex,province',
        age: 'child',
        sex: 'unknown',
        agencyId: 'not-a-uuid',
        compare: 'true',
        layout: 'stacked',
      }),
    ).toEqual({
      statistic: 'victims_identified',
      year: 2025,
      quarter: undefined,
      month: undefined,
      from: undefined,
      to: undefined,
      by: 'sex,child',
      age: 'child',
      sex: undefined,
      agencyId: undefined,
      compare: true,
      layout: 'stacked',
    });
    expect(validateStatisticsSearch({ statistic: 'victims', year: 'x', by: 'nothing' })).toMatchObject({
      statistic: undefined,
      year: undefined,
      by: undefined,
    });
  });

  it('reads the period: years in order, else a quarter or month of a year, else a year, else this year', () => {
    expect(periodOf(validateStatisticsSearch({ from: '2019', to: 2025, year: 2020 }), 2026)).toEqual({
      kind: 'years',
      from: 2019,
      to: 2025,
    });
    expect(periodOf({ from: 2025, to: 2024, year: 2020, quarter: 4 }, 2026)).toEqual({ kind: 'quarter', year: 2020, quarter: 4 });
    expect(periodOf(validateStatisticsSearch({ year: '2024', month: '1' }), 2026)).toEqual({ kind: 'month', year: 2024, month: 1 });
    expect(periodOf({ month: 12 }, 2026)).toEqual({ kind: 'month', year: 2026, month: 12 });
    expect(periodOf({ year: 2020 }, 2026)).toEqual({ kind: 'year', year: 2020 });
    expect(periodOf({ quarter: 1 }, 2026)).toEqual({ kind: 'quarter', year: 2026, quarter: 1 });
    expect(periodOf({}, 2026)).toEqual({ kind: 'year', year: 2026 });
  });

  it('reads an address from before periods were calendar units as the current year', () => {
    const freeRange = validateStatisticsSearch({ statistic: 'cases_opened', from: '2025-02-01', to: '2025-05-31' });
    expect(freeRange).toMatchObject({ statistic: 'cases_opened', from: undefined, to: undefined });
    expect(periodOf(freeRange, 2026)).toEqual({ kind: 'year', year: 2026 });
  });

  it('drops a period parameter that is not a whole number in range', () => {
    const bad = validateStatisticsSearch({ year: '20250', month: '13', quarter: true, from: '1899', to: '2025.5' });
    expect(bad).toMatchObject({ year: undefined, month: undefined, quarter: undefined, from: undefined, to: undefined });
    expect(validateStatisticsSearch({ month: 'true' }).month).toBeUndefined();
    expect(validateStatisticsSearch({ month: 0 }).month).toBeUndefined();
  });

  it('writes a period back to the address, clearing the parameters of the other kinds', () => {
    const none = { year: undefined, quarter: undefined, month: undefined, from: undefined, to: undefined };
    expect(periodSearch({ kind: 'quarter', year: 2025, quarter: 2 })).toEqual({ ...none, year: 2025, quarter: 2 });
    expect(periodSearch({ kind: 'month', year: 2025, month: 3 })).toEqual({ ...none, year: 2025, month: 3 });
    expect(periodSearch({ kind: 'years', from: 2019, to: 2025 })).toEqual({ ...none, from: 2019, to: 2025 });
    for (const period of [
      { kind: 'month', year: 2025, month: 3 },
      { kind: 'years', from: 2019, to: 2025 },
    ] as const) {
      expect(periodOf(periodSearch(period), 2026)).toEqual(period);
    }
    expect(breakdownsOf({ by: 'ageBand,nationality' })).toEqual(['ageBand', 'nationality']);
    expect(breakdownsOf({})).toEqual([]);
  });

  it('asks the figures query for the period and filters', () => {
    expect(
      figureRequest('victims_sheltered', { kind: 'quarter', year: 2025, quarter: 1 }, { by: 'sex', age: 'adult', sex: 'female' }),
    ).toEqual({
      statistic: 'victims_sheltered',
      from: '2025-01-01',
      to: '2025-03-31',
      by: 'sex',
      agencyId: undefined,
      child: 'false',
      sex: 'female',
    });
    expect(figureRequest('cases_opened', { kind: 'year', year: 2025 })).toMatchObject({ by: undefined, child: undefined });
  });
});
