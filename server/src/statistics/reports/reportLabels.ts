import type { FigureTable, Locale, ReportTemplate, StatisticBreakdown } from '@seamless/contracts';
import { REPORT_TEMPLATES } from '@seamless/contracts';
import { INTL_LOCALE } from '../../documents/pdfDocument.js';
import { reportPartOf } from './reportPeriod.js';
import type { ReportText } from './reportText.js';

const UNKNOWN = new Set(['unknown', 'not_recorded', '']);

export const interpolate = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (values[key] === undefined ? whole : String(values[key])));

/** A year as the report's language counts it: the Buddhist era in Thai. */
export const yearIn = (year: number, locale: Locale) =>
  new Intl.DateTimeFormat(INTL_LOCALE[locale], { year: 'numeric', timeZone: 'UTC', numberingSystem: 'latn' })
    .formatToParts(new Date(Date.UTC(year, 6, 1)))
    .find((part) => part.type === 'year')?.value ?? String(year);

/** Numbers in Latin digits in every language: tables are compared across countries and agencies. */
export const numberIn = (value: number, locale: Locale) =>
  new Intl.NumberFormat(INTL_LOCALE[locale], { numberingSystem: 'latn', maximumFractionDigits: 2 }).format(value);

export const dayIn = (at: Date | string, locale: Locale, timeZone: string) =>
  new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone, numberingSystem: 'latn' }).format(new Date(at));

/** What a report's words need to name breakdown values: the language, its text, and agencies by id. */
export type ReportLabelling = { locale: Locale; text: ReportText; agencyNames: Map<string, string> };

/**
 * A breakdown value as the report prints it: the report's own words for sex, age group and forms
 * of exploitation, countries and months from Node's CLDR data, agencies by name; age bands and
 * provinces as recorded.
 */
export function valueLabel(breakdown: StatisticBreakdown, key: string, { locale, text, agencyNames }: ReportLabelling): string {
  if (UNKNOWN.has(key)) return text.value.notRecorded;
  // Recorded, but outside the list (a nationality, province or form not in the vocabulary); sex has its own "other".
  if (key === 'other' && breakdown !== 'sex') return text.value.other;
  switch (breakdown) {
    case 'year':
      return /^\d{4}$/.test(key) ? yearIn(Number(key), locale) : key;
    case 'quarter': {
      const match = /^(\d{4})-Q([1-4])$/.exec(key);
      return match ? interpolate(text.period.quarterShort, { quarter: match[2]!, year: yearIn(Number(match[1]), locale) }) : key;
    }
    case 'month': {
      const match = /^(\d{4})-(\d{2})$/.exec(key);
      return match
        ? new Intl.DateTimeFormat(INTL_LOCALE[locale], { year: 'numeric', month: 'long', timeZone: 'UTC', numberingSystem: 'latn' }).format(
            new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)),
          )
        : key;
    }
    case 'sex':
      return text.value.sex[key as keyof ReportText['value']['sex']] ?? key;
    case 'child':
      return text.value.child[key as keyof ReportText['value']['child']] ?? key;
    case 'exploitationType':
      return text.value.exploitationType[key as keyof ReportText['value']['exploitationType']] ?? key;
    case 'domesticAbroad':
      return text.value.domesticAbroad[key as keyof ReportText['value']['domesticAbroad']] ?? key;
    case 'ethnicMinority':
      return key === 'true' || key === 'yes'
        ? text.value.ethnicMinority.yes
        : key === 'false' || key === 'no'
          ? text.value.ethnicMinority.no
          : key;
    case 'nationality':
      return new Intl.DisplayNames([INTL_LOCALE[locale], 'en'], { type: 'region', fallback: 'code' }).of(key) ?? key;
    case 'agency':
      return agencyNames.get(key) ?? key;
    default:
      return key;
  }
}

/** The period as the report's title names it: "Quarter 2, 2569", "January–June 2025", "2025". */
export function periodLabel(template: ReportTemplate, from: string, { locale, text }: Pick<ReportLabelling, 'locale' | 'text'>): string {
  const year = yearIn(Number(from.slice(0, 4)), locale);
  const part = reportPartOf(template, from);
  const kind = REPORT_TEMPLATES[template].period;
  if (kind === 'quarter') return interpolate(text.period.quarter, { quarter: part!, year });
  if (kind === 'half') return interpolate(text.period.half[String(part) as '1' | '2'], { year });
  return interpolate(text.period.year, { year });
}

/** "Victims identified — Sex × Age band (Persons)". */
export function tableTitle(table: Pick<FigureTable, 'statistic' | 'by' | 'unit'>, { text }: Pick<ReportLabelling, 'text'>): string {
  const by = table.by.map((breakdown) => text.breakdown[breakdown]).join(' × ');
  return `${text.statistic[table.statistic]}${by ? ` — ${by}` : ''} (${text.unit[table.unit]})`;
}

/** A cell as printed: its number, "< threshold" when hidden. */
export const cellText = (value: number | null, suppressed: boolean, threshold: number, locale: Locale) =>
  suppressed || value === null ? `< ${threshold}` : numberIn(value, locale);
