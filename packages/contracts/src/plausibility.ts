import { z } from 'zod';
import { ISO_COUNTRY_CODES } from './isoCountries.js';

/**
 * The range a date of the case record may fall in. Nobody the system serves was born before
 * 1900, and plans (due dates, consent and document expiries) reach at most this many years ahead.
 */
export const DATE_RANGE = { earliest: '1900-01-01', yearsAhead: 30 } as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** UTC+14 is the earliest time zone: a date that is already today somewhere is not in the future. */
const EARLIEST_ZONE_MS = 14 * 3_600_000;

/** Whether `YYYY-MM-DD` names a day of the calendar (no 30 February, no month 13). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today as `YYYY-MM-DD` where the day has begun earliest. */
export function latestToday(now = new Date()): string {
  return new Date(now.getTime() + EARLIEST_ZONE_MS).toISOString().slice(0, 10);
}

function latestPlannedDate(now = new Date()): string {
  const today = latestToday(now);
  return `${Number(today.slice(0, 4)) + DATE_RANGE.yearsAhead}${today.slice(4)}`;
}

const calendarDate = z
  .string()
  .regex(ISO_DATE, 'YYYY-MM-DD')
  .refine(isCalendarDate, { message: 'Not a day of the calendar.', abort: true })
  .refine((value) => value >= DATE_RANGE.earliest, { message: `Not before ${DATE_RANGE.earliest}.` });

/** A date of the case record: a real calendar day from 1900 up to DATE_RANGE.yearsAhead years ahead. */
export const isoDate = calendarDate.refine((value) => value <= latestPlannedDate(), {
  message: `Not more than ${DATE_RANGE.yearsAhead} years ahead.`,
});

/** A birth date: a real calendar day from 1900 up to today. */
export const birthDate = calendarDate.refine((value) => value <= latestToday(), { message: 'A birth date cannot be in the future.' });

/** An officially assigned ISO 3166-1 alpha-2 code. */
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2')
  .refine((value) => ISO_COUNTRY_CODES.has(value), { message: 'Not an ISO 3166-1 country code.' });

/**
 * Characters no one types into a name or a note: control characters (tab and line breaks aside),
 * and the bidirectional embeddings, overrides and isolates that make `exe.pdf` display as `fdp.exe`
 * or a name read differently from how it sorts and matches.
 */
const HIDDEN_CONTROLS = /(?![\t\n\r])\p{Cc}|[\u202a-\u202e\u2066-\u2069]/u;
/** Invisible characters that are part of words in Khmer, Burmese or emoji, but never a text on their own. */
const INVISIBLE_ONLY = /^[\s\u200b-\u200f\u2060\ufeff\u00ad]+$/u;

/**
 * Half of a surrogate pair on its own: not a character at all. JSON lets one through (`"\ud800"`),
 * and it would be stored, then break exports and every reader that expects well-formed text.
 */
const LONE_SURROGATE = /\p{Cs}/u;

/** Why a text is implausible, or null. Shared by the schemas below and the server's check of every request field. */
export function implausibleTextReason(value: string): string | null {
  if (HIDDEN_CONTROLS.test(value)) return 'Text may not contain control or text-direction override characters.';
  if (LONE_SURROGATE.test(value)) return 'Text may not contain broken characters (half of a surrogate pair).';
  if (INVISIBLE_ONLY.test(value)) return 'Text may not consist of invisible characters only.';
  return null;
}

/** Trimmed free text of at most `max` characters (at least one when required), without hidden controls. */
export function plainText(max: number, options: { min?: number } = {}) {
  return z
    .string()
    .trim()
    .min(options.min ?? 0)
    .max(max)
    .superRefine((value, context) => {
      const reason = value ? implausibleTextReason(value) : null;
      if (reason) context.addIssue({ code: 'custom', message: reason });
    });
}
