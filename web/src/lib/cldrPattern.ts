/**
 * Formats a date by a CLDR date/time pattern (UTS #35): for the interface languages whose CLDR data
 * the browser lacks (see localeData.ts), the same patterns Intl would use, read from the CLDR JSON.
 */

/** The words a pattern may need besides numbers, from the locale's Gregorian calendar. */
export interface DateSymbols {
  /** Month names in the format context, January first: `MMM`. */
  monthsAbbreviated: readonly string[];
  /** `MMMM`. */
  monthsWide: readonly string[];
  /** `a`, before and after noon. */
  am: string;
  pm: string;
}

/** An escaped apostrophe, a quoted literal (quotes inside doubled), a run of one field letter, or plain text. */
const TOKEN = /''|'(?:[^']|'')*(?:'|$)|([A-Za-z])\1*|[^'A-Za-z]+/g;

// 0–9 here; dates.ts writes them in the language's own digits (Myanmar digits in Burmese).
function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function field(letter: string, width: number, date: Date, symbols: DateSymbols): string | undefined {
  const hours = date.getHours();
  switch (letter) {
    case 'y':
      // `yy` is the two-digit year; any other width is the full year, zero-padded to that width.
      return width === 2 ? pad(date.getFullYear() % 100, 2) : pad(date.getFullYear(), width);
    case 'M':
      if (width === 3) return symbols.monthsAbbreviated[date.getMonth()];
      if (width === 4) return symbols.monthsWide[date.getMonth()];
      return width <= 2 ? pad(date.getMonth() + 1, width) : undefined;
    case 'd':
      return pad(date.getDate(), width);
    case 'H':
      return pad(hours, width);
    case 'h':
      return pad(hours % 12 || 12, width);
    case 'm':
      return pad(date.getMinutes(), width);
    case 's':
      return pad(date.getSeconds(), width);
    case 'a':
      return hours < 12 ? symbols.am : symbols.pm;
    default:
      return undefined;
  }
}

/**
 * The date in the pattern's form, in the device's time zone as Intl would show it; undefined when the
 * pattern uses a field this formatter does not know (narrow months, weekdays, eras, time zones…),
 * so that the caller can fall back to Intl rather than print something wrong.
 */
export function formatPattern(pattern: string, date: Date, symbols: DateSymbols): string | undefined {
  let text = '';
  for (const [token] of pattern.matchAll(TOKEN)) {
    if (token === "''") {
      text += "'";
    } else if (token.startsWith("'")) {
      text += token.slice(1, token.length > 1 && token.endsWith("'") ? -1 : undefined).replaceAll("''", "'");
    } else if (/^[A-Za-z]/.test(token)) {
      const value = field(token.charAt(0), token.length, date, symbols);
      if (value === undefined) return undefined;
      text += value;
    } else {
      text += token;
    }
  }
  return text;
}
