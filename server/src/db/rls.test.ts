import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { asActor, asSystem } from './actorContext.js';
import { rowsOf } from './client.js';
import { agencies, caseAccess, cases, persons } from './schema/index.js';

let t: TestApp;
let agencyIds: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  const rows = await asSystem(t.database.db, (tx) => tx.select().from(agencies));
  agencyIds = Object.fromEntries(rows.map((row) => [row.acronym ?? row.agencyFunction, row.id]));
});
afterAll(() => t.close());

const countAs = async (query: string, settings: string) =>
  t.database.db.transaction(async (tx) => {
    if (settings) await tx.execute(sql.raw(settings));
    await tx.execute(sql`set local role seamless_app`);
    return Number(rowsOf<{ n: string }>(await tx.execute(sql.raw(`select count(*) as n from ${query}`)))[0]!.n);
  });

describe('row-level security', () => {
  it('shows nothing to the application role when no actor is set', async () => {
    for (const table of ['cases', 'persons', 'users', 'audit_events', 'agencies', 'case_access', 'user_groups', 'roles']) {
      expect(await countAs(table, ''), table).toBe(0);
    }
    // Session tokens are not granted to the application role at all.
    await expect(countAs('sessions', '')).rejects.toThrow();
    const all = await asSystem(t.database.db, (tx) => tx.select().from(cases));
    expect(all.length).toBe(16);
  });

  it('limits an agency to its own cases and the ones shared with it', async () => {
    const chiangRai = agencyIds['PSDHS Chiang Rai']!;
    const shelter = agencyIds.shelter!;
    const actor = (agencyId: string) => ({ userId: '00000000-0000-4000-8000-000000000001', agencyId, scopes: [] });
    const own = await asActor(t.database.db, actor(chiangRai), (tx) => tx.select().from(cases));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((row) => row.ownerAgencyId === chiangRai)).toBe(true);

    const seenByShelter = await asActor(t.database.db, actor(shelter), (tx) => tx.select().from(cases));
    const shared = seenByShelter.filter((row) => row.ownerAgencyId !== shelter);
    expect(shared.length).toBe(1);
    expect(shared[0]!.ownerAgencyId).toBe(chiangRai);
    // Persons follow their cases.
    const people = await asActor(t.database.db, actor(shelter), (tx) => tx.select().from(persons));
    expect(people.length).toBe(seenByShelter.length);
  });

  it('refuses to write into another agency, even when route code would try', async () => {
    const chiangRai = agencyIds['PSDHS Chiang Rai']!;
    const ngo = agencyIds.ngo!;
    const [foreignCase] = await asSystem(t.database.db, (tx) => tx.select().from(cases).where(eq(cases.ownerAgencyId, chiangRai)).limit(1));
    const actor = { userId: '00000000-0000-4000-8000-000000000002', agencyId: ngo, scopes: [] as const };
    const updated = await asActor(t.database.db, actor, (tx) =>
      tx.update(cases).set({ status: 'Closed' }).where(eq(cases.id, foreignCase!.id)).returning(),
    );
    expect(updated).toEqual([]);
    await expect(
      asActor(t.database.db, actor, (tx) =>
        tx.insert(caseAccess).values({ caseId: foreignCase!.id, agencyId: ngo, kind: 'shared', sections: ['identity'] }),
      ),
    ).rejects.toThrow();
    await expect(
      asActor(t.database.db, actor, (tx) =>
        tx.insert(cases).values({ reference: 'TH-X', countryCode: 'TH', personId: foreignCase!.personId, ownerAgencyId: chiangRai }),
      ),
    ).rejects.toThrow();
    const [after] = await asSystem(t.database.db, (tx) => tx.select().from(cases).where(eq(cases.id, foreignCase!.id)));
    expect(after!.status).toBe(foreignCase!.status);
  });
});
