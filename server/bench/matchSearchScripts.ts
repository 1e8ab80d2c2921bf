import { eq } from 'drizzle-orm';
import { asActor, asSystem } from '../src/db/actorContext.js';
import { users } from '../src/db/schema/index.js';
import { readEvaluationSet } from '../src/matching/evaluation/buildEvaluationSet.js';
import { loadEvaluationSet } from '../src/matching/evaluation/loadEvaluationSet.js';
import { type PairOutcome, scoreEvaluation } from '../src/matching/evaluation/scoreEvaluation.js';
import { findPersonMatches } from '../src/matching/findPersonMatches.js';
import { type BenchContext, type BenchEntry, budgetEntry } from './context.js';

/** What issue 16 requires on every script pair of the labelled cross-script set. */
const REQUIRED_RECALL_AT_5 = 0.95;
const REQUIRED_PRECISION = 0.9;

/**
 * The labelled cross-script set (src/matching/evaluation/): its targets and near-miss distractors
 * loaded as persons of the demo NGO's agency, each query searched through findPersonMatches as
 * the NGO's caseworker would search (name and gender, the name-only threshold, five shown), under
 * row-level security — so the synthetic population of the other agency is not in sight, and the
 * candidates are exactly the set's records. Recall@5 and precision per script pair, each against
 * its requirement: a miss fails the run.
 */
export async function crossScriptEntries({ app }: BenchContext): Promise<BenchEntry[]> {
  const { db } = app.database;
  const [worker] = await asSystem(db, (tx) => tx.select().from(users).where(eq(users.username, 'th.ngo')));
  if (!worker) throw new Error('The demo NGO caseworker th.ngo is missing');
  const set = readEvaluationSet();
  const personIds = await loadEvaluationSet(db, app.keyRing, set, worker.agencyId);
  const recordOf = new Map([...personIds].map(([recordId, personId]) => [personId, recordId]));
  const actor = { userId: worker.id, agencyId: worker.agencyId, scopes: [] };
  const outcomes: PairOutcome[] = [];
  for (const [pairIndex, pair] of set.pairs.entries()) {
    const candidates = await asActor(db, actor, (tx) =>
      findPersonMatches(tx, app.keyRing, { name: pair.query, gender: pair.gender }, { limit: 5 }),
    );
    outcomes.push({ pairIndex, candidates: candidates.map((candidate) => recordOf.get(candidate.personId) ?? null) });
  }
  const qualities = scoreEvaluation(set, outcomes);
  const all = scoreEvaluation({ ...set, pairs: set.pairs.map((pair) => ({ ...pair, scriptPair: 'all' })) }, outcomes)[0]!;
  return [
    ...[all, ...qualities].flatMap((quality) => [
      budgetEntry('match-search-recall', quality.recallAt5, REQUIRED_RECALL_AT_5, 'ratio', quality.pairs, `recall@5 ${quality.scriptPair}`),
      budgetEntry(
        'match-search-precision',
        quality.precision,
        REQUIRED_PRECISION,
        'ratio',
        quality.truePositives + quality.falsePositives,
        `precision ${quality.scriptPair}`,
      ),
    ]),
  ];
}
