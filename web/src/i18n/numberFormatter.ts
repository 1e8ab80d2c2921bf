import { DEFAULT_LOCALE } from '@seamless/contracts';
import type { FormatterModule } from 'i18next';
import { localDigits } from '../lib/digits';
import { formatNumber } from '../lib/numbers';

/** `number` or `number(style: percent; maximumFractionDigits: 1)`: the format's name and its Intl options. */
function parseFormat(format: string): { name: string; options: Intl.NumberFormatOptions } {
  const open = format.indexOf('(');
  if (open < 0) return { name: format.trim(), options: {} };
  const options: Record<string, string | number> = {};
  for (const pair of format.slice(open + 1, format.lastIndexOf(')')).split(';')) {
    const [key, value] = pair.split(':').map((part) => part.trim());
    if (!key || value === undefined) continue;
    options[key] = /^\d+$/.test(value) ? Number(value) : value;
  }
  return { name: format.slice(0, open).trim(), options };
}

/**
 * Every number in a message in the language's own digits, as every other number (lib/numbers.ts): `{{count, number}}`
 * and `{{score, number(style: percent)}}` formatted, and a bare `{{count}}`, `{{year}}` or `{{version}}` given as a
 * number written as it is, in those digits (with `alwaysFormat`, which sends every value here). Text values
 * (a case reference, a count already written as "<5" in a `number` slot) keep their characters but for the digits
 * of a `number` slot; a reference stays in 0–9, as it is typed and searched.
 */
export const numberFormatter: FormatterModule = {
  type: 'formatter',
  init() {},
  add() {},
  addCached() {},
  format(value, format, lng) {
    const language = lng ?? DEFAULT_LOCALE;
    if (value === null || value === undefined) return value;
    if (!format) return typeof value === 'number' ? localDigits(String(value), language) : value;
    const { name, options } = parseFormat(format);
    if (name !== 'number') return value;
    return typeof value === 'number' ? formatNumber(value, language, options) : localDigits(String(value), language);
  },
};
