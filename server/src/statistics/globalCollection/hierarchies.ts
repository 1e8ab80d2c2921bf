/**
 * The fixed generalisation hierarchies of the quasi-identifiers, finest level first. Sex and
 * domestic/abroad have none: they are already as coarse as a collection takes them, and a class
 * they leave under k is suppressed. The year has none either: a file holds one year.
 */
export const QUASI_IDENTIFIERS = ['age', 'exploitation', 'citizenship'] as const;
export type QuasiIdentifier = (typeof QUASI_IDENTIFIERS)[number];

/** The level chosen for each quasi-identifier: an index into LEVEL_NAMES. */
export type Generalisation = Record<QuasiIdentifier, number>;

export const LEVEL_NAMES: Record<QuasiIdentifier, readonly string[]> = {
  age: ['single year', 'CTDC broad band', 'minor/adult', 'suppressed'],
  exploitation: ['per-type flags', 'major type', 'suppressed'],
  citizenship: ['country', 'subregion (Mekong, rest of ASEAN, other)', 'suppressed'],
};

/** The highest level each quasi-identifier may take. */
export const HEIGHTS: Generalisation = {
  age: LEVEL_NAMES.age.length - 1,
  exploitation: LEVEL_NAMES.exploitation.length - 1,
  citizenship: LEVEL_NAMES.citizenship.length - 1,
};

/** CTDC's `ageBroad` bands (inclusive), written as CTDC writes them. */
const CTDC_AGE_BANDS: readonly (readonly [number, number])[] = [
  [0, 8],
  [9, 17],
  [18, 20],
  [21, 23],
  [24, 26],
  [27, 29],
  [30, 38],
  [39, 47],
];
const CTDC_OLDEST_BAND = 48;

export function ageBroadOf(age: number): string {
  const band = CTDC_AGE_BANDS.find(([from, to]) => age >= from && age <= to);
  return band ? `${band[0]}--${band[1]}` : `${CTDC_OLDEST_BAND}+`;
}

export const majorityStatusOf = (age: number) => (age < 18 ? 'Minor' : 'Adult');

/**
 * The Greater Mekong Sub-region, China included as the partner it is in the region's cooperation
 * (DESIGN.md: Yunnan and Guangxi), and the rest of ASEAN (Timor-Leste a member since 2025).
 */
const MEKONG = new Set(['KH', 'LA', 'MM', 'TH', 'VN', 'CN']);
const REST_OF_ASEAN = new Set(['BN', 'ID', 'MY', 'PH', 'SG', 'TL']);

/** `citizenship` as the database codes it: ISO alpha-2, 'other' or 'unknown'. */
export function subregionOf(citizenship: string): 'Mekong' | 'ASEAN' | 'Other' | null {
  if (citizenship === 'unknown') return null;
  if (MEKONG.has(citizenship)) return 'Mekong';
  if (REST_OF_ASEAN.has(citizenship)) return 'ASEAN';
  return 'Other';
}
