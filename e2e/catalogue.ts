import { readdirSync, readFileSync } from 'node:fs';

const LOCALES = new URL('../web/src/locales/', import.meta.url);

/** A language's catalogue as the app sees it: all its files merged. */
export function catalogue(locale: string): any {
  const directory = new URL(`${locale}/`, LOCALES);
  const files = readdirSync(directory).filter((name) => name.endsWith('.json'));
  return Object.assign({}, ...files.map((name) => JSON.parse(readFileSync(new URL(name, directory), 'utf8'))));
}
