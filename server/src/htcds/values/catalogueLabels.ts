import fs from 'node:fs';
import { type Locale, SUPPORTED_LOCALES } from '@seamless/contracts';

/**
 * Picklist labels are the words users read in the web app, and a sheet filled in by hand uses
 * those words. The web app's message catalogues are their single source, so the server reads
 * them from the repository (as the certificate does) rather than keeping a copy that would
 * drift. Read once per process, at first use.
 */
const LOCALES_DIR = new URL('../../../../web/src/locales/', import.meta.url);
/** A dotted key is looked up in the merged catalogue: `vocab.*` lives in the first, `gender` and the like in the second. */
const CATALOGUE_FILES = ['vocabulary.json', 'translation.json'] as const;

let catalogues: ReadonlyMap<Locale, readonly unknown[]> | undefined;

function cataloguesByLocale(): ReadonlyMap<Locale, readonly unknown[]> {
  catalogues ??= new Map(
    SUPPORTED_LOCALES.map((locale) => [
      locale,
      CATALOGUE_FILES.map((file) => new URL(`${locale}/${file}`, LOCALES_DIR))
        .filter((url) => fs.existsSync(url))
        .map((url) => JSON.parse(fs.readFileSync(url, 'utf8')) as unknown),
    ]),
  );
  return catalogues;
}

export type LocaleLabels = { locale: Locale; labels: ReadonlyMap<string, string> };

/**
 * The labels under a dotted catalogue key (e.g. `vocab.exploitationType`: value name → label)
 * in each of our languages. A language whose catalogue lacks the key has no labels.
 */
export function catalogueLabels(key: string): LocaleLabels[] {
  const path = key.split('.');
  return [...cataloguesByLocale()].map(([locale, files]) => {
    const labels = new Map<string, string>();
    for (const file of files) {
      const node = path.reduce<unknown>((parent, step) => (isRecord(parent) ? parent[step] : undefined), file);
      if (!isRecord(node)) continue;
      for (const [name, label] of Object.entries(node)) if (typeof label === 'string' && !labels.has(name)) labels.set(name, label);
    }
    return { locale, labels };
  });
}

const isRecord = (node: unknown): node is Record<string, unknown> => typeof node === 'object' && node !== null && !Array.isArray(node);
