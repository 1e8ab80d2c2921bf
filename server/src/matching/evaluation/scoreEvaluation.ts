import { containsParts } from '../synthetic/evaluate.js';
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
  /** Other people whose names hold every part the query gave, of the same gender: set aside. */
  indistinguishable: number;
  precision: number;
};

/**
 * Recall@5 and precision per script pair. Recall: the pair's target record is among the first
 * five candidates. Precision: of the people proposed (above the threshold, at most five), the
 * share who are the query's person — a person is counted once per query however many of her
 * records were proposed, and anyone else (a distractor, another target) counts against it —
 * except someone of the same gender whose name holds every part the query gave: "Phyu Phyu",
 * shortened from Phyu Phyu Thein, is as much Phyu Phyu Tin's name, and no one could tell them
 * apart from it (as synthetic/evaluate.ts sets such candidates aside).
 */
export function scoreEvaluation(set: EvaluationSet, outcomes: readonly PairOutcome[]): ScriptPairQuality[] {
  const records = new Map(set.records.map((record) => [record.id, record]));
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
      indistinguishable: 0,
      precision: 0,
    };
    byPair.set(pair.scriptPair, quality);
    const firstFive = candidates.slice(0, 5);
    quality.pairs++;
    if (firstFive.includes(pair.targetId)) quality.found++;
    const people = new Map(
      firstFive.map((id, rank) => (id === null ? [`outside ${rank}`, null] : [records.get(id)!.person, records.get(id)!])),
    );
    for (const [person, record] of people) {
      if (person === pair.person) quality.truePositives++;
      else if (record && record.gender === pair.gender && containsParts(record.parts, pair.parts)) quality.indistinguishable++;
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
