import { describe, expect, it } from 'vitest';
import { parseIntegerCell } from './integerCell.js';

const age = (cell: Parameters<typeof parseIntegerCell>[0]) => parseIntegerCell(cell, { min: 0, max: 120 });

describe('parseIntegerCell', () => {
  it('reads whole numbers written or stored', () => {
    expect(age('12')).toEqual({ ok: true, value: 12 });
    expect(age(12)).toEqual({ ok: true, value: 12 });
    expect(age(12.0)).toEqual({ ok: true, value: 12 });
    expect(age(' 12.0 ')).toEqual({ ok: true, value: 12 });
    expect(age('+7')).toEqual({ ok: true, value: 7 });
    expect(age('๑๒')).toEqual({ ok: true, value: 12 });
    expect(age('１２')).toEqual({ ok: true, value: 12 });
  });

  it('reads an empty cell as no number', () => {
    expect(age(null)).toEqual({ ok: true, value: null });
    expect(age('')).toEqual({ ok: true, value: null });
  });

  it('refuses fractions and words', () => {
    expect(age(12.5)).toEqual({ ok: false, code: 'not_a_number', params: { value: '12.5' } });
    expect(age('12.5')).toEqual({ ok: false, code: 'not_a_number', params: { value: '12.5' } });
    expect(age('twelve')).toEqual({ ok: false, code: 'not_a_number', params: { value: 'twelve' } });
    expect(age(true)).toEqual({ ok: false, code: 'not_a_number', params: { value: 'TRUE' } });
  });

  it('refuses numbers out of range', () => {
    expect(age(121)).toEqual({ ok: false, code: 'out_of_range', params: { min: 0, max: 120, value: 121 } });
    expect(age('-1')).toEqual({ ok: false, code: 'out_of_range', params: { min: 0, max: 120, value: -1 } });
    expect(age(120)).toEqual({ ok: true, value: 120 });
  });
});
