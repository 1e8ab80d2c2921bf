import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let agencyAdmin: ApiClient; // agency_admin, Chiang Rai office
let ngo: ApiClient; // case_manager, NGO
let sharedCaseId: string;
let ngoCaseId: string;

type Event = { action: string; actorUsername: string | null; resourceId: string | null };
const trail = async (query: string) => {
  const response = await agencyAdmin.get(`/api/admin/audit?pageSize=200&${query}`);
  expect(response.status).toBe(200);
  return response.body.items as Event[];
};

beforeAll(async () => {
  t = await startTestApp();
  agencyAdmin = await t.login('th.agencyadmin');
  ngo = await t.login('th.ngo');
  // A Chiang Rai case the provincial office shared with the NGO (demo data).
  const shared = (await ngo.get('/api/cases?pageSize=200')).body.items.find((item: { ownerAgencyName: string }) =>
    item.ownerAgencyName.startsWith('Chiang Rai'),
  );
  sharedCaseId = shared.id;
  const created = await ngo.post('/api/cases', { person: { givenName: 'Noi', gender: 'Feminine', estimatedAge: 30 } });
  expect(created.status).toBe(201);
  ngoCaseId = created.body.id;
  expect((await ngo.get(`/api/cases/${sharedCaseId}`)).status).toBe(200);
  expect((await ngo.get(`/api/cases/${ngoCaseId}`)).status).toBe(200);
});
afterAll(() => t.close());

describe("an agency administrator's audit view", () => {
  it("shows other agencies' reads of the agency's own cases", async () => {
    const reads = await trail(`action=case.read&resourceId=${sharedCaseId}`);
    expect(reads).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'case.read', actorUsername: 'th.ngo' })]));
  });

  it('shows nothing else of other agencies: not their own cases, not their sign-ins', async () => {
    expect(await trail(`resourceId=${ngoCaseId}`)).toEqual([]);
    const all = await trail('');
    const foreign = all.filter((event) => event.actorUsername === 'th.ngo');
    expect(foreign.length).toBeGreaterThan(0);
    expect(foreign.every((event) => event.resourceId === sharedCaseId)).toBe(true);
    expect(all.some((event) => event.action === 'auth.login' && event.actorUsername === 'th.ngo')).toBe(false);
  });

  it("is unchanged for the system administrator, who sees every agency's events", async () => {
    const admin = await t.login('admin');
    const response = await admin.get(`/api/admin/audit?resourceId=${ngoCaseId}`);
    expect(response.body.items.map((event: Event) => event.action)).toEqual(expect.arrayContaining(['case.create', 'case.read']));
  });
});
