import { describe, expect, it } from 'vitest';
import { countryCodes, countryOfCode } from './countryNames.js';

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

describe('country codes', () => {
  it('holds the countries of ISO 3166-1, current codes only', () => {
    const codes = countryCodes();
    expect(codes.size).toBe(250);
    for (const code of ['TH', 'KH', 'LA', 'MM', 'VN', 'CN', 'XK']) expect(codes.has(code)).toBe(true);
    for (const code of ['BU', 'UK', 'EU', 'UN', 'ZZ', 'XA', 'AC']) expect(codes.has(code)).toBe(false);
  });

  it('knows one alpha-3 code for every country but Kosovo', () => {
    const alpha3ByCountry = new Map<string, string[]>();
    for (const first of LETTERS) {
      for (const second of LETTERS) {
        for (const third of LETTERS) {
          const alpha3 = first + second + third;
          const code = countryOfCode(alpha3);
          if (code) alpha3ByCountry.set(code, [...(alpha3ByCountry.get(code) ?? []), alpha3]);
        }
      }
    }
    expect([...countryCodes()].filter((code) => alpha3ByCountry.get(code)?.length !== 1)).toEqual(['XK']);
    expect(alpha3ByCountry.get('MM')).toEqual(['MMR']);
    expect(alpha3ByCountry.get('DE')).toEqual(['DEU']);
  });
});
