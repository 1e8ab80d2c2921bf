import { reportRequestSchema } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { validate } from '../../lib/validation';
import {
  lastCompletePeriod,
  partOptions,
  partsOf,
  reportPeriod,
  reportRequest,
  reportSlug,
  STATUS_COLORS,
  todayIn,
  yearOptions,
} from './reportView';

describe('period choices', () => {
  it('asks for a quarter, a half or nothing as the template needs', () => {
    expect(partsOf('national_quarterly')).toBe(4);
    expect(partOptions('national_quarterly')).toEqual([1, 2, 3, 4]);
    expect(partOptions('national_six_monthly')).toEqual([1, 2]);
    expect(partOptions('national_annual')).toEqual([]);
  });

  it('offers the last period that has ended', () => {
    expect(lastCompletePeriod('national_quarterly', '2026-05-10')).toEqual({ year: 2026, part: 1 });
    expect(lastCompletePeriod('national_quarterly', '2026-02-01')).toEqual({ year: 2025, part: 4 });
    expect(lastCompletePeriod('national_quarterly', '2026-12-31')).toEqual({ year: 2026, part: 3 });
    expect(lastCompletePeriod('national_six_monthly', '2026-07-01')).toEqual({ year: 2026, part: 1 });
    expect(lastCompletePeriod('national_six_monthly', '2026-06-30')).toEqual({ year: 2025, part: 2 });
    expect(lastCompletePeriod('national_annual', '2026-03-01')).toEqual({ year: 2025, part: null });
  });

  it('takes today where the agency works', () => {
    // 31 December 20:00 UTC is already New Year's Day in Bangkok.
    expect(todayIn('TH', new Date('2025-12-31T20:00:00Z'))).toBe('2026-01-01');
    expect(todayIn('TH', new Date('2025-12-31T10:00:00Z'))).toBe('2025-12-31');
  });

  it('lists this year and the ten before, newest first', () => {
    const years = yearOptions(2026);
    expect(years[0]).toBe(2026);
    expect(years).toHaveLength(11);
    expect(years.at(-1)).toBe(2016);
  });
});

describe('the request', () => {
  it('sends the part only for a template that divides the year, and passes the contract', () => {
    const quarterly = reportRequest({ template: 'national_quarterly', year: 2025, part: 2, locale: 'th' });
    expect(validate(reportRequestSchema, quarterly)).toEqual({
      ok: true,
      data: { template: 'national_quarterly', year: 2025, part: 2, locale: 'th' },
    });
    // A quarter left over from switching templates is not sent with an annual report.
    const annual = reportRequest({ template: 'national_annual', year: 2025, part: 3, locale: 'en' });
    expect(validate(reportRequestSchema, annual)).toEqual({ ok: true, data: { template: 'national_annual', year: 2025, locale: 'en' } });
  });

  it('is refused by the contract without a year or a needed part', () => {
    const noYear = validate(reportRequestSchema, reportRequest({ template: 'national_annual', year: null, part: null, locale: 'en' }));
    expect(noYear.ok ? [] : noYear.errors.map((error) => error.path)).toEqual(['year']);
    const noHalf = validate(reportRequestSchema, reportRequest({ template: 'national_six_monthly', year: 2025, part: null, locale: 'en' }));
    expect(noHalf.ok ? [] : noHalf.errors.map((error) => error.path)).toEqual(['part']);
    const thirdHalf = validate(reportRequestSchema, reportRequest({ template: 'national_six_monthly', year: 2025, part: 3, locale: 'en' }));
    expect(thirdHalf.ok).toBe(false);
  });
});

describe('a report read back', () => {
  it('names its period from its first day', () => {
    expect(reportPeriod('national_quarterly', '2025-07-01')).toEqual({ kind: 'quarter', year: 2025, part: 3 });
    expect(reportPeriod('national_six_monthly', '2025-07-01')).toEqual({ kind: 'half', year: 2025, part: 2 });
    expect(reportPeriod('national_six_monthly', '2025-01-01')).toEqual({ kind: 'half', year: 2025, part: 1 });
    expect(reportPeriod('national_annual', '2025-01-01')).toEqual({ kind: 'year', year: 2025 });
    expect(reportSlug('national_quarterly', '2025-10-01')).toBe('2025-Q4');
    expect(reportSlug('national_six_monthly', '2025-07-01')).toBe('2025-H2');
    expect(reportSlug('national_annual', '2025-01-01')).toBe('2025');
  });

  it('colours each status differently', () => {
    expect(new Set(Object.values(STATUS_COLORS)).size).toBe(3);
  });
});
