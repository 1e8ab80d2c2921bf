import type { StatisticBreakdown } from '@seamless/contracts';
import { formatYear, intlLocaleFor } from '../../lib/dates';
import { regionName } from '../../lib/regions';

export interface ValueLabelContext {
  locale: string;
  /** A catalogue lookup that answers `undefined` for a key the catalogues do not hold. */
  translate: (key: string, options?: Record<string, unknown>) => string | undefined;
  agencyName: (id: string) => string | undefined;
  /** A province code's name in the country's `provinces` list. */
  provinceName: (code: string) => string | undefined;
}

const UNKNOWN = new Set(['unknown', 'not_recorded', '']);
const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;
const MONTH_KEY = /^(\d{4})-(\d{2})$/;

/** A year standing alone, with the era or counter its language writes (พ.ศ. 2568, 2025年). */
const yearText = (year: number, locale: string) =>
  new Intl.DateTimeFormat(intlLocaleFor(locale), { year: 'numeric' }).format(new Date(year, 6, 1));

/**
 * A breakdown value as the reader reads it: labels the catalogues already hold (sex, child or
 * adult, forms of exploitation), countries and calendar years from the browser's CLDR data (the
 * Buddhist era in Thai), agencies and provinces by name. Age bands are shown as they come.
 */
export function valueLabel(breakdown: StatisticBreakdown, key: string, context: ValueLabelContext): string {
  const { locale, translate } = context;
  if (UNKNOWN.has(key)) return translate('common.notRecorded') ?? key;
  // Recorded, but outside the list: a nationality or form the vocabulary does not hold (sex and province name theirs).
  if (key === 'other' && (breakdown === 'nationality' || breakdown === 'exploitationType'))
    return translate('statistics.value.other') ?? key;
  switch (breakdown) {
    case 'year':
      return /^\d{4}$/.test(key) ? yearText(Number(key), locale) : key;
    case 'quarter': {
      const match = QUARTER_KEY.exec(key);
      return match
        ? (translate('statistics.period.quarterOf', { quarter: match[2], year: formatYear(Number(match[1]), locale) }) ?? key)
        : key;
    }
    case 'month': {
      const match = MONTH_KEY.exec(key);
      return match
        ? new Intl.DateTimeFormat(intlLocaleFor(locale), { year: 'numeric', month: 'short' }).format(
            new Date(Number(match[1]), Number(match[2]) - 1, 1),
          )
        : key;
    }
    case 'sex':
      return translate(`shelters.sex.${key}`) ?? key;
    case 'child':
      return translate(`caseload.ageGroup.${key}`) ?? key;
    case 'exploitationType':
      return translate(`vocab.exploitationType.${key}`) ?? key;
    case 'nationality':
      return regionName(key, locale);
    case 'domesticAbroad':
      return translate(`statistics.value.${key}`) ?? key;
    case 'ethnicMinority':
      return key === 'true' || key === 'yes'
        ? (translate('statistics.value.ethnicMinority') ?? key)
        : key === 'false' || key === 'no'
          ? (translate('statistics.value.notEthnicMinority') ?? key)
          : key;
    case 'agency':
      return context.agencyName(key) ?? key;
    case 'province':
      return context.provinceName(key) ?? (key === 'other' ? (translate('statistics.value.otherProvince') ?? key) : key);
    case 'ageBand':
      return key;
  }
}
