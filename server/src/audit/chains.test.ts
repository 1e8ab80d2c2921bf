import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { type Db, rowsOf, type Tx } from '../db/client.js';
import { recordAudit } from './record.js';
import { type ChainVerification, verifyAuditChain } from './verify.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Row = { seq: number; chain: number; prev_hash: string | null; hash: string };

const rowsOfRequest = async (db: Db | Tx, requestId: string) =>
  rowsOf<Row>(
    await db.execute(
      sql`select seq::int as seq, chain::int as chain, prev_hash, hash from audit_events where request_id = ${requestId} order by seq`,
    ),
  );

/** Appends `count` events in one transaction; `chain` asks audit_append for that chain (free here), as a transaction that had already appended to it would. */
async function appendEvents(db: Db, count: number, chain?: number): Promise<Row[]> {
  const requestId = randomUUID();
  await db.transaction(async (tx) => {
    if (chain !== undefined) await tx.execute(sql`select set_config('seamless.audit_chain', ${String(chain)}, true)`);
    for (let event = 0; event < count; event++)
      await recordAudit(tx, { requestId }, { action: 'case.read', resourceType: 'case', resourceId: randomUUID() });
  });
  return rowsOfRequest(db, requestId);
}

class Undone extends Error {}

/** What a database administrator could do behind the application's back, verified and then rolled back. */
async function verifiedAfter(statement: ReturnType<typeof sql>): Promise<ChainVerification> {
  let verification: ChainVerification | undefined;
  await t.database.db
    .transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_no_change`);
      await tx.execute(statement);
      verification = await verifyAuditChain(tx);
      throw new Undone();
    })
    .catch((error) => {
      if (!(error instanceof Undone)) throw error;
    });
  return verification!;
}

describe('audit chains', () => {
  it("puts all of a transaction's events in one chain, each linked to the one before it in that chain", async () => {
    const rows = await appendEvents(t.database.db, 5);
    expect(new Set(rows.map((row) => row.chain)).size).toBe(1);
    const [before] = rowsOf<{ hash: string }>(
      await t.database.db.execute(
        sql`select hash from audit_events where chain = ${rows[0]!.chain} and seq < ${rows[0]!.seq} order by seq desc limit 1`,
      ),
    );
    expect(rows[0]!.prev_hash).toBe(before?.hash ?? null);
    for (let at = 1; at < rows.length; at++) expect(rows[at]!.prev_hash).toBe(rows[at - 1]!.hash);
  });

  it('finds a changed, deleted, reordered or moved event in any chain, and nothing when none is touched', async () => {
    const db = t.database.db;
    const chains = [3, 7, 11];
    const rounds: Row[][][] = [];
    for (let round = 0; round < 2; round++) rounds.push(await Promise.all(chains.map((chain) => appendEvents(db, 3, chain))));
    for (const [index, chain] of chains.entries()) expect(rounds[0]![index]!.every((row) => row.chain === chain)).toBe(true);
    // The second round's first event links across transactions to the first round's last, in its own chain.
    expect(rounds[1]![1]![0]!.prev_hash).toBe(rounds[0]![1]!.at(-1)!.hash);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, firstBrokenSeq: null });

    const first = rounds[0]!;
    const changed = first[1]![1]!.seq;
    expect(await verifiedAfter(sql`update audit_events set details = '{"reason":"edited"}' where seq = ${changed}`)).toMatchObject({
      ok: false,
      firstBrokenSeq: changed,
    });
    const deleted = first[2]![1]!;
    expect(await verifiedAfter(sql`delete from audit_events where seq = ${deleted.seq}`)).toMatchObject({
      ok: false,
      firstBrokenSeq: first[2]![2]!.seq,
    });
    // Two events of chain 3 swap places: each now stands where its hash says it does not.
    const [earlier, later] = [first[0]![1]!.seq, first[0]![2]!.seq];
    expect(
      await verifiedAfter(sql`update audit_events e set (occurred_at, action, resource_id, details, prev_hash, hash) =
        (select occurred_at, action, resource_id, details, prev_hash, hash from audit_events o
          where o.seq = case e.seq when ${earlier} then ${later}::bigint else ${earlier}::bigint end)
        where e.seq in (${earlier}, ${later})`),
    ).toMatchObject({ ok: false, firstBrokenSeq: earlier });
    // The first event of a chain moved to another empty chain: no link breaks, but the chain is in its hash.
    const [from, to] = rowsOf<{ chain: number }>(
      await db.execute(
        sql`select chain from generate_series(0, 15) chain where not exists (select 1 from audit_events e where e.chain = chain.chain) order by chain desc limit 2`,
      ),
    ).map((row) => row.chain);
    const [alone] = await appendEvents(db, 1, from);
    expect(await verifiedAfter(sql`update audit_events set chain = ${to} where seq = ${alone!.seq}`)).toMatchObject({
      ok: false,
      firstBrokenSeq: alone!.seq,
    });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('keeps events written before chains valid in chain 0, whose hash has no chain field', async () => {
    const [row] = await appendEvents(t.database.db, 1, 0);
    const [before] = rowsOf<{ hash: string }>(
      await t.database.db.execute(sql`select encode(sha256(convert_to(concat_ws(chr(31),
        coalesce(prev_hash, ''), seq::text, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        action, coalesce(actor_user_id::text, ''), coalesce(actor_username, ''), coalesce(actor_agency_id::text, ''),
        coalesce(resource_type, ''), coalesce(resource_id, ''), outcome, coalesce(request_id, ''), details::text), 'UTF8')), 'hex') as hash
        from audit_events where seq = ${row!.seq}`),
    );
    expect(row).toMatchObject({ chain: 0, hash: before!.hash });
  });

  it('appends to a chain in range whatever the transaction-local setting says', async () => {
    const requestId = randomUUID();
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('seamless.audit_chain', '99', true)`);
      await recordAudit(tx, { requestId }, { action: 'case.read' });
    });
    const [row] = await rowsOfRequest(t.database.db, requestId);
    expect(row!.chain).toBeGreaterThanOrEqual(0);
    expect(row!.chain).toBeLessThan(16);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('audit chains under concurrent writers (PostgreSQL)', () => {
  const WRITERS = 16;
  const HOLD_SECONDS = 1;

  /** One writer's transaction: several events, then the transaction stays open as a slow command's would, holding its chain. */
  async function write(db: Db, requestId: string) {
    await db.transaction(async (tx) => {
      for (let event = 0; event < 4; event++)
        await recordAudit(tx, { requestId }, { action: 'case.update', resourceType: 'case', resourceId: randomUUID() });
      await tx.execute(sql`select pg_sleep(${HOLD_SECONDS})`);
    });
  }

  it('lets 16 transactions append at once without waiting on each other, each in its own chain, all intact', async () => {
    const pool = await t.connections(WRITERS);
    try {
      await Promise.all(Array.from({ length: WRITERS }, () => pool.db.execute(sql`select pg_sleep(0.05)`)));
      const aloneStarted = performance.now();
      await write(pool.db, randomUUID());
      const alone = performance.now() - aloneStarted;

      const requestIds = Array.from({ length: WRITERS }, () => randomUUID());
      const started = performance.now();
      await Promise.all(requestIds.map((requestId) => write(pool.db, requestId)));
      const together = performance.now() - started;

      // One after another they would take WRITERS times as long as one alone; at once, about one
      // (three allows for two cores running sixteen transactions and the rest of the machine).
      expect(together).toBeLessThan(alone * 3);
      const chainsOf = await Promise.all(
        requestIds.map(async (requestId) => (await rowsOfRequest(pool.db, requestId)).map((row) => row.chain)),
      );
      for (const chains of chainsOf) {
        expect(chains).toHaveLength(4);
        expect(new Set(chains).size).toBe(1);
      }
      expect(new Set(chainsOf.map((chains) => chains[0])).size).toBe(WRITERS);
      expect(await verifyAuditChain(pool.db)).toMatchObject({ ok: true, firstBrokenSeq: null });
    } finally {
      await pool.close();
    }
  });

  it('does not let a forged setting append to a chain another transaction holds', async () => {
    const pool = await t.connections(2);
    try {
      await Promise.all([0, 1].map(() => pool.db.execute(sql`select pg_sleep(0.05)`)));
      let holding!: () => void;
      const held = new Promise<void>((resolve) => {
        holding = resolve;
      });
      const holder = pool.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(727001, 9)`);
        holding();
        await tx.execute(sql`select pg_sleep(${HOLD_SECONDS * 2})`);
      });
      await held;
      const requestId = randomUUID();
      const started = performance.now();
      await pool.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('seamless.audit_chain', '9', true)`);
        await recordAudit(tx, { requestId }, { action: 'case.read' });
      });
      const waited = performance.now() - started;
      const [row] = await rowsOfRequest(pool.db, requestId);
      expect(row!.chain).not.toBe(9);
      expect(waited).toBeLessThan(HOLD_SECONDS * 1000);
      await holder;
    } finally {
      await pool.close();
    }
  });
});
