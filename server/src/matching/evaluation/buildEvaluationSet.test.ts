import { describe, expect, it } from 'vitest';
import { buildEvaluationSet, readEvaluationSet } from './buildEvaluationSet.js';

describe('the labelled cross-script evaluation set', () => {
  const set = buildEvaluationSet();

  it('is the committed evaluationSet.json (run `npm run evaluation-set -w server` after editing the CSV files)', () => {
    expect(readEvaluationSet()).toEqual(set);
  });

  it('holds at least 500 pairs, 200 near-miss distractors, and every script pair issue 16 names', () => {
    expect(set.pairs.length).toBeGreaterThanOrEqual(500);
    expect(
      new Set(set.records.filter((record) => record.role === 'distractor').map((record) => record.person)).size,
    ).toBeGreaterThanOrEqual(200);
    const scriptPairs = new Set(set.pairs.map((pair) => pair.scriptPair));
    for (const pair of [
      'thai→burmese',
      'burmese→thai',
      'thai→khmer',
      'khmer→thai',
      'thai→lao',
      'lao→thai',
      'latin→burmese',
      'latin→khmer',
      'latin→lao',
      'latin→latin',
    ])
      expect(scriptPairs).toContain(pair);
    const forms = new Set(set.pairs.flatMap((pair) => pair.forms));
    expect([...forms].sort()).toEqual(['honorific', 'one_part', 'shortened', 'swapped_order']);
  });

  it('never asks for a distractor, and names each query and target apart', () => {
    const records = new Map(set.records.map((record) => [record.id, record]));
    for (const pair of set.pairs) {
      const target = records.get(pair.targetId)!;
      expect(target.role).toBe('target');
      expect(target.person).toBe(pair.person);
      expect(pair.query).not.toBe(target.name);
    }
  });
});
