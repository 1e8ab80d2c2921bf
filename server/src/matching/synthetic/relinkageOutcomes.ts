import type { QueryOutcome } from './evaluate.js';
import type { SyntheticSet } from './generate.js';

export type QueuedPair = { low: string; high: string; likelihood: number };

/**
 * The re-linkage queue read as the possible-matches evaluation reads a search (evaluateMatching):
 * each record in a queued pair, and every planted duplicate, is a "query" whose candidates are the
 * records queued with it. Pairs with a person outside the set (the demo's) are left out.
 */
export function relinkageOutcomes(set: SyntheticSet, personIds: readonly string[], pairs: readonly QueuedPair[]): QueryOutcome[] {
  const indexOf = new Map(personIds.map((id, index) => [id, index]));
  const partners = new Map<number, { index: number; score: number }[]>();
  for (const pair of pairs) {
    const low = indexOf.get(pair.low);
    const high = indexOf.get(pair.high);
    if (low === undefined || high === undefined) continue;
    partners.set(low, [...(partners.get(low) ?? []), { index: high, score: pair.likelihood }]);
    partners.set(high, [...(partners.get(high) ?? []), { index: low, score: pair.likelihood }]);
  }
  const queried = new Set([...set.duplicates.map((pair) => pair.duplicateIndex), ...partners.keys()]);
  return [...queried].map((recordIndex) => ({ recordIndex, candidates: partners.get(recordIndex) ?? [] }));
}
