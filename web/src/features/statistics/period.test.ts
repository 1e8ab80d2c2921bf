import { describe, expect, it } from 'vitest';
import { currentYearIn, periodAYearEarlier, periodRange, periodSlug } from './period';
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
    expect(periodRange({ kind: 'range', from: '2025-02-10', to: '2025-05-01' })).toEqual({ from: '2025-02-10', to: '2025-05-01' });
  });

  it('compares with the same period a year earlier, a leap day falling back to the 28th', () => {
    expect(periodAYearEarlier({ kind: 'quarter', year: 2025, quarter: 3 })).toEqual({ kind: 'quarter', year: 2024, quarter: 3 });
    expect(periodAYearEarlier({ kind: 'year', year: 2025 })).toEqual({ kind: 'year', year: 2024 });
    expect(periodAYearEarlier({ kind: 'range', from: '2024-02-29', to: '2024-12-31' })).toEqual({
      kind: 'range',
      from: '2023-02-28',
      to: '2023-12-31',
    });
    // Whole months stay whole: February a year before a common year ends on the leap day.
    expect(periodAYearEarlier({ kind: 'range', from: '2025-02-01', to: '2025-02-28' })).toEqual({
      kind: 'range',
      from: '2024-02-01',
      to: '2024-02-29',
    });
  });

  it('names a period in a file name', () => {
    expect(periodSlug({ kind: 'year', year: 2025 })).toBe('2025');
    expect(periodSlug({ kind: 'quarter', year: 2025, quarter: 2 })).toBe('2025-Q2');
    expect(periodSlug({ kind: 'range', from: '2025-01-15', to: '2025-06-30' })).toBe('2025-01-15_2025-06-30');
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

  it('reads the period: dates in order, else a quarter of a year, else a year, else this year', () => {
    expect(periodOf({ from: '2025-01-01', to: '2025-02-01', year: 2020 }, 2026)).toEqual({
      kind: 'range',
      from: '2025-01-01',
      to: '2025-02-01',
    });
    expect(periodOf({ from: '2025-03-01', to: '2025-02-01', year: 2020, quarter: 4 }, 2026)).toEqual({
      kind: 'quarter',
      year: 2020,
      quarter: 4,
    });
    expect(periodOf({ year: 2020 }, 2026)).toEqual({ kind: 'year', year: 2020 });
    expect(periodOf({ quarter: 1 }, 2026)).toEqual({ kind: 'quarter', year: 2026, quarter: 1 });
    expect(periodOf({}, 2026)).toEqual({ kind: 'year', year: 2026 });
  });

  it('writes a period back to the address, clearing the parameters of the other kinds', () => {
    expect(periodSearch({ kind: 'quarter', year: 2025, quarter: 2 })).toEqual({ year: 2025, quarter: 2, from: undefined, to: undefined });
    expect(periodSearch({ kind: 'range', from: '2025-01-01', to: '2025-02-01' })).toEqual({
      year: undefined,
      quarter: undefined,
      from: '2025-01-01',
      to: '2025-02-01',
    });
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
