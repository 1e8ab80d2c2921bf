import type { EvaluationSet } from './buildEvaluationSet.js';

/** The persons a search proposed for one pair's query, best first, as evaluation record ids (null: a person outside the set). */
export type PairOutcome = { pairIndex: number; candidates: (string | null)[] };

export type ScriptPairQuality = {
  scriptPair: string;
  pairs: number;
  /** Pairs whose target record is among the first five candidates. */
  found: number;
  recallAt5: number;
  /** Candidates naming the query's person, and candidates naming someone else (each other person counted once per query). */
  truePositives: number;
  falsePositives: number;
  precision: number;
};

/**
 * Recall@5 and precision per script pair. Recall: the pair's target record is among the first
 * five candidates. Precision: of the people proposed (above the threshold, at most five), the
 * share who are the query's person — a person is counted once per query however many of her
 * records were proposed, and anyone else (a distractor, another target) counts against it.
 */
export function scoreEvaluation(set: EvaluationSet, outcomes: readonly PairOutcome[]): ScriptPairQuality[] {
  const personOf = new Map(set.records.map((record) => [record.id, record.person]));
  const byPair = new Map<string, ScriptPairQuality>();
  for (const { pairIndex, candidates } of outcomes) {
    const pair = set.pairs[pairIndex]!;
    const quality = byPair.get(pair.scriptPair) ?? {
      scriptPair: pair.scriptPair,
      pairs: 0,
      found: 0,
      recallAt5: 0,
      truePositives: 0,
      falsePositives: 0,
      precision: 0,
    };
    byPair.set(pair.scriptPair, quality);
    const firstFive = candidates.slice(0, 5);
    quality.pairs++;
    if (firstFive.includes(pair.targetId)) quality.found++;
    const people = new Set(firstFive.map((id, rank) => (id === null ? `outside ${rank}` : personOf.get(id))));
    for (const person of people) {
      if (person === pair.person) quality.truePositives++;
      else quality.falsePositives++;
    }
  }
  return [...byPair.values()]
    .map((quality) => ({
      ...quality,
      recallAt5: quality.found / quality.pairs,
      precision:
        quality.truePositives + quality.falsePositives ? quality.truePositives / (quality.truePositives + quality.falsePositives) : 1,
    }))
    .sort((a, b) => a.scriptPair.localeCompare(b.scriptPair));
}
