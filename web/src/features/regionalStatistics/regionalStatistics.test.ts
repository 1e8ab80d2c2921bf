import { describe, expect, it } from 'vitest';
import { isTotalRow, regionalQuery, rowLabel, valueText } from './regionalView';

const label = (breakdown: string, key: string) => `${breakdown}:${key}`;
const words = { format: (value: number) => value.toLocaleString('en'), notReleased: 'Not released', notRecorded: 'No data recorded' };

describe('the regional report', () => {
  it('asks for a part of the year only where the template divides it', () => {
    expect(regionalQuery({ template: 'asean_actip_annual', year: 2025, part: 2 })).toBe('template=asean_actip_annual&year=2025');
    expect(regionalQuery({ template: 'national_quarterly', year: 2025, part: 2 })).toBe('template=national_quarterly&year=2025&part=2');
  });

  it('labels cells by their values and totals with the word for total', () => {
    expect(rowLabel(['female', 'child'], ['sex', 'child'], label, 'Total')).toBe('sex:female · child:child');
    expect(rowLabel(['female', null], ['sex', 'child'], label, 'Total')).toBe('sex:female · Total');
    expect(rowLabel([null, 'adult'], ['sex', 'child'], label, 'Total')).toBe('child:adult · Total');
    expect(rowLabel([null, null], ['sex', 'child'], label, 'Total')).toBe('Total');
    expect(rowLabel([], [], label, 'Total')).toBe('Total');
    expect([['female', 'child'], ['female', null], []].map(isTotalRow)).toEqual([false, true, true]);
  });

  it('shows a hidden number as below its country’s threshold, and says why a number is missing', () => {
    expect(valueText({ state: 'shown', value: 1234 }, words)).toBe('1,234');
    expect(valueText({ state: 'suppressed', threshold: 5 }, words)).toBe('< 5');
    expect(valueText({ state: 'not_released' }, words)).toBe('Not released');
    expect(valueText({ state: 'not_recorded' }, words)).toBe('No data recorded');
  });
});
