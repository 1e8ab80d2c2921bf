import {
  type LocalisedLabels,
  PROVINCE_LANGUAGES,
  PROVINCE_LIST_KEY,
  PROVINCES,
  provinceCountryOf,
  SUPPORTED_LOCALES,
} from '@seamless/contracts';
import type { Tx } from '../db/client.js';
import { lookupLists } from '../db/schema/index.js';
import { shippedFormConfiguration } from '../forms/configurations/index.js';
import { l } from '../forms/configurations/labels.js';

const LIST_LABELS = l('Provinces', 'จังหวัด', 'ខេត្ត', 'ແຂວງ', 'ပြည်နယ်နှင့် တိုင်းဒေသကြီးများ', 'Tỉnh, thành phố', '省份', '都道府県・州');

/**
 * Where the demo intakes were taken (ISO 3166-2), cycled by person index like the owners: most in
 * Chiang Rai, where the demo's provincial office and shelter work, the others at the Myanmar border
 * in Tak, in Bangkok and in the fishing and factory provinces of the coast; Cambodia's at the Poipet
 * border and in the provinces returnees go home to. Chiang Rai's seven leave enough beside them
 * hidden for the map to show Chiang Rai's count and the other provinces as too few to publish.
 */
const DEMO_INTAKE_LOCATIONS: Record<string, readonly string[]> = {
  TH: [
    'TH-57', // Chiang Rai
    'TH-57',
    'TH-63', // Tak (Mae Sot)
    'TH-63',
    'TH-63',
    'TH-57',
    'TH-90', // Songkhla
    'TH-57',
    'TH-57',
    'TH-57',
    'TH-10', // Bangkok
    'TH-20', // Chon Buri
    'TH-20',
    'TH-57',
    'TH-90',
    'TH-10',
  ],
  KH: ['KH-1', 'KH-12', 'KH-2', 'KH-17'],
};

/** The province a demo intake was taken in, or none where the country's demo names none. */
export function demoIntakeLocation(countryCode: string, index: number): string | undefined {
  const locations = DEMO_INTAKE_LOCATIONS[countryCode];
  return locations?.[index % locations.length];
}

/**
 * The country's provinces as its `provinces` lookup list (what the intake's location picker offers
 * and the statistics break down by): English and the country's own names from the contracts, the
 * other languages where the shipped configuration already names that province, English elsewhere.
 */
export async function seedDemoProvinces(tx: Tx, countryCode: string): Promise<void> {
  const country = provinceCountryOf(countryCode);
  if (!country) return;
  const shipped = shippedFormConfiguration(country)?.lookups.flatMap((list) => list.values) ?? [];
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
  await tx.insert(lookupLists).values({ countryCode, listKey: PROVINCE_LIST_KEY, labels: LIST_LABELS, values }).onConflictDoNothing();
}
