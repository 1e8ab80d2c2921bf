import type { AgencyDirectoryEntry, Locale } from '@seamless/contracts';

/** The country whose official language each interface language is, for agencies' local names. */
const LOCALE_COUNTRY: Partial<Record<Locale, string>> = { th: 'TH', km: 'KH', lo: 'LA', my: 'MM', vi: 'VN', zh: 'CN' };

/** An agency as a reader of this language knows it: its local name at home, its English name elsewhere, with its acronym. */
export function agencyLabel(agency: Pick<AgencyDirectoryEntry, 'name' | 'localName' | 'acronym' | 'countryCode'>, locale: Locale): string {
  const local = LOCALE_COUNTRY[locale] === agency.countryCode && agency.localName ? agency.localName : agency.name;
  return agency.acronym && !local.includes(agency.acronym) ? `${local} (${agency.acronym})` : local;
}
