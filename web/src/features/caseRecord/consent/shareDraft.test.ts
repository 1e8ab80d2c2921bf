import { CASE_SECTIONS, type CaseSection } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { EMPTY_SHARE, withConsent } from './shareDraft';

const catalogues = import.meta.glob<{ caseRecord: { sectionContents: Record<string, string>; section: Record<string, string> } }>(
  '../../../locales/*/caseRecord.json',
  { eager: true, import: 'default' },
);

describe('the share form', () => {
  it('ticks no section when a consent is chosen, even one that covers them all', () => {
    const chosen = withConsent(EMPTY_SHARE, 'consent-covering-everything');
    expect(chosen).toEqual({ ...EMPTY_SHARE, consentId: 'consent-covering-everything' });
    expect(chosen.sections).toEqual([]);
  });

  it('keeps what the worker ticked when the consent changes', () => {
    const ticked: CaseSection[] = ['shelter'];
    expect(withConsent({ ...EMPTY_SHARE, sections: ticked }, 'another-consent').sections).toEqual(['shelter']);
  });

  it('says what each section contains, in every language', () => {
    const languages = Object.keys(catalogues);
    expect(languages).toHaveLength(8);
    const english = catalogues['../../../locales/en/caseRecord.json']!.caseRecord.sectionContents;
    for (const [file, catalogue] of Object.entries(catalogues)) {
      for (const section of CASE_SECTIONS) {
        const text = catalogue.caseRecord.sectionContents[section];
        expect(text, `${file} ${section}`).toMatch(/\S/);
        if (!file.includes('/en/')) expect(text, `${file} ${section}`).not.toBe(english[section]);
      }
    }
  });
});
