import { type CellParse, type CellValue, cellText, parsed, refused } from './cellValue.js';
import { asciiDigits } from './matchKey.js';

type CalendarDay = { year: number; month: number; day: number };

const DAY_MS = 86_400_000;
/**
 * Spreadsheet serials count days in the 1900 date system, which (after Lotus 1-2-3) holds a
 * 29 February 1900 that never was: serial 60. Serials from 61 on are days since 1899-12-30,
 * serials 1–59 days since 1899-12-31, and serial 60 is refused as not a date rather than
 * guessed as 28 February or 1 March.
 */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const EARLY_SERIAL_EPOCH = Date.UTC(1899, 11, 31);
const PHANTOM_LEAP_DAY = 60;
/** 9999-12-31, the last day a spreadsheet can hold. */
const LAST_SERIAL = 2_958_465;

/**
 * Thai sheets often give years in the Buddhist era (2568 = 2025). No Gregorian year a case
 * record needs comes anywhere near 2400, so a year from there on is read as BE.
 */
const BUDDHIST_ERA_FROM = 2400;
const BUDDHIST_ERA_OFFSET = 543;

const TIME_OF_DAY = String.raw`(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?`;
/** Year first: ISO 8601 (with or without a time, kept as the written day) and 2025/03/15. */
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME_OF_DAY}$`, 'i');
/** Day first, the region's convention: 15/03/2025, 5/3/2025, 15-03-2025, 15.03.2025. */
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME_OF_DAY}$`, 'i');
/** Chinese and Japanese: 2025年3月15日. */
const YEAR_MONTH_DAY_SIGNS = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/**
 * A date column's cell as an ISO day (YYYY-MM-DD), or null when empty. `today` (YYYY-MM-DD)
 * bounds dates that cannot lie ahead (birth, events) when `notInFuture` is set.
 */
export function parseDateCell(cell: CellValue, options: { today: string; notInFuture?: boolean }): CellParse<string | null> {
  const written = cellText(cell);
  if (cell === null || (typeof cell === 'string' && !written)) return parsed(null);
  const day = calendarDayOf(cell);
  const iso = day && isoOf(fromBuddhistEra(day));
  if (!iso) return refused('not_a_date', { value: written });
  if (options.notInFuture && iso > options.today) return refused('future_date', { value: written });
  return parsed(iso);
}

function calendarDayOf(cell: Exclude<CellValue, null>): CalendarDay | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : utcDayOf(cell);
  if (typeof cell === 'number') return serialDayOf(cell);
  if (typeof cell === 'string') return writtenDayOf(asciiDigits(cell).trim());
  return null;
}

function serialDayOf(serial: number): CalendarDay | null {
  const whole = Math.floor(serial);
  if (!Number.isFinite(serial) || whole < 1 || whole > LAST_SERIAL || whole === PHANTOM_LEAP_DAY) return null;
  return utcDayOf(new Date((whole < PHANTOM_LEAP_DAY ? EARLY_SERIAL_EPOCH : SERIAL_EPOCH) + whole * DAY_MS));
}

function writtenDayOf(text: string): CalendarDay | null {
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) return dayOf(yearFirst[1], yearFirst[3], yearFirst[4]);
  const signs = YEAR_MONTH_DAY_SIGNS.exec(text);
  if (signs) return dayOf(signs[1], signs[2], signs[3]);
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) return dayOf(dayFirst[4], dayFirst[3], dayFirst[1]);
  return null;
}

const dayOf = (year = '', month = '', day = ''): CalendarDay => ({ year: Number(year), month: Number(month), day: Number(day) });

const utcDayOf = (date: Date): CalendarDay => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });

const fromBuddhistEra = (day: CalendarDay): CalendarDay =>
  day.year >= BUDDHIST_ERA_FROM ? { ...day, year: day.year - BUDDHIST_ERA_OFFSET } : day;

/** The ISO form of a day that exists (31/02 does not), else null. */
function isoOf({ year, month, day }: CalendarDay): string | null {
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && !leap ? 28 : daysInMonth)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
