import { globalCollectionQuerySchema } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { exportPath, yearChoices } from './exportRequest';

describe('the global collection export form', () => {
  it('offers the ten latest years that have ended, latest first', () => {
    const years = yearChoices(new Date('2026-03-14T05:00:00Z'));
    expect(years).toHaveLength(10);
    expect([years[0], years.at(-1)]).toEqual([2025, 2016]);
  });

  it('waits for a year to end in every time zone before offering it', () => {
    // Half past midnight on 1 January in Bangkok: 2025 has not yet ended west of Greenwich.
    expect(yearChoices(new Date('2025-12-31T17:30:00Z'))[0]).toBe(2024);
    expect(yearChoices(new Date('2026-01-01T12:00:00Z'))[0]).toBe(2025);
  });

  it('offers only years the server takes, and never the current one', () => {
    const years = yearChoices();
    for (const year of years) expect(globalCollectionQuerySchema.safeParse({ year: String(year) }).success, String(year)).toBe(true);
    expect(years).not.toContain(new Date().getUTCFullYear());
  });

  it('asks the server for one year, and no k', () => {
    expect(exportPath({ year: 2024, format: 'xlsx' })).toBe('/api/statistics/global-collection?year=2024&format=xlsx');
  });
});
