import { EXPLOITATION_TYPES, ISO_COUNTRY_CODES, type StatisticBreakdown } from '@seamless/contracts';
import { useMemo } from 'react';
import { useLocale } from '../../i18n/useLocale';
import { useCountryOptions } from '../countries/useCountries';
import { UNKNOWN_VALUE } from './breakdownValues';
import type { ReportedBreakdown } from './figureChoice';

export interface ValueOption {
  value: string;
  label: string;
}

/**
 * The values a line of an open breakdown can take, named as the figures name them; `null` where
 * the reader types the value (provinces: the country's list is configuration a data officer does not read).
 */
export function useOpenValueOptions(
  valueLabel: (breakdown: StatisticBreakdown, key: string) => string,
): (breakdown: ReportedBreakdown) => ValueOption[] | null {
  const locale = useLocale();
  const countries = useCountryOptions();
  return useMemo(() => {
    const collator = new Intl.Collator(locale);
    const option = (breakdown: StatisticBreakdown) => (value: string) => ({ value, label: valueLabel(breakdown, value) });
    const unknown = (breakdown: StatisticBreakdown) => option(breakdown)(UNKNOWN_VALUE);
    // The region's countries first (the instance's own leading), then every other in the reader's order.
    const listed = new Set(countries.map((country) => country.value));
    const others = [...ISO_COUNTRY_CODES]
      .filter((code) => !listed.has(code))
      .map(option('nationality'))
      .sort((a, b) => collator.compare(a.label, b.label));
    const nationalities = [...countries, ...others, unknown('nationality')];
    const exploitationTypes = [...EXPLOITATION_TYPES.map(option('exploitationType')), unknown('exploitationType')];
    return (breakdown) => {
      switch (breakdown) {
        case 'nationality':
          return nationalities;
        case 'exploitationType':
          return exploitationTypes;
        default:
          return null;
      }
    };
  }, [countries, locale, valueLabel]);
}
