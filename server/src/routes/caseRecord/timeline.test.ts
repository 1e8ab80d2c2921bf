import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { recordCaseEvent } from '../../commands/recordCaseEvent.js';
import { asSystem } from '../../db/actorContext.js';
import { agencyOf, auditEventsOf, demoCaseId, openTestCase, userIdOf } from './testSupport.js';

let t: TestApp;
let socialworker: ApiClient;
let shelter: ApiClient;
let psychologist: ApiClient;
let ngo: ApiClient;
let data: ApiClient;
let sharedCase: string;

beforeAll(async () => {
  t = await startTestApp();
  [socialworker, shelter, psychologist, ngo, data] = await Promise.all([
    t.login('th.socialworker'),
    t.login('th.shelter'),
    t.login('th.psychologist'),
    t.login('th.ngo'),
    t.login('th.data'),
  ]);
  sharedCase = await demoCaseId(t, 0);
});
afterAll(() => t?.close());

type Entry = { id: number; kind: string; section: string | null; occurredAt: string };

describe('case timeline', () => {
  it('tells what happened, newest first, with who did it and for which agency', async () => {
    const kase = await openTestCase(socialworker);
    await socialworker.post(`/api/cases/${kase.id}/comments`, { body: 'first contact' });
    await socialworker.post(`/api/cases/${kase.id}/events`, { eventType: 'Transit' });
    const response = await socialworker.get(`/api/cases/${kase.id}/timeline`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(response.body.items.map((entry: Entry) => entry.kind)).toEqual(['event.added', 'comment.added', 'case.opened']);
    expect(response.body.items[2]).toEqual({
      id: expect.any(Number),
      occurredAt: expect.any(String),
      kind: 'case.opened',
      section: null,
      actorName: 'Nok Wongsakul',
      actorAgencyName: 'Chiang Rai Provincial Office of Social Development and Human Security',
      details: expect.any(Object),
    });
    const times = response.body.items.map((entry: Entry) => entry.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);

    const page2 = await socialworker.get(`/api/cases/${kase.id}/timeline?page=2&pageSize=2`);
    expect(page2.body.items.map((entry: Entry) => entry.kind)).toEqual(['case.opened']);
    expect(page2.body.total).toBe(3);
    expect((await auditEventsOf(t, 'case.timeline_read', kase.id)).map((event) => event.details)).toContainEqual({
      sections: ['identity', 'shelter', 'family', 'care'],
      page: 2,
    });
  });

  it('shows an entry about a section only to those who may read that section', async () => {
    const socialworkerActor = { userId: await userIdOf(t, 'th.socialworker'), agencyId: await agencyOf(t, 'th.socialworker') };
    await asSystem(t.database.db, async (tx) => {
      await recordCaseEvent(tx, socialworkerActor, sharedCase, 'comment.added', { marker: 'medical-entry' }, 'medical');
      await recordCaseEvent(tx, socialworkerActor, sharedCase, 'comment.added', { marker: 'shelter-entry' }, 'shelter');
      await recordCaseEvent(tx, socialworkerActor, sharedCase, 'comment.added', { marker: 'general-entry' }, null);
    });
    const markers = async (client: ApiClient) => {
      const response = await client.get(`/api/cases/${sharedCase}/timeline?pageSize=200`);
      expect(response.status).toBe(200);
      return response.body.items.map((entry: { details: { marker?: string } }) => entry.details.marker).filter(Boolean);
    };
    // Owner's case manager: shelter yes (role), medical no (role). Shelter staff: shelter (role + share). Psychologist: neither.
    expect(await markers(socialworker)).toEqual(['general-entry', 'shelter-entry']);
    expect(await markers(shelter)).toEqual(['general-entry', 'shelter-entry']);
    expect(await markers(psychologist)).toEqual(['general-entry']);
  });

  it('is closed to other agencies and to roles without case access', async () => {
    expectProblem(await ngo.get(`/api/cases/${sharedCase}/timeline`), 404, 'not_found');
    expectProblem(await data.get(`/api/cases/${sharedCase}/timeline`), 403, 'forbidden');
    expectProblem(await socialworker.get('/api/cases/not-a-uuid/timeline'), 400, 'validation_failed');
    const badPage = expectProblem(await socialworker.get(`/api/cases/${sharedCase}/timeline?page=0`), 400, 'validation_failed');
    expect(badPage.errors?.[0]?.path).toBe('query.page');
  });
});
