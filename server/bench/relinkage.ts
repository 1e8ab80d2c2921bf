import { sql } from 'drizzle-orm';
import { asSystem } from '../src/db/actorContext.js';
import { rowsOf } from '../src/db/client.js';
import { blockedPairsStatement, relinkRegister } from '../src/matching/relinkRegister.js';
import { evaluateMatching } from '../src/matching/synthetic/evaluate.js';
import { type QueuedPair, relinkageOutcomes } from '../src/matching/synthetic/relinkageOutcomes.js';
import { type Bench, entry } from './context.js';

/**
 * Batch re-linkage (issue 16): the whole job — blocking in SQL, scoring every blocked pair with the
 * panel's calibrated likelihood, writing the queue — in persons per second, against the raw
 * self-join on the same blocking keys as the schema owner (the blocking statement alone, its pairs
 * counted and not scored). Recall and precision of the queue on the labelled set, as the
 * possible-matches evaluation counts them. The one-million figure extrapolates the measured rate
 * linearly: blocks are capped (MAX_BLOCK), so pairs per person stay about constant as the register grows.
 */
export const relinkage: Bench = {
  name: 'relinkage',
  async run({ app, set, personIds }) {
    const { db } = app.database;
    const outcome = await relinkRegister(db, app.keyRing);
    const started = performance.now();
    const [blocked] = await asSystem(db, async (tx) =>
      rowsOf<{ pairs: number }>(await tx.execute(sql`select count(*)::int as pairs from (${blockedPairsStatement()}) blocked`)),
    );
    const baselineSeconds = (performance.now() - started) / 1000;
    const queued = rowsOf<QueuedPair>(
      await db.execute(sql`select person_low as low, person_high as high, likelihood from relinkage_candidates where status = 'pending'`),
    );
    const quality = evaluateMatching(set, relinkageOutcomes(set, personIds, queued));
    const rate = outcome.persons / outcome.seconds;
    const baselineRate = outcome.persons / baselineSeconds;
    console.info(
      `relinkage: ${outcome.persons} persons, ${outcome.pairsScored} blocked pairs (raw join ${blocked?.pairs}), ${outcome.pairsQueued} queued in ${outcome.seconds.toFixed(2)} s; raw self-join ${baselineSeconds.toFixed(2)} s`,
    );
    return [
      entry(
        'relinkage',
        'persons re-checked per second (blocking, scoring, queue written)',
        rate,
        baselineRate,
        'persons/s',
        outcome.persons,
      ),
      entry(
        'relinkage-pairs-per-person',
        'blocked pairs scored per person',
        outcome.pairsScored / outcome.persons,
        (blocked?.pairs ?? 0) / outcome.persons,
        'pairs',
        outcome.pairsScored,
      ),
      entry(
        'relinkage-1m-minutes',
        'minutes for 1,000,000 persons at the measured rate',
        1e6 / rate / 60,
        1e6 / baselineRate / 60,
        'min',
        outcome.persons,
      ),
      entry('relinkage-recall', 'planted duplicates queued', quality.recall, 0.9, 'ratio', quality.plantedQueried),
      entry(
        'relinkage-precision',
        'queued pairs that are one person',
        quality.precision,
        0.9,
        'ratio',
        quality.truePositives + quality.falsePositives,
      ),
    ];
  },
};
