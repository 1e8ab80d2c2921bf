import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../test/harness.js';
import { asActor } from '../db/actorContext.js';
import { rowsOf } from '../db/client.js';

let t: TestApp;
let admin: ApiClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

/** What a database administrator with full rights could do behind the application's back. */
async function tamper(statement: string) {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_no_change`);
    await tx.execute(sql.raw(statement));
    await tx.execute(sql`alter table audit_events enable trigger audit_events_no_change`);
  });
}

describe('audit trail', () => {
  it('records sign-ins and reads of victim records, and verifies intact', async () => {
    const worker = await t.login('th.socialworker');
    const list = await worker.get('/api/cases');
    await worker.get(`/api/cases/${list.body.items[0].id}`);
    const events = await admin.get('/api/admin/audit?action=case.read');
    expect(events.status).toBe(200);
    expect(events.body.items[0]).toMatchObject({
      action: 'case.read',
      actorUsername: 'th.socialworker',
      resourceId: list.body.items[0].id,
    });
    const verified = await admin.get('/api/admin/audit/verify');
    expect(verified.body).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(verified.body.events).toBeGreaterThanOrEqual(20);
  });

  it('cannot be changed or deleted through the application role, nor by the owner while triggers stand', async () => {
    const actor = {
      userId: '00000000-0000-4000-8000-000000000001',
      agencyId: '00000000-0000-4000-8000-000000000002',
      scopes: ['audit_all'] as const,
    };
    await expect(asActor(t.database.db, actor, (tx) => tx.execute(sql`update audit_events set outcome = 'failure'`))).rejects.toThrow();
    await expect(asActor(t.database.db, actor, (tx) => tx.execute(sql`delete from audit_events`))).rejects.toThrow();
    const causeOf = (error: unknown) => String((error as { cause?: Error }).cause?.message ?? error);
    const deleted = await t.database.db.execute(sql`delete from audit_events where seq = 1`).catch(causeOf);
    expect(deleted).toMatch(/append-only/);
    const truncated = await t.database.db.execute(sql`truncate audit_events`).catch(causeOf);
    expect(truncated).toMatch(/append-only/);
  });

  it('reports ok: false and the first broken event when one row is tampered with', async () => {
    await tamper(`update audit_events set details = '{"reason":"edited"}' where seq = 5`);
    const verified = await admin.get('/api/admin/audit/verify');
    expect(verified.body).toMatchObject({ ok: false, firstBrokenSeq: 5 });
  });

  it('detects a deleted event by the broken link of the next one', async () => {
    const fresh = await startTestApp();
    try {
      // Events link within their chain: the deleted one's successor is the next event of its chain.
      const [link] = rowsOf<{ seq: number; next: number }>(
        await fresh.database.db.execute(sql`select seq::int as seq, next::int as next from (
          select seq, lead(seq) over (partition by chain order by seq) as next from audit_events) linked
          where next is not null order by seq limit 1`),
      );
      await fresh.database.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_events disable trigger audit_events_no_change`);
        await tx.execute(sql`delete from audit_events where seq = ${link!.seq}`);
        await tx.execute(sql`alter table audit_events enable trigger audit_events_no_change`);
      });
      const verified = await (await fresh.login('admin')).get('/api/admin/audit/verify');
      expect(verified.body).toMatchObject({ ok: false, firstBrokenSeq: link!.next });
    } finally {
      await fresh.close();
    }
  });

  it('lets only system administrators verify the chain', async () => {
    const agencyAdmin = await t.login('th.agencyadmin');
    expectProblem(await agencyAdmin.get('/api/admin/audit/verify'), 403, 'forbidden');
    expectProblem(await (await t.login('th.socialworker')).get('/api/admin/audit'), 403, 'forbidden');
  });
});
