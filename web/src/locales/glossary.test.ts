import { readFileSync } from 'node:fs';
import { SUPPORTED_LOCALES } from '@seamless/contracts';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

/**
 * docs/glossary/<lang>.csv tells translators which word the product uses for each domain term; a
 * glossary that says one word while the screens show another misleads them, so each row's term must be
 * the catalogue's text at its key.
 */

interface GlossaryRow {
  term_en: string;
  catalogue_key: string;
  term: string;
  definition: string;
  source: string;
  notes: string;
}

type Catalogue = { [key: string]: string | Catalogue };

const files = import.meta.glob<Catalogue>('./*/*.json', { eager: true, import: 'default' });

function catalogueText(locale: string, key: string): unknown {
  const merged: Catalogue = Object.assign(
    {},
    ...Object.entries(files)
      .filter(([path]) => path.split('/')[1] === locale)
      .map(([, file]) => file),
  );
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Catalogue)[part] : undefined), merged);
}

function glossary(locale: string): GlossaryRow[] {
  const text = readFileSync(new URL(`../../../docs/glossary/${locale}.csv`, import.meta.url), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true }) as GlossaryRow[];
}

const english = glossary('en');

describe.each(SUPPORTED_LOCALES)('the %s glossary', (locale) => {
  const rows = glossary(locale);

  it('names each term as the catalogue does', () => {
    const differing = rows.filter((row) => catalogueText(locale, row.catalogue_key) !== row.term).map((row) => row.catalogue_key);
    expect(differing).toEqual([]);
  });

  it('covers the same terms, with a definition and its source, as the English one', () => {
    expect(rows.map((row) => [row.term_en, row.catalogue_key])).toEqual(english.map((row) => [row.term_en, row.catalogue_key]));
    expect(rows.filter((row) => !row.definition.trim() || !row.source.trim())).toEqual([]);
  });
});

it('the glossary covers the words of the journey', () => {
  const keys = english.map((row) => row.catalogue_key);
  for (const key of [
    'traffickingStatus.Presumed',
    'traffickingStatus.Identified',
    'vocab.caseStage.screening',
    'vocab.caseStage.identification',
    'vocab.intakeChannel.referral',
    'agencyFunction.shelter',
    'vocab.caseStage.repatriation',
    'vocab.caseStage.reintegration',
    'referrals.dialog.consent',
    'role.case_manager',
    'caseRecord.perpetrators.title',
    'vocab.exploitationType.SexualExploitation',
    'vocab.exploitationType.ForcedLabour',
  ]) {
    expect(keys).toContain(key);
  }
});
