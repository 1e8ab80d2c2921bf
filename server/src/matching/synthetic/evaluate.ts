import type { SyntheticPerson, SyntheticSet, Variation } from './generate.js';

/** What the matcher proposed (at or above the threshold) for the query made from one record; -1 for a person outside the set. */
export type QueryOutcome = { recordIndex: number; candidates: { index: number; score: number }[] };

export type MatchingQuality = {
  /** Planted duplicates whose original was proposed, over all planted duplicates queried. */
  recall: number;
  /** True proposals over true + false proposals (indistinguishable ones set aside, see below). */
  precision: number;
  /** Every proposal that is not a planted pair counted as false. */
  strictPrecision: number;
  plantedQueried: number;
  plantedFound: number;
  /** The original was the first candidate. */
  plantedFirst: number;
  truePositives: number;
  falsePositives: number;
  indistinguishable: number;
  queries: number;
  recallByVariation: Partial<Record<Variation, { found: number; total: number }>>;
};

/** Whether every part of `inner` is among the parts of `outer` (as multisets). */
export function containsParts(outer: readonly string[], inner: readonly string[]): boolean {
  const available = [...outer];
  return inner.every((part) => {
    const at = available.indexOf(part);
    if (at !== -1) available.splice(at, 1);
    return at !== -1;
  });
}

/**
 * Whether the candidate agrees with everything the query made from `record` says — so that no
 * matcher, and no caseworker, could tell from the query that it is someone else:
 * - the same name, or the same name with parts left out on one side ("Supaporn" and "Supaporn
 *   Srisuk"), in any script or spelling: judged on the generator's ground truth of what each
 *   name says (its parts), never on the matcher's own similarity;
 * - the same gender, and citizenship that does not conflict;
 * - the same birth year, or one year apart where either year is only an estimate (the noise the
 *   planted duplicates themselves carry); exact birth dates on both that differ conflict.
 * Such a candidate is a correct "possible match" even though the generator made it a different
 * person, so it counts neither for nor against precision (it is reported).
 */
export function indistinguishable(record: SyntheticPerson, candidate: SyntheticPerson): boolean {
  if (record.gender !== candidate.gender) return false;
  const difference = Math.abs(record.birthYear - candidate.birthYear);
  if (difference > 1 || (difference === 1 && record.birthDate && candidate.birthDate)) return false;
  if (difference === 0 && record.birthDate && candidate.birthDate && record.birthDate !== candidate.birthDate) return false;
  const citizenship = record.citizenship[0];
  if (citizenship && candidate.citizenship.length > 0 && !candidate.citizenship.includes(citizenship)) return false;
  const queried = record.names.find((name) => name.kind === 'primary') ?? record.names[0]!;
  return candidate.names.some((name) => containsParts(name.parts, queried.parts) || containsParts(queried.parts, name.parts));
}

/**
 * Recall and precision of the matcher on a labelled set.
 *
 * - Recall: for each planted duplicate, the query is the duplicate's own record (its name, birth
 *   date or year, citizenship, gender, document, phone; itself excluded); it counts as found
 *   when the original is among the candidates at or above the threshold.
 * - Precision: over every query evaluated (planted duplicates and a sample of records that have
 *   no duplicate), each candidate at or above the threshold is a true positive when it and the
 *   query's record are a planted pair, and a false positive otherwise — except when the two
 *   records are indistinguishable on the query's fields (see `indistinguishable`), which are
 *   reported but not counted. A namesake born years apart, or with another citizenship, is a
 *   false positive: the fields say it is someone else.
 */
export function evaluateMatching(set: SyntheticSet, outcomes: QueryOutcome[]): MatchingQuality {
  const pairOf = new Map<number, number>();
  const variationsOf = new Map<number, Variation[]>();
  for (const pair of set.duplicates) {
    pairOf.set(pair.duplicateIndex, pair.originalIndex);
    pairOf.set(pair.originalIndex, pair.duplicateIndex);
    variationsOf.set(pair.duplicateIndex, pair.variations);
  }
  let plantedQueried = 0;
  let plantedFound = 0;
  let plantedFirst = 0;
  let truePositives = 0;
  let falsePositives = 0;
  let indistinguishableCount = 0;
  const recallByVariation: MatchingQuality['recallByVariation'] = {};
  for (const outcome of outcomes) {
    const record = set.persons[outcome.recordIndex]!;
    const partner = pairOf.get(outcome.recordIndex);
    const variations = variationsOf.get(outcome.recordIndex);
    if (variations) {
      plantedQueried++;
      const found = outcome.candidates.some((candidate) => candidate.index === partner);
      if (found) plantedFound++;
      if (outcome.candidates[0]?.index === partner) plantedFirst++;
      for (const variation of variations) {
        const entry = recallByVariation[variation] ?? { found: 0, total: 0 };
        recallByVariation[variation] = entry;
        entry.total++;
        if (found) entry.found++;
      }
    }
    for (const candidate of outcome.candidates) {
      // A candidate outside the set (a person recorded otherwise) is someone else.
      const other = set.persons[candidate.index];
      if (candidate.index === partner) truePositives++;
      else if (other && indistinguishable(record, other)) indistinguishableCount++;
      else falsePositives++;
    }
  }
  const proposals = truePositives + falsePositives;
  return {
    recall: plantedQueried ? plantedFound / plantedQueried : 0,
    precision: proposals ? truePositives / proposals : 1,
    strictPrecision: proposals + indistinguishableCount ? truePositives / (proposals + indistinguishableCount) : 1,
    plantedQueried,
    plantedFound,
    plantedFirst,
    truePositives,
    falsePositives,
    indistinguishable: indistinguishableCount,
    queries: outcomes.length,
    recallByVariation,
  };
}

/**
 * The records to query: every planted duplicate, and an equal number of records that have none
 * (persons and namesakes), chosen evenly through the set so the sample is stable.
 */
export function evaluationQueries(set: SyntheticSet, nonDuplicateSample = set.duplicates.length): number[] {
  const involved = new Set(set.duplicates.flatMap((pair) => [pair.originalIndex, pair.duplicateIndex]));
  const others = set.persons.map((person) => person.index).filter((index) => !involved.has(index));
  const step = Math.max(1, Math.floor(others.length / Math.max(1, nonDuplicateSample)));
  const sample = others.filter((_, k) => k % step === 0).slice(0, nonDuplicateSample);
  return [...set.duplicates.map((pair) => pair.duplicateIndex), ...sample];
}
