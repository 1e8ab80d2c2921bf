import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { recordCaseEvent } from '../../commands/recordCaseEvent.js';
import { asSystem } from '../../db/actorContext.js';
import { localToday } from '../../shelters/countdown.js';
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

  it('shows an agency the case was shared with only the sharing and consent entries about its own grant', async () => {
    const [ngoId, shelterId] = [await agencyOf(t, 'th.ngo'), await agencyOf(t, 'th.shelter')];
    const kase = await openTestCase(socialworker);
    const consent = async (sections: string[], agencyIds: string[]) => {
      const response = await socialworker.post(`/api/cases/${kase.id}/consents`, {
        purpose: 'services',
        sections,
        agencyIds,
        countries: [],
        givenBy: 'victim',
        givenOn: localToday('TH', new Date()),
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body.id as string;
    };
    const share = async (agencyId: string, consentId: string, sections: string[]) =>
      expect((await socialworker.post(`/api/cases/${kase.id}/shares`, { agencyId, consentId, sections })).status).toBe(200);
    await share(ngoId, await consent(['care'], [ngoId]), ['care']);
    const toShelter = await consent(['identity', 'shelter', 'psychosocial'], [shelterId]);
    await share(shelterId, toShelter, ['identity', 'shelter']);
    await consent(['care'], [ngoId, shelterId]);
    expect((await socialworker.post(`/api/cases/${kase.id}/consents/${toShelter}/withdraw`, { reason: 'she left' })).status).toBe(200);

    type Named = { kind: string; details: { agencyId?: string; agencyIds?: string[]; revokedAgencyIds?: string[] } };
    const named = (entry: Named) =>
      [entry.details.agencyId ?? [], entry.details.agencyIds ?? [], entry.details.revokedAgencyIds ?? []].flat();
    const timeline = async (client: ApiClient) => {
      const response = await client.get(`/api/cases/${kase.id}/timeline?pageSize=200`);
      expect(response.status).toBe(200);
      return response.body as { items: Named[]; total: number };
    };
    const seenByOwner = await timeline(socialworker);
    expect(seenByOwner.items.filter((entry) => named(entry).includes(shelterId)).map((entry) => entry.kind)).toEqual([
      'case.unshared',
      'consent.withdrawn',
      'consent.recorded',
      'case.shared',
      'consent.recorded',
    ]);
    const seenByNgo = await timeline(ngo);
    expect(seenByNgo.items.flatMap(named).every((agencyId) => agencyId === ngoId)).toBe(true);
    expect(seenByNgo.items.filter((entry) => named(entry).length > 0).map((entry) => entry.kind)).toEqual([
      'case.shared',
      'consent.recorded',
    ]);
    expect(seenByNgo.total).toBe(seenByNgo.items.length);
    expect(seenByNgo.items.map((entry) => entry.kind)).toContain('case.opened');
    // In an emergency the whole record opens, the owner's sharing with it.
    expect((await ngo.post(`/api/cases/${kase.id}/break-glass`, { reason: 'She called from the border at night.' })).status).toBe(201);
    expect((await timeline(ngo)).items.filter((entry) => named(entry).includes(shelterId))).toHaveLength(5);
  });

  it('is closed to other agencies and to roles without case access', async () => {
    expectProblem(await ngo.get(`/api/cases/${sharedCase}/timeline`), 404, 'not_found');
    expectProblem(await data.get(`/api/cases/${sharedCase}/timeline`), 403, 'forbidden');
    expectProblem(await socialworker.get('/api/cases/not-a-uuid/timeline'), 400, 'validation_failed');
    const badPage = expectProblem(await socialworker.get(`/api/cases/${sharedCase}/timeline?page=0`), 400, 'validation_failed');
    expect(badPage.errors?.[0]?.path).toBe('query.page');
  });
});
