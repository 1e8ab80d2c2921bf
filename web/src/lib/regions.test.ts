import { ISO_COUNTRY_CODES, SUPPORTED_LOCALES } from '@seamless/contracts';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import km from '../locales/km/countries.json';
import lo from '../locales/lo/countries.json';
import my from '../locales/my/countries.json';
import th from '../locales/th/countries.json';
import { regionName } from './regions';

const countryFiles = import.meta.glob<{ countryName: Record<string, string> }>('../locales/*/countries.json', {
  eager: true,
  import: 'default',
});

describe('regionName', () => {
  beforeAll(async () => {
    await i18next.init({
      lng: 'en',
      resources: { km: { translation: km }, lo: { translation: lo }, my: { translation: my }, th: { translation: th } },
    });
  });

  it('names a country from the language’s catalogue', () => {
    expect(regionName('KH', 'km')).toBe('កម្ពុជា');
    expect(regionName('th', 'km')).toBe('ថៃ');
    expect(regionName('KH', 'lo')).toBe('ກຳປູເຈຍ');
    expect(regionName('KH', 'my')).toBe('ကမ္ဘောဒီးယား');
    expect(regionName('TH', 'th')).toBe('ไทย');
  });

  it('takes a name a translator put in the catalogue over CLDR’s', () => {
    i18next.addResource('lo', 'translation', 'countryName.MM', 'ມຽນມາ (ພະມ້າ)');
    expect(regionName('MM', 'lo')).toBe('ມຽນມາ (ພະມ້າ)');
  });

  it('names English countries through the browser', () => {
    expect(regionName('KH', 'en')).toBe('Cambodia');
  });

  it('falls back to the code for what is not a country', () => {
    expect(regionName('not-a-code', 'en')).toBe('not-a-code');
    expect(regionName('not-a-code', 'km')).toBe('not-a-code');
  });
});

describe('the countryName catalogues', () => {
  it.each(SUPPORTED_LOCALES)('%s names exactly the ISO 3166 countries the product accepts', (locale) => {
    const names = countryFiles[`../locales/${locale}/countries.json`]?.countryName ?? {};
    expect(Object.keys(names).sort()).toEqual([...ISO_COUNTRY_CODES].sort());
  });
});
