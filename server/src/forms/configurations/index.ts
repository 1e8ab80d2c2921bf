import { type CountryFormConfiguration, countryFormConfigurationSchema } from '@seamless/contracts';
import { KH } from './KH.js';
import { LA } from './LA.js';
import { MM } from './MM.js';
import { TH } from './TH.js';
import { VN } from './VN.js';

/**
 * The form configurations shipped for the five countries, parsed (so defaults such as a lookup
 * value's `active` and `sort` are filled in and a broken file fails at start-up, not at use). An
 * instance loads them into `form_configurations` / lookup lists on a fresh database; admins edit
 * them from there on.
 */
export const SHIPPED_FORM_CONFIGURATIONS: readonly CountryFormConfiguration[] = [TH, KH, LA, VN, MM].map((configuration) =>
  countryFormConfigurationSchema.parse(configuration),
);

/** The shipped configuration of a country (ISO 3166-1 alpha-2), if there is one. */
export function shippedFormConfiguration(countryCode: string): CountryFormConfiguration | undefined {
  const code = countryCode.toUpperCase();
  return SHIPPED_FORM_CONFIGURATIONS.find((configuration) => configuration.country === code);
}
