import fs from 'node:fs';
import {
  GENDERS,
  HTCDS_COLUMNS_BY_NAME,
  type HtcdsColumn,
  REGION_COUNTRIES,
  SUPPORTED_LOCALES,
  TRAFFICKING_STATUS_TO_HTCDS,
  TRAFFICKING_STATUSES,
} from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { createValueResolver } from './valueResolver.js';

const resolver = createValueResolver();
const column = (name: string) => HTCDS_COLUMNS_BY_NAME.get(name)!;
const exploitation = column('vic_TypeOfExploitation');
const country = column('hte_Country');
const citizenship = column('prs_Citizenship');
const language = column('prs_PrimaryLanguage');

/** The labels under a dotted key of a web catalogue, read here as a user would find them. */
function labels(locale: string, file: 'vocabulary' | 'translation', key: string): Record<string, string> {
  const catalogue: unknown = JSON.parse(
    fs.readFileSync(new URL(`../../../../web/src/locales/${locale}/${file}.json`, import.meta.url), 'utf8'),
  );
  return key.split('.').reduce((node, step) => (node as Record<string, unknown>)[step], catalogue) as Record<string, string>;
}
const exploitationLabel = (locale: string, value: string) => labels(locale, 'vocabulary', 'vocab.exploitationType')[value]!;
const regionName = (locale: string, code: string) => new Intl.DisplayNames([locale], { type: 'region' }).of(code)!;
const languageName = (locale: string, code: string) => new Intl.DisplayNames([locale], { type: 'language' }).of(code)!;

describe('picklist values', () => {
  it('resolves value names however they are cased and spaced', () => {
    for (const written of ['SexualExploitation', 'sexual_exploitation', 'SEXUAL EXPLOITATION', ' Sexual-Exploitation ']) {
      expect(resolver.resolve(exploitation, written)).toEqual({ ok: true, value: 'SexualExploitation' });
    }
    expect(resolver.resolve(exploitation, 'Forced Labor')).toEqual({ ok: true, value: 'ForcedLabour' });
  });

  it('resolves the labels of the web catalogues in our languages', () => {
    for (const locale of ['en', 'th', 'km', 'my', 'lo', 'vi', 'zh', 'ja']) {
      expect(resolver.resolve(exploitation, exploitationLabel(locale, 'SexualExploitation'))).toEqual({
        ok: true,
        value: 'SexualExploitation',
      });
      expect(resolver.resolve(exploitation, exploitationLabel(locale, 'ForcedBegging'))).toEqual({ ok: true, value: 'ForcedBegging' });
    }
    // Burmese written without its word spaces.
    const burmese = exploitationLabel('my', 'ForcedLabour');
    expect(burmese).toContain(' ');
    expect(resolver.resolve(exploitation, burmese.replaceAll(' ', ''))).toEqual({ ok: true, value: 'ForcedLabour' });
  });

  it('accepts only the values of the column', () => {
    expect(resolver.resolve(exploitation, 'ForcedCriminality')).toEqual({
      ok: false,
      code: 'unknown_value',
      params: { value: 'ForcedCriminality' },
    });
    expect(resolver.resolve(column('sls_TypeOfExploitation'), 'ForcedCriminality')).toEqual({ ok: true, value: 'ForcedCriminality' });
  });

  it('suggests the closest value name for a value it does not know', () => {
    expect(resolver.resolve(exploitation, 'Sexual Exploitaton')).toEqual({
      ok: false,
      code: 'unknown_value',
      params: { value: 'Sexual Exploitaton', suggestion: 'SexualExploitation' },
    });
    expect(resolver.resolve(exploitation, 'exploitation sexual')).toEqual({
      ok: false,
      code: 'unknown_value',
      params: { value: 'exploitation sexual', suggestion: 'SexualExploitation' },
    });
    expect(resolver.resolve(exploitation, 'Pizza')).toEqual({ ok: false, code: 'unknown_value', params: { value: 'Pizza' } });
  });

  it('does not choose between two values written alike, and suggests the first', () => {
    const twins: HtcdsColumn = {
      name: 'test_Twins',
      label: 'Twins',
      kind: 'picklist',
      values: ['Sexual_Exploitation', 'SexualExploitation'],
      held: true,
    };
    expect(resolver.resolve(twins, 'sexual exploitation')).toEqual({
      ok: false,
      code: 'unknown_value',
      params: { value: 'sexual exploitation', suggestion: 'Sexual_Exploitation' },
    });
  });

  it('resolves genders by their labels in every language', () => {
    const gender = column('prs_Gender');
    for (const locale of SUPPORTED_LOCALES) {
      const genders = labels(locale, 'translation', 'gender');
      for (const value of GENDERS) expect(resolver.resolve(gender, genders[value]!)).toEqual({ ok: true, value });
    }
  });

  it('resolves the HTCDS trafficking status from ours and from our labels', () => {
    const status = column('vic_TraffickingStatus');
    expect(resolver.resolve(status, 'ActualVictimOfTrafficking')).toEqual({ ok: true, value: 'ActualVictimOfTrafficking' });
    expect(resolver.resolve(status, 'Presumed')).toEqual({ ok: true, value: 'PossibleVictimOfTrafficking' });
    for (const locale of SUPPORTED_LOCALES) {
      const statuses = labels(locale, 'translation', 'traffickingStatus');
      for (const ours of TRAFFICKING_STATUSES) {
        expect(resolver.resolve(status, statuses[ours]!)).toEqual({ ok: true, value: TRAFFICKING_STATUS_TO_HTCDS[ours] });
      }
    }
    expect(resolver.resolve(status, labels('en', 'translation', 'traffickingStatus').Identified!)).toEqual({
      ok: true,
      value: 'ActualVictimOfTrafficking',
    });
  });

  it('refuses columns that hold no vocabulary', () => {
    expect(() => resolver.resolve(column('prs_FirstName'), 'Somchai')).toThrow('prs_FirstName (text) has no vocabulary');
  });
});

describe('list cells', () => {
  it('reads values separated by semicolons, once each, in order', () => {
    expect(resolver.resolveMany(exploitation, 'ForcedLabour; SexualExploitation')).toEqual({
      ok: true,
      value: ['ForcedLabour', 'SexualExploitation'],
    });
    expect(resolver.resolveMany(exploitation, 'SexualExploitation;forced labour;;Sexual exploitation;')).toEqual({
      ok: true,
      value: ['SexualExploitation', 'ForcedLabour'],
    });
    expect(resolver.resolveMany(exploitation, 'ForcedLabour\nForcedBegging')).toEqual({
      ok: true,
      value: ['ForcedLabour', 'ForcedBegging'],
    });
  });

  it('reads commas as separators only when the whole cell names no value', () => {
    expect(resolver.resolveMany(exploitation, 'ForcedLabour, ForcedBegging')).toEqual({
      ok: true,
      value: ['ForcedLabour', 'ForcedBegging'],
    });
    expect(resolver.resolveMany(citizenship, 'Korea, Republic of')).toEqual({ ok: true, value: ['KR'] });
    expect(resolver.resolveMany(citizenship, 'TH, MM')).toEqual({ ok: true, value: ['TH', 'MM'] });
  });

  it('refuses the cell at its first unknown value', () => {
    expect(resolver.resolveMany(exploitation, 'ForcedLabour; Sexual Exploitaton; Pizza')).toEqual({
      ok: false,
      code: 'unknown_value',
      params: { value: 'Sexual Exploitaton', suggestion: 'SexualExploitation' },
    });
  });

  it('reads empty cells as no value', () => {
    expect(resolver.resolveMany(exploitation, null)).toEqual({ ok: true, value: [] });
    expect(resolver.resolveMany(exploitation, ' ; ')).toEqual({ ok: true, value: [] });
    expect(resolver.resolveOne(exploitation, null)).toEqual({ ok: true, value: null });
    expect(resolver.resolveOne(exploitation, '  ')).toEqual({ ok: true, value: null });
    expect(resolver.resolveOne(exploitation, 'Servitude')).toEqual({ ok: true, value: 'Servitude' });
  });
});

describe('countries', () => {
  it('resolves alpha-2 and alpha-3 codes in either case', () => {
    for (const written of ['TH', 'th', 'THA', 'tha']) expect(resolver.resolve(country, written)).toEqual({ ok: true, value: 'TH' });
    const alpha3 = { KHM: 'KH', MMR: 'MM', LAO: 'LA', VNM: 'VN', CHN: 'CN', MYS: 'MY', IDN: 'ID', KOR: 'KR', USA: 'US', GBR: 'GB' };
    for (const [written, code] of Object.entries(alpha3)) expect(resolver.resolve(country, written)).toEqual({ ok: true, value: code });
  });

  it('resolves the names Intl gives in each of our languages', () => {
    for (const locale of SUPPORTED_LOCALES) {
      for (const code of REGION_COUNTRIES) expect(resolver.resolve(country, regionName(locale, code))).toEqual({ ok: true, value: code });
    }
    expect(resolver.resolve(country, 'Thailand')).toEqual({ ok: true, value: 'TH' });
    expect(resolver.resolve(country, '柬埔寨')).toEqual({ ok: true, value: 'KH' });
    expect(resolver.resolve(country, `ประเทศ${regionName('th', 'TH')}`)).toEqual({ ok: true, value: 'TH' });
  });

  it('resolves names in common use besides', () => {
    const names = {
      Myanmar: 'MM',
      Burma: 'MM',
      'Myanmar (Burma)': 'MM',
      Laos: 'LA',
      'Lao PDR': 'LA',
      'Viet Nam': 'VN',
      Cambodia: 'KH',
      PRC: 'CN',
    };
    for (const [written, code] of Object.entries(names)) expect(resolver.resolve(country, written)).toEqual({ ok: true, value: code });
  });

  it('reads a code as printed as a code, and the same letters otherwise as a name', () => {
    expect(resolver.resolve(country, 'NGA')).toEqual({ ok: true, value: 'NG' });
    expect(resolver.resolve(country, regionName('vi', 'RU'))).toEqual({ ok: true, value: 'RU' });
  });

  it('refuses what names no country, with a suggestion when one is close', () => {
    expect(resolver.resolve(country, 'Thailandd')).toEqual({
      ok: false,
      code: 'not_a_country',
      params: { value: 'Thailandd', suggestion: 'TH' },
    });
    expect(resolver.resolve(country, 'Atlantis')).toEqual({ ok: false, code: 'not_a_country', params: { value: 'Atlantis' } });
    expect(resolver.resolve(country, 'EU')).toEqual({ ok: false, code: 'not_a_country', params: { value: 'EU' } });
    expect(resolver.resolveMany(citizenship, 'TH; Narnia')).toEqual({ ok: false, code: 'not_a_country', params: { value: 'Narnia' } });
  });
});

describe('languages', () => {
  it('resolves ISO 639 codes in all their forms', () => {
    for (const written of ['th', 'TH', 'tha', 'THA', 'th-TH'])
      expect(resolver.resolve(language, written)).toEqual({ ok: true, value: 'th' });
    const codes = {
      khm: 'km',
      mya: 'my',
      bur: 'my',
      lao: 'lo',
      vie: 'vi',
      zho: 'zh',
      chi: 'zh',
      cmn: 'zh',
      'zh-CN': 'zh',
      eng: 'en',
      jpn: 'ja',
      tts: 'tts',
    };
    for (const [written, code] of Object.entries(codes)) expect(resolver.resolve(language, written)).toEqual({ ok: true, value: code });
  });

  it('resolves names by Intl and by the web catalogue, with or without the word for language', () => {
    expect(resolver.resolve(language, 'Thai')).toEqual({ ok: true, value: 'th' });
    expect(resolver.resolve(language, languageName('th', 'th'))).toEqual({ ok: true, value: 'th' });
    expect(resolver.resolve(language, `ภาษา${languageName('th', 'th')}`)).toEqual({ ok: true, value: 'th' });
    expect(resolver.resolve(language, languageName('zh', 'km'))).toEqual({ ok: true, value: 'km' });
    expect(resolver.resolve(language, 'Mandarin')).toEqual({ ok: true, value: 'zh' });
    const shan = labels('th', 'vocabulary', 'vocab.spokenLanguage').shn!;
    expect(resolver.resolve(language, shan)).toEqual({ ok: true, value: 'shn' });
  });

  it('refuses languages outside the column and words that name none', () => {
    expect(resolver.resolve(language, 'fr')).toEqual({ ok: false, code: 'not_a_language', params: { value: 'fr' } });
    expect(resolver.resolve(language, 'Engrish')).toEqual({
      ok: false,
      code: 'not_a_language',
      params: { value: 'Engrish', suggestion: 'en' },
    });
    expect(resolver.resolveMany(column('sls_Languages'), 'th; km; lo')).toEqual({ ok: true, value: ['th', 'km', 'lo'] });
  });
});

describe('speed', () => {
  it('resolves 100,000 cells well within two seconds', () => {
    const cells: [HtcdsColumn, string][] = [
      [exploitation, 'Sexual exploitation'],
      [exploitation, 'ForcedLabour'],
      [country, 'Thailand'],
      [country, 'KHM'],
      [language, 'tha'],
      [column('prs_Gender'), 'Female'],
    ];
    for (const [each, written] of cells) resolver.resolve(each, written);
    const started = performance.now();
    for (let index = 0; index < 100_000; index++) {
      const [each, written] = cells[index % cells.length]!;
      resolver.resolve(each, written);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
