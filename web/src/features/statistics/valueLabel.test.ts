import { describe, expect, it } from 'vitest';
import { type ValueLabelContext, valueLabel } from './valueLabel';

const CATALOGUE: Record<string, string> = {
  'common.notRecorded': 'Not recorded',
  'shelters.sex.female': 'Female',
  'caseload.ageGroup.child': 'Child (under 18)',
  'vocab.exploitationType.ForcedCriminality': 'Forced criminality',
  'statistics.value.abroad': 'Abroad',
  'statistics.value.ethnicMinority': 'Ethnic minority',
  'statistics.value.notEthnicMinority': 'Not an ethnic minority',
  'statistics.value.otherProvince': 'Not a province of the list',
  'statistics.value.other': 'Other (not listed)',
};
const context = (locale: string): ValueLabelContext => ({
  locale,
  translate: (key, options) => (key === 'statistics.period.quarterOf' ? `Q${options?.quarter} ${options?.year}` : CATALOGUE[key]),
  agencyName: (id) => (id === 'a-1' ? 'Chiang Rai Provincial Office' : undefined),
  provinceName: (code) => (code === 'TH-57' ? 'เชียงราย' : undefined),
});

describe('breakdown values', () => {
  it('reuses the catalogues for sex, child or adult and forms of exploitation', () => {
    expect(valueLabel('sex', 'female', context('en'))).toBe('Female');
    expect(valueLabel('child', 'child', context('en'))).toBe('Child (under 18)');
    expect(valueLabel('exploitationType', 'ForcedCriminality', context('en'))).toBe('Forced criminality');
    expect(valueLabel('domesticAbroad', 'abroad', context('en'))).toBe('Abroad');
    expect(valueLabel('ethnicMinority', 'yes', context('en'))).toBe('Ethnic minority');
    expect(valueLabel('ethnicMinority', 'no', context('en'))).toBe('Not an ethnic minority');
  });

  it('says "other" for a nationality or form of exploitation outside the list, and keeps the other sex its own', () => {
    expect(valueLabel('nationality', 'other', context('en'))).toBe('Other (not listed)');
    expect(valueLabel('exploitationType', 'other', context('en'))).toBe('Other (not listed)');
    expect(valueLabel('province', 'other', context('en'))).toBe('Not a province of the list');
  });

  it('says "not recorded" for an unknown value of any breakdown', () => {
    expect(valueLabel('sex', 'unknown', context('en'))).toBe('Not recorded');
    expect(valueLabel('province', 'unknown', context('en'))).toBe('Not recorded');
  });

  it("names countries and years in the reader's calendar (the Buddhist era in Thai)", () => {
    expect(valueLabel('nationality', 'MM', context('en'))).toMatch(/^Myanmar/);
    expect(valueLabel('year', '2025', context('th'))).toContain('2568');
    expect(valueLabel('quarter', '2025-Q3', context('th'))).toMatch(/^Q3 .*2568/);
    expect(valueLabel('month', '2025-03', context('en'))).toBe('Mar 2025');
  });

  it('names agencies and provinces, and shows age bands and anything unexpected as they come', () => {
    expect(valueLabel('agency', 'a-1', context('en'))).toBe('Chiang Rai Provincial Office');
    expect(valueLabel('agency', 'a-2', context('en'))).toBe('a-2');
    expect(valueLabel('province', 'TH-57', context('th'))).toBe('เชียงราย');
    expect(valueLabel('province', 'other', context('en'))).toBe('Not a province of the list');
    expect(valueLabel('ageBand', '18-24', context('en'))).toBe('18-24');
    expect(valueLabel('province', 'Chiang Rai', context('en'))).toBe('Chiang Rai');
    expect(valueLabel('sex', 'intersex', context('en'))).toBe('intersex');
  });
});
