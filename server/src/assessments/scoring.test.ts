import { describe, expect, it } from 'vitest';
import { domainScores, risksOf, scoreErrors } from './scoring.js';

const instrument = {
  scaleMin: 1,
  scaleMax: 4,
  domains: [
    {
      key: 'safety',
      labels: { en: 'Safety' },
      items: [
        { key: 'a', labels: { en: 'A' } },
        { key: 'b', labels: { en: 'B' } },
      ],
    },
    {
      key: 'health',
      labels: { en: 'Health' },
      items: [
        { key: 'c', labels: { en: 'C' } },
        { key: 'd', labels: { en: 'D' } },
        { key: 'e', labels: { en: 'E' } },
      ],
    },
  ],
};

describe('assessment scoring', () => {
  it('takes the mean of the items per domain and of the domains overall', () => {
    expect(domainScores(instrument, { a: 2, b: 3, c: 1, d: 2, e: 2 })).toEqual({
      domainScores: { safety: 2.5, health: 1.667 },
      overallScore: 2.083,
    });
  });

  it('flags a drop of exactly one point, not of less, and the band below the second point', () => {
    expect(risksOf({ safety: 2, health: 2.5 }, { safety: 3, health: 3 }, 1)).toEqual([{ domain: 'safety', reason: 'dropped' }]);
    expect(risksOf({ safety: 1.5 }, null, 1)).toEqual([{ domain: 'safety', reason: 'lowest_band' }]);
    expect(risksOf({ safety: 2 }, { safety: 2.5 }, 1)).toEqual([]);
  });

  it('names each item that is missing, outside the scale or unknown', () => {
    expect(scoreErrors(instrument, { a: 0, b: 5, c: 2, d: 2, x: 1 }, { nowhere: 'note' }).map((error) => error.path)).toEqual([
      'scores.a',
      'scores.b',
      'scores.e',
      'scores.x',
      'domainNotes.nowhere',
    ]);
  });
});
