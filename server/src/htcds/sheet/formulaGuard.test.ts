import { describe, expect, it } from 'vitest';
import { guardFormula, unguardFormula } from './formulaGuard.js';

describe('formula guard', () => {
  it('puts a quote before text a spreadsheet would run as a formula', () => {
    expect(['=1+2', '+66 81', '-12', '@SUM(A1)', '\t=x', '\r=x', "'=x", 'plain', "'plain", '', '#N/A'].map(guardFormula)).toEqual([
      "'=1+2",
      "'+66 81",
      "'-12",
      "'@SUM(A1)",
      "'\t=x",
      "'\r=x",
      "''=x",
      'plain',
      "'plain",
      '',
      '#N/A',
    ]);
  });

  it('gives back every text exactly as it was', () => {
    for (const text of ['=1+2', "'=1+2", "''+1", "'", "'plain", "don't", '-', "'-"]) expect(unguardFormula(guardFormula(text))).toBe(text);
  });
});
