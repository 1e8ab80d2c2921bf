/**
 * Every date the interface shows goes through here, so the Thai Buddhist-era calendar and each
 * locale's conventions apply everywhere without a component having to remember them.
 */

import { formatPattern } from './cldrPattern';
import { localDigits } from './digits';
import { type CldrDates, cldrDates } from './localeData';

type DateInput = Date | string | number;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Thai officials read years in the Buddhist era (B.E. = C.E. + 543); elsewhere the Gregorian calendar. */
export function intlLocaleFor(locale: string): string {
  return locale === 'th' ? 'th-TH-u-ca-buddhist' : locale;
}

/**
 * A bare `YYYY-MM-DD` (a birth date, a hearing date) names a calendar day, not an instant:
 * parsing it as UTC midnight would show the previous day west of Greenwich.
 */
function toDate(value: DateInput): Date {
  if (typeof value === 'string') {
    const dateOnly = DATE_ONLY.exec(value);
    if (dateOnly) return new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]));
  }
  return value instanceof Date ? value : new Date(value);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(intlLocaleFor(locale), options);
    formatters.set(key, cached);
  }
  return cached;
}

/**
 * Through Intl, or, where the browser has no CLDR data for the language (Khmer, Lao, Burmese in
 * Chromium), by the CLDR pattern `cldrPattern` picks from the data localeData.ts loaded for it.
 */
function format(value: DateInput, locale: string, options: Intl.DateTimeFormatOptions, cldrPattern: (dates: CldrDates) => string): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  const dates = cldrDates(locale);
  return localDigits((dates && formatPattern(cldrPattern(dates), date, dates)) ?? formatter(locale, options).format(date), locale);
}

export function formatDate(value: DateInput, locale: string): string {
  return format(value, locale, { dateStyle: 'medium' }, (dates) => dates.dateMedium);
}

export function formatDateTime(value: DateInput, locale: string): string {
  return format(value, locale, { dateStyle: 'medium', timeStyle: 'short' }, (dates) =>
    dates.dateTimeMedium.replace('{1}', dates.dateMedium).replace('{0}', dates.timeShort),
  );
}

/** A year as the reader's calendar counts it (the Buddhist era in Thai), e.g. a birth year. */
export function formatYear(year: number, locale: string): string {
  const dates = cldrDates(locale);
  const fromCldr = dates && formatPattern(dates.year, new Date(year, 6, 1), dates);
  if (fromCldr !== undefined) return localDigits(fromCldr, locale);
  const parts = formatter(locale, { year: 'numeric' }).formatToParts(new Date(year, 6, 1));
  return localDigits(parts.find((part) => part.type === 'year')?.value ?? String(year), locale);
}

/** The twelve month names in the reader's language, January first, for picking a month. */
export function monthNames(locale: string): string[] {
  const dates = cldrDates(locale);
  if (dates) return [...dates.monthsWide];
  const months = formatter(locale, { month: 'long' });
  return Array.from({ length: 12 }, (_, index) => months.format(new Date(2000, index, 1)));
}
