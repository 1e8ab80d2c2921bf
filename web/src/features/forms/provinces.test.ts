import type { LookupList } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { provincesOf } from './provinces';

const labels = (en: string, th: string) => ({ en, th, km: en, lo: en, my: en, vi: en, zh: en, ja: en });
const PROVINCES: LookupList = {
  key: 'provinces',
  labels: labels('Provinces', 'จังหวัด'),
  values: [
    { value: 'TH-10', labels: labels('Bangkok', 'กรุงเทพมหานคร'), active: true, sort: 0 },
    { value: 'TH-57', labels: labels('Chiang Rai', 'เชียงราย'), active: true, sort: 1 },
    { value: 'TH-63', labels: labels('Tak', 'ตาก'), active: false, sort: 2 },
  ],
};

describe("the country's provinces", () => {
  it("offers the active provinces in the reader's alphabetical order, storing their codes", () => {
    expect(provincesOf([PROVINCES], 'en')?.options.map((option) => option.value)).toEqual(['TH-10', 'TH-57']);
    expect(provincesOf([PROVINCES], 'th')?.options.map((option) => option.label)).toEqual(['กรุงเทพมหานคร', 'เชียงราย']);
  });

  it("names a stored code in the reader's language, a deactivated one too, and nothing else", () => {
    const provinces = provincesOf([PROVINCES], 'th')!;
    expect(provinces.name('TH-57')).toBe('เชียงราย');
    expect(provinces.name('TH-63')).toBe('ตาก');
    expect(provinces.name('Mae Sai market')).toBeUndefined();
  });

  it('is absent where the country keeps no provinces list: the intake then takes free text', () => {
    expect(provincesOf([{ ...PROVINCES, key: 'th_provinces' }], 'th')).toBeNull();
  });
});
