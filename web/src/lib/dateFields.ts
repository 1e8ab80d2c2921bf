/**
 * A date typed as day, month and year in the reader's order and calendar, and kept as the ISO
 * `YYYY-MM-DD` the forms and the API use. Thai officials count years in the Buddhist era, so a Thai
 * reader types and reads 2569 where the value holds 2026.
 */

import shortDatePatterns from './shortDatePatterns.json';

export type DatePart = 'day' | 'month' | 'year';

/** What the reader typed or picked: the day and year as typed, the month as 1–12, each '' when empty. */
export interface DateFields {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE_FIELDS: DateFields = { day: '', month: '', year: '' };

/** The years the Buddhist era counts ahead of the Common era. */
const BUDDHIST_ERA_OFFSET = 543;

/** Earlier or later years are a slip of the keyboard (or the other era), not a date a case can hold. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The zeros of the digit sets a reader's keyboard may type: Thai, Lao, Khmer, Myanmar, and full-width (Chinese and Japanese input). */
const NATIVE_ZEROS = [0x0e50, 0x0ed0, 0x17e0, 0x1040, 0xff10];

/** Digits typed in the reader's script, as 0–9. */
export function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0) ?? 0;
    const zero = NATIVE_ZEROS.find((candidate) => code >= candidate && code <= candidate + 9);
    return zero === undefined ? digit : String(code - zero);
  });
}

/** The order of day, month and year in a CLDR date pattern such as `d/M/yy` or `y/MM/dd`. */
export function fieldOrder(pattern: string): DatePart[] {
  const letters: Record<string, DatePart> = { d: 'day', M: 'month', L: 'month', y: 'year' };
  const order: DatePart[] = [];
  // Quoted literals carry no fields.
  for (const letter of pattern.replace(/'[^']*'/g, '')) {
    const part = letters[letter];
    if (part && !order.includes(part)) order.push(part);
  }
  return order.length === 3 ? order : ['day', 'month', 'year'];
}

/** The reader's order of the fields, from the language's CLDR short date pattern. */
export function dateFieldOrder(locale: string): DatePart[] {
  const pattern = (shortDatePatterns as Record<string, string>)[locale] ?? shortDatePatterns.en;
  return fieldOrder(pattern);
}

/** How many years the reader's calendar counts ahead of the stored Common-era year. */
export function eraOffset(locale: string): number {
  return locale === 'th' ? BUDDHIST_ERA_OFFSET : 0;
}

/** The fields of a stored ISO date, the year in the reader's era; empty fields for no or an unreadable date. */
export function splitIsoDate(value: string, locale: string): DateFields {
  const match = ISO_DATE.exec(value);
  if (!match) return EMPTY_DATE_FIELDS;
  return {
    day: String(Number(match[3])),
    month: String(Number(match[2])),
    year: String(Number(match[1]) + eraOffset(locale)),
  };
}

export type DateFieldsReading =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  /** Some fields filled, some not. */
  | { kind: 'incomplete' }
  /** A year outside 1900–2199 once brought to the Common era: most often the other era typed. */
  | { kind: 'implausibleYear' }
  /** No such day: 31 April, 29 February of a common year, day 0. */
  | { kind: 'noSuchDay' };

/** Reads the typed fields as an ISO date, or says what keeps them from being one. */
export function readDateFields(fields: DateFields, locale: string): DateFieldsReading {
  const filled = [fields.day, fields.month, fields.year].map((part) => asciiDigits(part.trim()));
  if (filled.every((part) => part === '')) return { kind: 'empty' };
  if (filled.some((part) => !/^\d+$/.test(part))) return { kind: 'incomplete' };
  const [day, month, typedYear] = filled.map(Number) as [number, number, number];
  const year = typedYear - eraOffset(locale);
  if (year < FIRST_YEAR || year > LAST_YEAR) return { kind: 'implausibleYear' };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { kind: 'noSuchDay' };
  }
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { kind: 'date', iso };
}

/** A year as the reader types it, for an example in a hint. */
export function yearInEra(isoYear: number, locale: string): number {
  return isoYear + eraOffset(locale);
}
