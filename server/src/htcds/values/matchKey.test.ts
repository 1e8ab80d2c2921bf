import { describe, expect, it } from 'vitest';
import { asciiDigits, matchKey } from './matchKey.js';

describe('matchKey', () => {
  it('folds case, spacing, separators and brackets', () => {
    expect(matchKey(' Sexual_Exploitation ')).toBe('sexualexploitation');
    expect(matchKey('Myanmar (Burma)')).toBe('myanmarburma');
    expect(matchKey("Lao People's Democratic Republic")).toBe('laopeoplesdemocraticrepublic');
    expect(matchKey('Ｆｏｒｃｅｄ　Ｌａｂｏｕｒ')).toBe('forcedlabor');
    expect(matchKey('Antigua & Barbuda')).toBe('antiguaandbarbuda');
  });

  it('reads British and American spellings alike', () => {
    expect(matchKey('Forced Labor')).toBe(matchKey('ForcedLabour'));
    expect(matchKey('Organisations')).toBe(matchKey('Organizations'));
    expect(matchKey('Scam centres')).toBe(matchKey('scam centers'));
  });

  it('keeps the scripts of the region as written, without word breaks', () => {
    expect(matchKey('ชาย')).toBe('ชาย');
    expect(matchKey('ចក្រភព\u200Bអង់គ្លេស')).toBe('ចក្រភពអង់គ្លេស');
    expect(matchKey('အဓမ္မ လုပ်အား')).toBe('အဓမ္မလုပ်အား');
  });
});

describe('asciiDigits', () => {
  it('reads Thai, Lao, Burmese, Khmer and full-width digits', () => {
    expect(asciiDigits('๒๕๖๘ ໒໐໒໕ ၂၀၂၅ ២០២៥ ２０２５')).toBe('2568 2025 2025 2025 2025');
  });
});
