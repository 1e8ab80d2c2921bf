import { lazyRouteComponent } from '@tanstack/react-router';
import { loadPageCatalogue } from '../i18n/i18n';

/**
 * A page fetched on first visit (or on hover of a link to it) together with the catalogue part of
 * every page but the first screens (i18n/catalogueParts.ts), so that it never shows before its words.
 */
export function pageComponent<Module extends Record<string, any>, Name extends keyof Module>(importer: () => Promise<Module>, name: Name) {
  return lazyRouteComponent(() => Promise.all([importer(), loadPageCatalogue()]).then(([module]) => module), name);
}
