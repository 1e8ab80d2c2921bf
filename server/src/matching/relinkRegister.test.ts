import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { asSystem } from '../db/actorContext.js';
import { rowsOf } from '../db/client.js';
import { relinkageCandidates, users } from '../db/schema/index.js';
import { relinkedWithCurrentKeys, relinkRegister } from './relinkRegister.js';
import { evaluateMatching } from './synthetic/evaluate.js';
import { generateSyntheticSet, type SyntheticSet } from './synthetic/generate.js';
import { loadSyntheticSet } from './synthetic/load.js';
import { relinkageOutcomes } from './synthetic/relinkageOutcomes.js';

/**
 * The batch re-linkage job on the labelled synthetic set: 5,000 persons with planted duplicates
 * across scripts and spellings and namesakes. Every queued pair is read as the possible-matches
 * evaluation reads a search's candidates (synthetic/evaluate.ts), from both records' side.
 * Recall is held to the panel's 0.95. Precision is far below the panel's 0.90, with the same
 * scorer: the panel's is measured on queries two thirds of which have a planted duplicate, the
 * queue on every record of the register, where each of the 4,400 records without one can only add
 * false pairs (a namesake of the same country born within a year) — the calibration was fitted
 * where duplicates are common, and a register-wide run has another base rate. Measured 0.72 on
 * 2,000 persons and 0.50 on 5,000; held at 0.45 so that a loss shows. The top of the queue, which
 * owners read first, is held to the panel's precision.
 */
const REQUIRED_RECALL = 0.95;
const REQUIRED_PRECISION = 0.45;
const TOP_OF_QUEUE = 0.8;
const REQUIRED_TOP_PRECISION = 0.9;

let t: TestApp;
let set: SyntheticSet;
let ids: string[];

type Pending = { id: string; low: string; high: string; likelihood: number; status: string };
const queue = () =>
  asSystem(t.database.db, async (tx) =>
    rowsOf<Pending>(
      await tx.execute(
        sql`select id, person_low as low, person_high as high, likelihood, status from relinkage_candidates order by person_low, person_high`,
      ),
    ),
  );

beforeAll(async () => {
  t = await startTestApp();
  const [worker] = await asSystem(t.database.db, (tx) => tx.select().from(users).where(eq(users.username, 'th.socialworker')));
  set = generateSyntheticSet({ persons: 5_000 });
  ids = await loadSyntheticSet(t.database.db, t.keyRing, set, {
    agencyId: worker!.agencyId,
    cases: { ownerUserId: worker!.id, countryCode: 'TH' },
  });
}, 180_000);
afterAll(() => t?.close());

describe('re-checking the register for records of one person', () => {
  let first: Pending[];

  it('queues the planted duplicates without proposing namesakes, and never merges', async () => {
    const outcome = await relinkRegister(t.database.db, t.keyRing);
    first = await queue();
    const quality = evaluateMatching(set, relinkageOutcomes(set, ids, first));
    console.info(
      [
        `re-linkage on ${outcome.persons} persons (${t.database.kind}) in ${outcome.seconds.toFixed(1)} s:`,
        `  ${outcome.pairsScored} blocked pairs scored, ${outcome.pairsQueued} queued`,
        `  recall ${quality.recall.toFixed(3)} (${quality.plantedFound}/${quality.plantedQueried})`,
        `  precision ${quality.precision.toFixed(3)} (true ${quality.truePositives}, false ${quality.falsePositives}, indistinguishable ${quality.indistinguishable})`,
      ].join('\n'),
    );
    expect(quality.plantedQueried).toBe(set.duplicates.length);
    expect(quality.recall).toBeGreaterThanOrEqual(REQUIRED_RECALL);
    expect(quality.precision).toBeGreaterThanOrEqual(REQUIRED_PRECISION);
    const top = evaluateMatching(
      set,
      relinkageOutcomes(
        set,
        ids,
        first.filter((pair) => pair.likelihood >= TOP_OF_QUEUE),
      ),
    );
    console.info(`  at likelihood ${TOP_OF_QUEUE} and above: recall ${top.recall.toFixed(3)}, precision ${top.precision.toFixed(3)}`);
    expect(top.precision).toBeGreaterThanOrEqual(REQUIRED_TOP_PRECISION);
    expect(first.every((pair) => pair.status === 'pending')).toBe(true);
    const [merged] = rowsOf<{ merged: number }>(
      await t.database.db.execute(sql`select count(*)::int as merged from persons where merged_into_id is not null`),
    );
    expect(merged!.merged).toBe(0);
    expect(await relinkedWithCurrentKeys(t.database.db)).toBe(true);
  }, 300_000);

  it('finds the same queue again when run again', async () => {
    await relinkRegister(t.database.db, t.keyRing);
    expect(await queue()).toEqual(first);
  }, 300_000);

  it('remembers a pair decided as two people and never queues it again', async () => {
    const dismissed = first[0]!;
    await asSystem(t.database.db, (tx) =>
      tx
        .update(relinkageCandidates)
        .set({ status: 'not_same_person', decidedAt: new Date() })
        .where(eq(relinkageCandidates.id, dismissed.id)),
    );
    await relinkRegister(t.database.db, t.keyRing);
    const again = await queue();
    expect(again.filter((pair) => pair.low === dismissed.low && pair.high === dismissed.high)).toEqual([
      { ...dismissed, status: 'not_same_person' },
    ]);
    expect(again.filter((pair) => pair.status === 'pending')).toHaveLength(first.length - 1);
  }, 300_000);

  it('takes a pending pair out of the queue once one of its records was merged away', async () => {
    const pair = first[1]!;
    await asSystem(t.database.db, (tx) =>
      tx.execute(sql`update persons set merged_into_id = ${pair.low}::uuid where id = ${pair.high}::uuid`),
    );
    await relinkRegister(t.database.db, t.keyRing);
    const again = await queue();
    expect(again.find((row) => row.id === pair.id)).toBeUndefined();
  }, 300_000);
});
