import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { DENIED_READS_KEPT_IDS, flushDeniedReads } from '../audit/deniedReads.js';
import { asSystem } from '../db/actorContext.js';
import { rowsOf } from '../db/client.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const deniedEvents = async (username: string) =>
  rowsOf(
    await asSystem(t.database.db, (tx) =>
      tx.execute(sql`select outcome, resource_type, resource_id, details from audit_events
        where action = 'case.read_denied' and actor_username = ${username} order by seq`),
    ),
  ) as { outcome: string; resource_type: string; resource_id: string; details: Record<string, any> }[];

describe('refused reads of case ids', () => {
  it('are audited as denied, a scan of hundreds of ids as one event with the count and the first ids', async () => {
    const ngo = await t.login('th.ngo');
    const scanned = Array.from({ length: 400 }, () => randomUUID());
    for (let start = 0; start < scanned.length; start += 50) {
      const answers = await Promise.all(scanned.slice(start, start + 50).map((id) => ngo.get(`/api/cases/${id}`)));
      expect(answers.every((answer) => answer.status === 404)).toBe(true);
    }
    // A case the NGO sees (shared by the provincial office) but may not change: 403.
    const shared = (await ngo.get('/api/cases?pageSize=200')).body.items.find((item: { ownerAgencyName: string }) =>
      item.ownerAgencyName.startsWith('Chiang Rai'),
    );
    const refused = await ngo.patch(`/api/cases/${shared.id}`, { version: 1, urgency: 'urgent' });
    expect(refused.status).toBe(403);
    // A role without case access at all.
    const dataOfficer = await t.login('th.data');
    expect((await dataOfficer.get(`/api/cases/${shared.id}`)).status).toBe(403);

    await flushDeniedReads(t.database.db);
    const events = await deniedEvents('th.ngo');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: 'denied', resource_type: 'case' });
    // The first batch of 50 arrives at once: the event names whichever of them the server took first.
    expect(scanned.slice(0, 50)).toContain(events[0]!.resource_id);
    expect(events[0]!.details).toMatchObject({ count: 401, statuses: { 404: 400, 403: 1 } });
    // Requests arrive concurrently on a server pool: which ids come first is not fixed, only that they were scanned.
    const kept = events[0]!.details.caseIds as string[];
    expect(kept).toHaveLength(DENIED_READS_KEPT_IDS);
    expect(kept.every((id) => (scanned as string[]).includes(id))).toBe(true);
    expect(await deniedEvents('th.data')).toEqual([
      expect.objectContaining({ resource_id: shared.id, details: expect.objectContaining({ count: 1, statuses: { 403: 1 } }) }),
    ]);
  });

  it('start a new event once the gathered ones are written', async () => {
    const ngo = await t.login('th.ngo');
    const before = (await deniedEvents('th.ngo')).length;
    const id = randomUUID();
    expect((await ngo.get(`/api/cases/${id}/timeline`)).status).toBe(404);
    await flushDeniedReads(t.database.db);
    const events = await deniedEvents('th.ngo');
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)!.details).toMatchObject({ count: 1, caseIds: [id] });
  });
});
