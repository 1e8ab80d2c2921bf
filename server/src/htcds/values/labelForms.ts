import type { Locale } from '@seamless/contracts';
import { matchKey } from './matchKey.js';
import { MATCH_STRENGTHS, type MatchTable } from './matchTable.js';

/**
 * Words a language puts before or after a name without changing what it names: Thai writes
 * "ภาษาไทย" or just "ไทย" for the Thai language, "ประเทศไทย" or "ไทย" for the country.
 */
export type Affixes = Partial<Record<Locale, { prefixes?: readonly string[]; suffixes?: readonly string[] }>>;

/** Splits 'Myanmar (Burma)', 'Chinese (Mandarin)', 'พม่า (เมียนมา)' into the name and its alternative. */
const WITH_ALTERNATIVE = /^(.+?)\s*\((.+)\)$/;

/**
 * Enters a label in one of our languages, and as weaker variants each half of a bracketed label
 * and the label with or without the language's affixes, so that 'Burma', 'Mandarin' and
 * 'ภาษาไทย' are understood while a full label of another value still wins over them.
 */
export function addLabel(table: MatchTable, label: string, value: string, locale: Locale, affixes: Affixes = {}): void {
  table.add(label, value, MATCH_STRENGTHS.label);
  const text = label.normalize('NFKC').trim();
  const halves = WITH_ALTERNATIVE.exec(text)?.slice(1) ?? [];
  const { prefixes = [], suffixes = [] } = affixes[locale] ?? {};
  for (const form of [text, ...halves]) {
    if (form !== text) table.add(form, value, MATCH_STRENGTHS.variant);
    const key = matchKey(form);
    for (const prefix of prefixes.map(matchKey)) {
      table.add(key.startsWith(prefix) ? key.slice(prefix.length) : prefix + key, value, MATCH_STRENGTHS.variant);
    }
    for (const suffix of suffixes.map(matchKey)) {
      table.add(key.endsWith(suffix) ? key.slice(0, -suffix.length) : key + suffix, value, MATCH_STRENGTHS.variant);
    }
  }
}
