import type { DateSymbols } from './cldrPattern';

/**
 * Some browsers ship without CLDR data for Khmer, Lao and Burmese (Chromium among them: its Intl
 * formats `km` dates in English). For those three languages the interface then formats dates from
 * the CLDR JSON package instead, fetched as a separate chunk only when the interface switches to one
 * of them in such a browser (i18n.ts awaits it with the language's catalogue), so the first screen in
 * that language is already right. Country names are in the catalogues (regions.ts).
 */

interface GregorianJson {
  main: Record<
    string,
    {
      dates: {
        calendars: {
          gregorian: {
            months: { format: { abbreviated: Record<string, string>; wide: Record<string, string> } };
            dayPeriods: { format: { abbreviated: { am: string; pm: string } } };
            dateFormats: { medium: string };
            timeFormats: { short: string };
            dateTimeFormats: { medium: string; availableFormats: { y: string } };
          };
        };
      };
    }
  >;
}

/** One literal import per file, so that these three files, and no other locale's, reach the bundle. */
const loaders: Record<string, () => Promise<{ default: GregorianJson }>> = {
  km: () => import('cldr-dates-full/main/km/ca-gregorian.json'),
  lo: () => import('cldr-dates-full/main/lo/ca-gregorian.json'),
  my: () => import('cldr-dates-full/main/my/ca-gregorian.json'),
};

/** The patterns the interface formats with (medium date, short time) and the words they use. */
export interface CldrDates extends DateSymbols {
  dateMedium: string;
  timeShort: string;
  /** Joins a date `{1}` and a time `{0}`, for a medium date. */
  dateTimeMedium: string;
  /** The pattern for a year on its own. */
  year: string;
}

const loaded = new Map<string, CldrDates>();
const pending = new Map<string, Promise<void>>();

function months(names: Record<string, string>): string[] {
  return Array.from({ length: 12 }, (_, index) => names[String(index + 1)] ?? '');
}

function readLocaleData(locale: string, gregorianModule: { default: GregorianJson }): CldrDates {
  const gregorian = gregorianModule.default.main[locale]?.dates.calendars.gregorian;
  if (!gregorian) throw new Error(`The CLDR data lacks the locale "${locale}"`);
  return {
    monthsAbbreviated: months(gregorian.months.format.abbreviated),
    monthsWide: months(gregorian.months.format.wide),
    am: gregorian.dayPeriods.format.abbreviated.am,
    pm: gregorian.dayPeriods.format.abbreviated.pm,
    dateMedium: gregorian.dateFormats.medium,
    timeShort: gregorian.timeFormats.short,
    dateTimeMedium: gregorian.dateTimeFormats.medium,
    year: gregorian.dateTimeFormats.availableFormats.y,
  };
}

const lacking = new Map<string, boolean>();

/** Whether the browser's Intl has no date data for the locale; a browser that has it keeps using it. */
function intlLacks(locale: string): boolean {
  let lacks = lacking.get(locale);
  if (lacks === undefined) {
    lacks = Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 0;
    lacking.set(locale, lacks);
  }
  return lacks;
}

/**
 * Fetches the CLDR data for an interface language when this browser's Intl lacks it, and does nothing
 * otherwise. Never rejects: should the fetch fail, the interface shows what Intl gives (English
 * month names) rather than no screen; the next change to the language tries again.
 */
export function loadLocaleData(locale: string): Promise<void> {
  const load = loaders[locale];
  if (!load || loaded.has(locale) || !intlLacks(locale)) {
    return Promise.resolve();
  }
  let loading = pending.get(locale);
  if (!loading) {
    loading = load()
      .then((json) => {
        loaded.set(locale, readLocaleData(locale, json));
      })
      .catch((error: unknown) => {
        console.warn(`Could not load the CLDR data for "${locale}"; dates fall back to the browser's`, error);
      })
      .finally(() => pending.delete(locale));
    pending.set(locale, loading);
  }
  return loading;
}

/** The CLDR date patterns to format with, when Intl cannot format dates in this locale and they are loaded. */
export function cldrDates(locale: string): CldrDates | undefined {
  const dates = loaded.get(locale);
  return dates && intlLacks(locale) ? dates : undefined;
}
