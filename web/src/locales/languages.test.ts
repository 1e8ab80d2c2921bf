import { SPOKEN_LANGUAGES, SUPPORTED_LOCALES } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';

type LanguageNames = { languageName: Record<string, string> };
type Vocabulary = { vocab: { spokenLanguage: Record<string, string> } };

const languageFiles = import.meta.glob<LanguageNames>('./*/languages.json', { eager: true, import: 'default' });
const vocabularyFiles = import.meta.glob<Vocabulary>('./*/vocabulary.json', { eager: true, import: 'default' });
const namesIn = (locale: string) => languageFiles[`./${locale}/languages.json`]?.languageName ?? {};

/** The letters of each script; spaces and brackets around an alternative name are allowed too. */
const OWN_SCRIPT: Record<string, RegExp> = {
  km: /^[\p{Script=Khmer}\s()]+$/u,
  lo: /^[\p{Script=Lao}\s()]+$/u,
  my: /^[\p{Script=Myanmar}\s()]+$/u,
};

describe('spoken-language names (languages.json, from CLDR by scripts/cldr-locale-data.mjs)', () => {
  it.each(SUPPORTED_LOCALES)('%s names exactly the languages the product records', (locale) => {
    expect(Object.keys(namesIn(locale)).sort()).toEqual([...SPOKEN_LANGUAGES].sort());
  });

  it.each(Object.keys(OWN_SCRIPT))('%s writes every name in its own script', (locale) => {
    const pattern = OWN_SCRIPT[locale] as RegExp;
    expect(Object.entries(namesIn(locale)).filter(([, name]) => !pattern.test(name))).toEqual([]);
  });

  it('takes the names CLDR has from CLDR (Burmese in Burmese is မြန်မာ, Thai in Khmer ថៃ, Khmer in Lao ຂະເໝນ)', () => {
    expect(namesIn('my').my).toBe('မြန်မာ');
    expect(namesIn('km').th).toBe('ថៃ');
    expect(namesIn('lo').km).toBe('ຂະເໝນ');
  });

  it.each(SUPPORTED_LOCALES)('%s gives the server’s HTCDS import the same words (vocab.spokenLanguage)', (locale) => {
    expect(vocabularyFiles[`./${locale}/vocabulary.json`]?.vocab.spokenLanguage).toEqual(namesIn(locale));
  });
});
