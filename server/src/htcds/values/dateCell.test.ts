import { describe, expect, it } from 'vitest';
import { parseDateCell } from './dateCell.js';

const today = '2025-06-30';
const read = (cell: Parameters<typeof parseDateCell>[0], notInFuture = false) => parseDateCell(cell, { today, notInFuture });

describe('parseDateCell', () => {
  it('reads an empty cell as no date', () => {
    expect(read(null)).toEqual({ ok: true, value: null });
    expect(read('  ')).toEqual({ ok: true, value: null });
  });

  it('reads spreadsheet dates by their UTC day', () => {
    expect(read(new Date(Date.UTC(2025, 2, 15)))).toEqual({ ok: true, value: '2025-03-15' });
    expect(read(new Date(Number.NaN))).toEqual({ ok: false, code: 'not_a_date', params: { value: '' } });
  });

  it('reads 1900-system serials, Excel leap-year bug included', () => {
    expect(read(45736)).toEqual({ ok: true, value: '2025-03-20' });
    expect(read(45736.75)).toEqual({ ok: true, value: '2025-03-20' });
    expect(read(1)).toEqual({ ok: true, value: '1900-01-01' });
    expect(read(59)).toEqual({ ok: true, value: '1900-02-28' });
    expect(read(61)).toEqual({ ok: true, value: '1900-03-01' });
    // The last serial is 9999-12-31, whose year is read as Buddhist era like every year from 2400.
    expect(read(2_958_465)).toEqual({ ok: true, value: '9456-12-31' });
    // Serial 60 is Excel's 29 February 1900, a day that never was.
    expect(read(60)).toEqual({ ok: false, code: 'not_a_date', params: { value: '60' } });
    expect(read(0)).toEqual({ ok: false, code: 'not_a_date', params: { value: '0' } });
    expect(read(2_958_466)).toEqual({ ok: false, code: 'not_a_date', params: { value: '2958466' } });
  });

  it('reads ISO dates, with or without a time, as the day written', () => {
    expect(read('2025-03-15')).toEqual({ ok: true, value: '2025-03-15' });
    expect(read('2025-03-15T23:30:00+07:00')).toEqual({ ok: true, value: '2025-03-15' });
    expect(read('2025-03-15 08:00')).toEqual({ ok: true, value: '2025-03-15' });
    expect(read('2025/3/5')).toEqual({ ok: true, value: '2025-03-05' });
    expect(read('2025年3月15日')).toEqual({ ok: true, value: '2025-03-15' });
  });

  it('reads day-first dates, the region’s convention', () => {
    expect(read('15/03/2025')).toEqual({ ok: true, value: '2025-03-15' });
    expect(read('5/3/2025')).toEqual({ ok: true, value: '2025-03-05' });
    expect(read('15-03-2025')).toEqual({ ok: true, value: '2025-03-15' });
    expect(read('15.03.2025')).toEqual({ ok: true, value: '2025-03-15' });
    expect(read(' 01/12/2024 10:15 ')).toEqual({ ok: true, value: '2024-12-01' });
  });

  it('reads Buddhist-era years', () => {
    expect(read('15/03/2568')).toEqual({ ok: true, value: '2025-03-15' });
    expect(read('2568-03-15')).toEqual({ ok: true, value: '2025-03-15' });
    expect(read('๑๕/๐๓/๒๕๖๘')).toEqual({ ok: true, value: '2025-03-15' });
    expect(read(new Date(Date.UTC(2568, 2, 15)))).toEqual({ ok: true, value: '2025-03-15' });
    // 2567 BE is 2024, a leap year.
    expect(read('29/02/2567')).toEqual({ ok: true, value: '2024-02-29' });
  });

  it('refuses days that do not exist and text that is no date', () => {
    expect(read('31/02/2020')).toEqual({ ok: false, code: 'not_a_date', params: { value: '31/02/2020' } });
    expect(read('29/02/2023')).toEqual({ ok: false, code: 'not_a_date', params: { value: '29/02/2023' } });
    expect(read('29/02/2024')).toEqual({ ok: true, value: '2024-02-29' });
    expect(read('2025-13-01')).toEqual({ ok: false, code: 'not_a_date', params: { value: '2025-13-01' } });
    expect(read('15/03/25')).toEqual({ ok: false, code: 'not_a_date', params: { value: '15/03/25' } });
    expect(read('next week')).toEqual({ ok: false, code: 'not_a_date', params: { value: 'next week' } });
    expect(read(true)).toEqual({ ok: false, code: 'not_a_date', params: { value: 'TRUE' } });
  });

  it('refuses dates after today only when they cannot lie ahead', () => {
    expect(read('01/07/2025')).toEqual({ ok: true, value: '2025-07-01' });
    expect(read('01/07/2025', true)).toEqual({ ok: false, code: 'future_date', params: { value: '01/07/2025' } });
    expect(read('30/06/2025', true)).toEqual({ ok: true, value: '2025-06-30' });
  });
});
