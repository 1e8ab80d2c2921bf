import { describe, expect, it } from 'vitest';
import { prng } from '../matching/synthetic/generate.js';
import { adjustedCount, MAXIMUM_ADJUSTMENT } from './perturbation.js';
import { SUPPRESSION_THRESHOLD } from './suppression.js';

const KEY_RANGE = 2 ** 32;
/** Cell keys spread evenly over their range: what the sum of many random record keys looks like. */
const evenKeys = (n: number) => Array.from({ length: n }, (_, i) => Math.floor(((i + 0.5) / n) * KEY_RANGE));

describe('adjustedCount', () => {
  it('leaves zero at zero and never moves a shown count below the threshold or by more than the maximum', () => {
    for (const key of evenKeys(997)) {
      expect(adjustedCount(0, key)).toBe(0);
      expect(adjustedCount(SUPPRESSION_THRESHOLD, key)).toBe(SUPPRESSION_THRESHOLD);
      expect([5, 6, 7]).toContain(adjustedCount(6, key));
      for (const count of [7, 8, 20, 1000]) {
        const shown = adjustedCount(count, key);
        expect(Math.abs(shown - count)).toBeLessThanOrEqual(MAXIMUM_ADJUSTMENT);
        expect(shown).toBeGreaterThanOrEqual(SUPPRESSION_THRESHOLD);
      }
    }
  });

  it('is unbiased, and moves a count half the time, by two one time in ten', () => {
    const keys = evenKeys(100_000);
    for (const count of [5, 6, 7, 12, 250]) {
      const mean = keys.reduce((sum, key) => sum + adjustedCount(count, key), 0) / keys.length;
      expect(Math.abs(mean - count), `count ${count}`).toBeLessThan(0.001);
    }
    const changes = keys.map((key) => adjustedCount(40, key) - 40);
    const share = (change: number) => changes.filter((each) => each === change).length / changes.length;
    expect(share(0)).toBeCloseTo(0.5, 3);
    expect(share(1)).toBeCloseTo(0.2, 3);
    expect(share(-1)).toBeCloseTo(0.2, 3);
    expect(share(2) + share(-2)).toBeCloseTo(0.1, 3);
  });

  it('depends on the cell key alone for a given count, so the same records always give the same figure', () => {
    const [key] = evenKeys(1) as [number];
    expect(new Set(Array.from({ length: 10 }, () => adjustedCount(31, key))).size).toBe(1);
  });
});

/**
 * The attack suppression alone cannot stop: a reader subtracts published figures that differ by a
 * small group (the year less its first three quarters is the fourth; two years less one year is
 * who was identified only in the other). Simulated over many tables of random records, with the
 * reader knowing the method and making the best guess the published figures allow.
 */
describe('differencing published figures', () => {
  interface Attack {
    /** True counts of the larger figure's other parts, each published on its own. */
    parts: () => number[];
    label: string;
  }
  // Seeded, so the simulated attacks are the same at every run.
  const random = prng(20261206);
  const recordKeys = (count: number) => Array.from({ length: count }, () => Math.floor(random() * KEY_RANGE));
  const cellKey = (keys: number[]) => keys.reduce((sum, key) => (sum + key) % KEY_RANGE, 0);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

  const attacks: Attack[] = [
    { label: 'two figures (two years less one)', parts: () => [between(5, 60)] },
    { label: 'four figures (a year less three quarters)', parts: () => [between(5, 40), between(5, 40), between(5, 40)] },
  ];

  it.each(attacks)('$label: the reader can no longer read off the small count, and is almost never sure of it', ({ parts }) => {
    const trials = 4000;
    let readOff = 0;
    let guessedRight = 0;
    let certain = 0;
    for (let trial = 0; trial < trials; trial += 1) {
      const small = between(1, SUPPRESSION_THRESHOLD - 1);
      const partKeys = parts().map(recordKeys);
      const smallKeys = recordKeys(small);
      const whole = [...partKeys.flat(), ...smallKeys];
      const published = partKeys.map((keys) => adjustedCount(keys.length, cellKey(keys)));
      const estimate = adjustedCount(whole.length, cellKey(whole)) - published.reduce((sum, value) => sum + value, 0);
      if (estimate === small) readOff += 1;
      const guess = Math.min(SUPPRESSION_THRESHOLD - 1, Math.max(1, estimate));
      if (guess === small) guessedRight += 1;
      // What the reader can rule out: the estimate is the small count moved by at most the sum of each figure's reach.
      const reach = MAXIMUM_ADJUSTMENT * (published.length + 1);
      const possible = [1, 2, 3, 4].filter((value) => Math.abs(estimate - value) <= reach);
      if (possible.length === 1) certain += 1;
    }
    // Without the adjustment every estimate is the small count itself: readOff would be 1.
    expect(readOff / trials).toBeLessThan(0.4);
    // The best guess, knowing counts run from 1 to 4, is right about half the time at most (a blind guess: a quarter).
    expect(guessedRight / trials).toBeLessThan(0.55);
    expect(certain / trials).toBeLessThan(0.01);
  });
});
