import { readdirSync, readFileSync } from 'node:fs';

const LOCALES = new URL('../web/src/locales/', import.meta.url);

/** A language's catalogue as the app sees it: all its files merged. */
export function catalogue(locale: string): any {
  const directory = new URL(`${locale}/`, LOCALES);
  const files = readdirSync(directory).filter((name) => name.endsWith('.json'));
  return Object.assign({}, ...files.map((name) => JSON.parse(readFileSync(new URL(name, directory), 'utf8'))));
}

const localeDigits: Record<string, string> = JSON.parse(readFileSync(new URL('../web/src/lib/localeDigits.json', import.meta.url), 'utf8'));

/** A number as the interface writes it in that language: Myanmar digits in Burmese, 0–9 elsewhere. */
export function inDigits(value: number, locale: string): string {
  const digits = localeDigits[locale];
  return digits ? String(value).replace(/[0-9]/g, (digit) => [...digits][Number(digit)]!) : String(value);
}
