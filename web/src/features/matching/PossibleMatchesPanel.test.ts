import { MantineProvider } from '@mantine/core';
import type { PersonMatchResponse } from '@seamless/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../locales/en';
import { PossibleMatchesPanel } from './PossibleMatchesPanel';
import { matchKeys } from './queries';

const thaiFiles = import.meta.glob<Record<string, unknown>>('../../locales/th/*.json', { eager: true, import: 'default' });
const th = Object.assign({}, ...Object.values(thaiFiles));

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.init({
    lng: 'en',
    resources: { en: { translation: en }, th: { translation: th } },
    interpolation: { escapeValue: false },
  }),
);

const answer = (searchedOnlyVisible: boolean): PersonMatchResponse => ({
  searchedOnlyVisible,
  candidates: [
    {
      personId: '7d8c1f0e-2b7a-4c55-9a51-0f0c5d3e8a11',
      score: 0.92,
      names: ['Hnin Hnin Wai', 'နှင်းနှင်းဝေ'],
      reasons: [
        { code: 'name_sounds_same', queryScript: 'thai', candidateScript: 'burmese' },
        { code: 'name_shortened', parts: 2, of: 3 },
        { code: 'name_honorific_set_aside' },
        { code: 'birth_date_same' },
        { code: 'citizenship_differs' },
      ],
      pseudonym: 'P-0042',
      birthYear: 1998,
      citizenship: ['MM'],
      cases: [],
    },
  ],
});

/** The panel as the worker sees it once the server has answered `response` for what she typed. */
async function render(response: PersonMatchResponse, language = 'en'): Promise<string> {
  await i18n.changeLanguage(language);
  const client = new QueryClient();
  client.setQueryData(matchKeys.find({ name: 'หนิ่นเว', birthdate: '1998-04-02' }), response);
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client },
      createElement(
        MantineProvider,
        null,
        createElement(I18nextProvider, { i18n }, createElement(PossibleMatchesPanel, { name: 'หนิ่นเว', birthdate: '1998-04-02' })),
      ),
    ),
  );
}

describe('PossibleMatchesPanel', () => {
  it('shows one likelihood, in words and as a number, and the reasons in words without a second percentage', async () => {
    const html = await render(answer(true));
    expect(html).toContain('Very likely the same person — 92%');
    expect(html).toContain('Name sounds the same in Thai script and Burmese script');
    expect(html).toContain('Shortened name (2 of 3 parts)');
    expect(html).toContain('Honorific set aside (Ma, Daw, U …)');
    expect(html).toContain('Same date of birth');
    expect(html).toContain('Different citizenship');
    // The bar is drawn at 92% too, but is not read out: only one percentage is written.
    expect(html.replace(/<[^>]*>/gu, ' ').match(/\d+\s?%/gu)).toEqual(['92%']);
  });

  it('says the search covered only the records the worker may see, and only when the server says so', async () => {
    expect(await render(answer(true))).toContain(en.matchingScope.note);
    expect(await render(answer(false))).not.toContain(en.matchingScope.note);
  });

  it('names the scripts and the likelihood in the reader’s language', async () => {
    const html = await render(answer(true), 'th');
    expect(html).toContain('น่าจะเป็นบุคคลเดียวกันมาก');
    expect(html).toContain('ชื่อออกเสียงเหมือนกันในอักษรไทยและอักษรพม่า');
  });
});
