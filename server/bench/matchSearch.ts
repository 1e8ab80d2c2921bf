import { sql } from 'drizzle-orm';
import { asActor, asSystem } from '../src/db/actorContext.js';
import { DEFAULT_MATCH_THRESHOLD, findPersonMatches } from '../src/matching/findPersonMatches.js';
import { nameKeysOf } from '../src/matching/nameKeys.js';
import { evaluateMatching, evaluationQueries, type QueryOutcome } from '../src/matching/synthetic/evaluate.js';
import { queryOf } from '../src/matching/synthetic/generate.js';
import { type Bench, entry, latencyEntries } from './context.js';
import { crossScriptEntries } from './matchSearchScripts.js';

/** The quality the product promises (dedupQuality.test.ts asserts the same). */
const REQUIRED_RECALL = 0.95;
const REQUIRED_PRECISION = 0.9;

/**
 * Possible matches: findPersonMatches as the route runs it (inside asActor, under row-level
 * security, the name search by trigram and syllable keys, blind-index lookups, scoring, decryption of the names shown)
 * against the raw trigram query it builds on — one indexed `%` search of person_names as the
 * schema owner, best ten by similarity. The same queries feed the quality entries: recall and
 * precision on the labelled synthetic set, against the required values.
 */
export const matchSearch: Bench = {
  name: 'match-search',
  async run(context) {
    const { app, set, personIds, actor } = context;
    const { db } = app.database;
    const indexOf = new Map(personIds.map((id, index) => [id, index]));
    const queries = evaluationQueries(set, set.duplicates.length / 2);
    const outcomes: QueryOutcome[] = [];
    const ours: number[] = [];
    for (const recordIndex of queries) {
      const started = performance.now();
      const candidates = await asActor(db, actor, (tx) =>
        findPersonMatches(tx, app.keyRing, queryOf(set.persons[recordIndex]!, personIds[recordIndex])),
      );
      ours.push(performance.now() - started);
      outcomes.push({
        recordIndex,
        candidates: candidates.map((candidate) => ({ index: indexOf.get(candidate.personId) ?? -1, score: candidate.score })),
      });
    }
    const baseline: number[] = [];
    for (const recordIndex of queries) {
      const { searchKey } = nameKeysOf(queryOf(set.persons[recordIndex]!).name);
      const started = performance.now();
      await asSystem(db, async (tx) => {
        await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', '0.3', true), set_config('enable_seqscan', 'off', true)`);
        await tx.execute(
          sql`select person_id, similarity(search_key, ${searchKey}) as s from person_names where search_key % ${searchKey} order by s desc limit 10`,
        );
      });
      baseline.push(performance.now() - started);
    }
    const quality = evaluateMatching(set, outcomes);
    return [
      ...latencyEntries('match-search', ours, baseline),
      entry(
        'match-search-recall',
        `recall at ${DEFAULT_MATCH_THRESHOLD}`,
        quality.recall,
        REQUIRED_RECALL,
        'ratio',
        quality.plantedQueried,
      ),
      entry(
        'match-search-precision',
        `precision at ${DEFAULT_MATCH_THRESHOLD}`,
        quality.precision,
        REQUIRED_PRECISION,
        'ratio',
        quality.truePositives + quality.falsePositives,
      ),
      ...(await crossScriptEntries(context)),
    ];
  },
};
