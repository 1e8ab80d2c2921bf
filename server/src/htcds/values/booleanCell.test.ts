import fs from 'node:fs';
import { SUPPORTED_LOCALES } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { parseBooleanCell } from './booleanCell.js';

const common = (locale: string) =>
  (
    JSON.parse(fs.readFileSync(new URL(`../../../../web/src/locales/${locale}/translation.json`, import.meta.url), 'utf8')) as {
      common: { yes: string; no: string };
    }
  ).common;

describe('parseBooleanCell', () => {
  it('reads spreadsheet booleans, numbers and English words', () => {
    expect(parseBooleanCell(true)).toEqual({ ok: true, value: true });
    expect(parseBooleanCell(false)).toEqual({ ok: true, value: false });
    expect(parseBooleanCell(1)).toEqual({ ok: true, value: true });
    expect(parseBooleanCell(0)).toEqual({ ok: true, value: false });
    for (const word of ['TRUE', 'true', 'Yes', 'y', '1', '✓']) expect(parseBooleanCell(word)).toEqual({ ok: true, value: true });
    for (const word of ['FALSE', 'false', 'NO', 'n', '0', '✗']) expect(parseBooleanCell(word)).toEqual({ ok: true, value: false });
  });

  it('reads yes and no in the other languages', () => {
    for (const word of ['ใช่', 'បាទ', 'ចាស', 'ແມ່ນ', 'ဟုတ်', 'Có', '是', 'はい'])
      expect(parseBooleanCell(word)).toEqual({ ok: true, value: true });
    for (const word of ['ไม่ใช่', 'ទេ', 'ບໍ່', 'မဟုတ်', 'không', '否', 'いいえ'])
      expect(parseBooleanCell(word)).toEqual({ ok: true, value: false });
  });

  it('reads the yes and no the web app shows in each language', () => {
    for (const locale of SUPPORTED_LOCALES) {
      expect(parseBooleanCell(common(locale).yes)).toEqual({ ok: true, value: true });
      expect(parseBooleanCell(common(locale).no)).toEqual({ ok: true, value: false });
    }
  });

  it('reads an empty cell as no answer and refuses anything else', () => {
    expect(parseBooleanCell(null)).toEqual({ ok: true, value: null });
    expect(parseBooleanCell(' ')).toEqual({ ok: true, value: null });
    expect(parseBooleanCell('maybe')).toEqual({ ok: false, code: 'not_a_boolean', params: { value: 'maybe' } });
    expect(parseBooleanCell(2)).toEqual({ ok: false, code: 'not_a_boolean', params: { value: '2' } });
    expect(parseBooleanCell(new Date(Date.UTC(2025, 0, 1)))).toEqual({ ok: false, code: 'not_a_boolean', params: { value: '2025-01-01' } });
  });
});
