import { describe, expect, it } from 'vitest';
import { prng } from '../matching/synthetic/generate.js';
import { geometricNoise, geometricNoiseSpread, longBar } from './privateRelease.js';

describe('the two-sided geometric mechanism', () => {
  it('draws integers whose chances fall by e^ε with each step from zero: one person more or less changes any outcome’s chance by at most that', () => {
    const epsilon = 0.5;
    const random = prng(20261207);
    const draws = 200_000;
    const seen = new Map<number, number>();
    let sum = 0;
    let squares = 0;
    for (let index = 0; index < draws; index += 1) {
      const noise = geometricNoise(epsilon, random);
      expect(Number.isInteger(noise)).toBe(true);
      seen.set(noise, (seen.get(noise) ?? 0) + 1);
      sum += noise;
      squares += noise * noise;
    }
    const alpha = Math.exp(-epsilon);
    const chance = (k: number) => (seen.get(k) ?? 0) / draws;
    // P(0) = (1 − α) / (1 + α), and P(k) / P(k + 1) = e^ε on both sides.
    expect(chance(0)).toBeCloseTo((1 - alpha) / (1 + alpha), 2);
    for (const k of [0, 1, 2, 3]) {
      expect(chance(k) / chance(k + 1)).toBeGreaterThan(Math.exp(epsilon) * 0.93);
      expect(chance(k) / chance(k + 1)).toBeLessThan(Math.exp(epsilon) * 1.07);
      expect(chance(-k) / chance(-k - 1)).toBeGreaterThan(Math.exp(epsilon) * 0.93);
      expect(chance(-k) / chance(-k - 1)).toBeLessThan(Math.exp(epsilon) * 1.07);
    }
    const mean = sum / draws;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    const spread = Math.sqrt(squares / draws - mean * mean);
    expect(spread / geometricNoiseSpread(epsilon)).toBeGreaterThan(0.97);
    expect(spread / geometricNoiseSpread(epsilon)).toBeLessThan(1.03);
  });

  it('adds less noise for a larger privacy loss', () => {
    expect(geometricNoiseSpread(0.5)).toBeCloseTo(2.8, 1);
    expect(geometricNoiseSpread(2)).toBeLessThan(geometricNoiseSpread(0.5));
  });

  it('uses the operating system’s randomness unless told otherwise', () => {
    const draws = Array.from({ length: 200 }, () => geometricNoise(0.5));
    expect(new Set(draws).size).toBeGreaterThan(3);
  });
});

describe('the bar a line of a long breakdown must clear', () => {
  it('is crossed by noise alone for fewer than one value in a hundred releases', () => {
    for (const [values, share] of [
      [252, 1],
      [252, 0.5],
      [80, 1],
    ] as const) {
      const bar = longBar(values, share);
      const alpha = Math.exp(-share);
      // P(noise ≥ bar) = α^bar / (1 + α) for the two-sided geometric law.
      expect((values * alpha ** bar) / (1 + alpha)).toBeLessThan(0.01);
      expect(bar).toBeGreaterThanOrEqual(5);
    }
    expect(longBar(252, 1)).toBe(11);
  });
});
