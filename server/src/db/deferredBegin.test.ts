import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { asActor } from './actorContext.js';
import { rowsOf } from './client.js';
import { DeferredBeginClient } from './deferredBegin.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const actor = { userId: '00000000-0000-4000-8000-000000000001', agencyId: '00000000-0000-4000-8000-000000000002', scopes: [] };

describe.skipIf(!process.env.DATABASE_URL)('a transaction begun with its first statement (PostgreSQL)', () => {
  it("runs the actor's settings inside the transaction, as the application role, for every statement after them", async () => {
    // Settings local to a transaction outlive their statement only inside one: seeing them in the
    // statements after shows the begin ran first.
    const seen = await asActor(t.database.db, actor, async (tx) => {
      await tx.execute(sql`select 1`);
      return rowsOf<{ role: string; agency: string }>(
        await tx.execute(sql`select current_user as role, current_setting('app.agency_id', true) as agency`),
      )[0];
    });
    expect(seen).toEqual({ role: 'seamless_app', agency: actor.agencyId });
    // Settings made local to the transaction are gone after it: nothing leaked to the connection.
    const after = rowsOf<{ role: string; agency: string | null }>(
      await t.database.db.execute(sql`select current_user as role, nullif(current_setting('app.agency_id', true), '') as agency`),
    )[0];
    expect(after?.role).not.toBe('seamless_app');
    expect(after?.agency).toBeNull();
  });

  it('runs nothing after a failed statement that came with the begin, and the rollback clears it', async () => {
    const client = new DeferredBeginClient({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query('begin');
      await expect(client.query("select set_config('role', 'no_such_role', true)")).rejects.toThrow(/no_such_role/);
      await expect(client.query('select 1')).rejects.toThrow(/aborted/);
      await client.query('rollback');
      const { rows } = await client.query('select 1 as n');
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await client.end();
    }
  });
});
