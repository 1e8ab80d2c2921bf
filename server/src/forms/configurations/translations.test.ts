import { SUPPORTED_LOCALES } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { SHIPPED_FORM_CONFIGURATIONS } from './index.js';

interface Texts {
  path: string;
  texts: Record<string, unknown>;
}

/** Every set of texts by language (labels and help) in a configuration, with where it sits. */
function localisedTexts(node: unknown, path: string): Texts[] {
  if (Array.isArray(node)) return node.flatMap((child, index) => localisedTexts(child, `${path}[${index}]`));
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  if (typeof record.en === 'string') return [{ path, texts: record }];
  return Object.entries(record).flatMap(([key, child]) => localisedTexts(child, `${path}.${key}`));
}

/** A phrase or sentence a translator must translate; proper names ("Chiang Mai", "1202 DSI") may stay as in English. */
const isSentence = (english: string) => english.trim().split(/\s+/).length >= 4 || /[.?!]$/.test(english.trim());

describe.each(SHIPPED_FORM_CONFIGURATIONS.map((configuration) => [configuration.country, configuration] as const))(
  'the shipped form configuration of %s',
  (_country, configuration) => {
    const all = localisedTexts(configuration, '');

    it('has every label and help text in all eight languages', () => {
      const missing = all.flatMap(({ path, texts }) =>
        SUPPORTED_LOCALES.filter((locale) => typeof texts[locale] !== 'string' || (texts[locale] as string).trim() === '').map(
          (locale) => `${path} ${locale}`,
        ),
      );
      expect(missing).toEqual([]);
    });

    it('has no sentence left in English in another language', () => {
      const untranslated = all.flatMap(({ path, texts }) =>
        isSentence(texts.en as string)
          ? SUPPORTED_LOCALES.filter((locale) => locale !== 'en' && texts[locale] === texts.en).map((locale) => `${path} ${locale}`)
          : [],
      );
      expect(untranslated).toEqual([]);
    });
  },
);
