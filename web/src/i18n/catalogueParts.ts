/**
 * Each language's catalogue comes in two parts. The first screens — signing in, the shell around
 * every page, the dashboard and the case list — read only the files named here: they make the
 * `translation` namespace, fetched before the first paint. The other files make the `pages`
 * namespace, fetched with the code of the first other page (routes/pageComponent.ts), so a cold
 * sign-in on a slow phone downloads about a third of the catalogue. A key missing from
 * `translation` is looked up in `pages` (i18n.ts sets it as the fallback namespace), so a
 * component never names its part.
 */
export const FIRST_SCREEN_FILES: ReadonlySet<string> = new Set([
  'accessibility',
  'caseload',
  'confirm',
  'connection',
  'countries',
  'drafts',
  'fieldChecks',
  'home',
  'languages',
  'layout',
  'notifications',
  'onboarding',
  'statistics',
  'translation',
  'vocabulary',
]);

export type CataloguePart = 'translation' | 'pages';

/** `…/locales/th/caseload.json` → its language and part, or null for any other file. */
export function cataloguePartOf(file: string): { language: string; part: CataloguePart } | null {
  const match = /locales[\\/]([a-z]{2})[\\/](\w+)\.json$/.exec(file);
  if (!match?.[1] || !match[2]) return null;
  return { language: match[1], part: FIRST_SCREEN_FILES.has(match[2]) ? 'translation' : 'pages' };
}
