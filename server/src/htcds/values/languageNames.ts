import { SUPPORTED_LOCALES } from '@seamless/contracts';
import { catalogueLabels } from './catalogueLabels.js';
import { type Affixes, addLabel } from './labelForms.js';
import { MATCH_STRENGTHS, MatchTable } from './matchTable.js';

/** "ภาษาไทย", "ພາສາລາວ", "ភាសាខ្មែរ", "မြန်မာဘာသာ", "tiếng Thái", "Thai language": the word "language" around a name. */
const LANGUAGE_AFFIXES: Affixes = {
  en: { suffixes: ['language'] },
  th: { prefixes: ['ภาษา'] },
  lo: { prefixes: ['ພາສາ'] },
  km: { prefixes: ['ភាសា'] },
  my: { suffixes: ['ဘာသာ', 'ဘာသာစကား'] },
  vi: { prefixes: ['tiếng'] },
};

/** A language code as BCP 47 spells it: 'th', 'tha', 'zh-CN', 'zh_Hans'. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][a-z\d]{1,8})*$/i;

/**
 * Every written form of the given language codes: the codes, the names Intl gives in our eight
 * languages and the labels of the web catalogue key `vocabulary`.
 */
export function buildLanguageTable(codes: readonly string[], vocabulary: string | undefined): MatchTable {
  const table = new MatchTable();
  for (const code of codes) table.add(code, code, MATCH_STRENGTHS.name, false);
  for (const locale of SUPPORTED_LOCALES) {
    const names = new Intl.DisplayNames([locale], { type: 'language' });
    for (const code of codes) {
      const name = names.of(code);
      if (name && name !== code) addLabel(table, name, code, locale, LANGUAGE_AFFIXES);
    }
  }
  const known = new Set(codes);
  for (const { locale, labels } of vocabulary ? catalogueLabels(vocabulary) : []) {
    for (const [code, label] of labels) if (known.has(code)) addLabel(table, label, code, locale, LANGUAGE_AFFIXES);
  }
  return table;
}

/**
 * The ISO 639-1 form of another code for the same language, by the aliases of Unicode CLDR:
 * ISO 639-2/T and /B and ISO 639-3 ('tha', 'bur', 'chi', 'cmn' → 'th', 'my', 'zh', 'zh') and tags
 * with a region or script ('zh-CN' → 'zh').
 */
export function canonicalLanguageCode(written: string): string | undefined {
  if (!LANGUAGE_TAG.test(written)) return undefined;
  try {
    return new Intl.Locale(written.replaceAll('_', '-')).language;
  } catch {
    // Shaped like a tag but not one ('abc-x'): no language.
    return undefined;
  }
}
