import { type Locale, type LookupList, PROVINCE_LIST_KEY } from '@seamless/contracts';
import { type ChoiceOption, choiceOptions, localised } from './configuredForm';

/** A country's provinces as the reader reads them: what a picker offers and what a stored code is called. */
export interface Provinces {
  /** Active provinces, in the reader's alphabetical order: a picker of 77 is searched and scanned, not read in code order. */
  options: ChoiceOption[];
  /** The province's name in the reader's language; `undefined` for a value outside the list. */
  name: (value: string) => string | undefined;
}

/** The country's `provinces` lookup list among a form's lookups, or `null` when the country keeps none. */
export function provincesOf(lookups: readonly LookupList[], locale: Locale): Provinces | null {
  const list = lookups.find((candidate) => candidate.key === PROVINCE_LIST_KEY);
  if (!list) return null;
  const names = new Map(list.values.map((entry) => [entry.value, localised(entry.labels, locale)]));
  const collator = new Intl.Collator(locale);
  return {
    options: choiceOptions(list, locale, [])
      .filter((option) => option.active)
      .sort((a, b) => collator.compare(a.label, b.label)),
    name: (value) => names.get(value),
  };
}
