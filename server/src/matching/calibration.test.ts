import { describe, expect, it } from 'vitest';
import { calibrationOf, plattFit, type ScoredPair } from './calibration.js';

/** Pairs whose outcomes follow `truth(score)` exactly: of n pairs scored s, round(n × truth(s)) are the same person. */
function pairsFollowing(truth: (score: number) => number): ScoredPair[] {
  const pairs: ScoredPair[] = [];
  for (let k = 0; k < 20; k++) {
    const score = 0.025 + k * 0.05;
    const same = Math.round(200 * truth(score));
    for (let n = 0; n < 200; n++) pairs.push({ score, same: n < same });
  }
  return pairs;
}

describe('calibration', () => {
  it('finds no error in likelihoods that come true as often as they say, and a Platt slope of 1', () => {
    const pairs = pairsFollowing((score) => score);
    expect(calibrationOf(pairs).ece).toBeLessThan(0.005);
    const { slope, intercept } = plattFit(pairs);
    expect(slope).toBeCloseTo(1, 1);
    expect(intercept).toBeCloseTo(0, 1);
  });

  it('measures over-confidence and fits the slope that tempers it', () => {
    // Scores twice as far from even, in log-odds, as the outcomes bear out.
    const temper = (score: number) => 1 / (1 + Math.exp(-0.5 * Math.log(score / (1 - score))));
    const pairs = pairsFollowing(temper);
    const calibration = calibrationOf(pairs);
    expect(calibration.ece).toBeGreaterThan(0.05);
    expect(calibration.bins.at(-1)!.observed).toBeLessThan(calibration.bins.at(-1)!.meanScore);
    expect(plattFit(pairs).slope).toBeCloseTo(0.5, 1);
  });

  it('stays finite when the scores separate the outcomes completely', () => {
    const pairs = [...pairsFollowing((score) => (score > 0.5 ? 1 : 0))];
    const { slope, intercept } = plattFit(pairs);
    expect(Number.isFinite(slope) && Math.abs(slope) < 100).toBe(true);
    expect(Number.isFinite(intercept)).toBe(true);
  });
});
