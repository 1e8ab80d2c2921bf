import { describe, expect, it } from 'vitest';
import { parseTextCell } from './textCell.js';

const text = (cell: Parameters<typeof parseTextCell>[0], max = 20) => parseTextCell(cell, { max });

describe('parseTextCell', () => {
  it('keeps phone and ID numbers stored as numbers in full', () => {
    expect(text(66812345678)).toEqual({ ok: true, value: '66812345678' });
    expect(text(123456789012345)).toEqual({ ok: true, value: '123456789012345' });
    expect(text(0.1 + 0.2)).toEqual({ ok: true, value: '0.3' });
  });

  it('writes dates as ISO days and booleans as the sheet shows them', () => {
    expect(text(new Date(Date.UTC(2025, 2, 15)))).toEqual({ ok: true, value: '2025-03-15' });
    expect(text(true)).toEqual({ ok: true, value: 'TRUE' });
  });

  it('trims, and reads an empty cell as no text', () => {
    expect(text('  Somchai  ')).toEqual({ ok: true, value: 'Somchai' });
    expect(text('   ')).toEqual({ ok: true, value: null });
    expect(text(null)).toEqual({ ok: true, value: null });
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(text('𠀀'.repeat(5), 5)).toEqual({ ok: true, value: '𠀀'.repeat(5) });
    expect(text('สมชาย ใจดี', 9)).toEqual({ ok: false, code: 'too_long', params: { max: 9 } });
    expect(text('สมชาย ใจดี', 10)).toEqual({ ok: true, value: 'สมชาย ใจดี' });
  });
});
