import {
  type CountryFormConfiguration,
  type LocalisedLabels,
  type LookupList,
  PROVINCE_LANGUAGES,
  PROVINCE_LIST_KEY,
  PROVINCES,
  provinceCountryOf,
  SUPPORTED_LOCALES,
} from '@seamless/contracts';
import { l } from './configurations/labels.js';

const LIST_LABELS = l('Provinces', 'จังหวัด', 'ខេត្ត', 'ແຂວງ', 'ပြည်နယ်နှင့် တိုင်းဒေသကြီးများ', 'Tỉnh, thành phố', '省份', '都道府県・州');

/**
 * A country's provinces as its `provinces` lookup list, shipped with every instance: what the
 * intake's location picker offers and the statistics break down by. English and the country's
 * own names come from the contracts; the other languages where the shipped configuration already
 * names the province, English elsewhere.
 */
export function provinceLookupList(configuration: CountryFormConfiguration): LookupList | null {
  const country = provinceCountryOf(configuration.country);
  if (!country) return null;
  const shipped = configuration.lookups.flatMap((list) => list.values);
  const values = PROVINCES[country].map((province, sort) => {
    const named = shipped.find((value) => value.value === province.code)?.labels;
    const labels = Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, named?.[locale] ?? province.name])) as LocalisedLabels;
    return {
      value: province.code,
      labels: { ...labels, en: province.name, [PROVINCE_LANGUAGES[country]]: province.localName },
      active: true,
      sort,
    };
  });
  return { key: PROVINCE_LIST_KEY, labels: LIST_LABELS, values };
}
