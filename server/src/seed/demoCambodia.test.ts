import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { CAMBODIA_DEMO } from './demoCambodia.js';
import { DEMO_READY_TO_REPATRIATE } from './demoThailand.js';

describe("Cambodia's demo instance (the other end of the federation demo)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ INSTANCE_COUNTRY: 'KH' });
  });
  afterAll(() => t?.close());

  it("signs in Cambodia's focal point in Khmer, at the ministry that receives returnees", async () => {
    const worker = await t.login('kh.socialworker');
    const me = (await worker.get('/api/auth/me')).body;
    expect(me).toMatchObject({ username: 'kh.socialworker', locale: 'km', agency: { countryCode: 'KH' } });
    expect(me.agency.name).toContain('Ministry of Social Affairs, Veterans and Youth Rehabilitation');
    expect(me.roles).toEqual(expect.arrayContaining(['case_manager', 'repatriation_focal_point']));
    expect(me.permissions).toContain('repatriation:manage');
    const cases = (await worker.get('/api/cases?pageSize=200')).body.items as { reference: string }[];
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.every((kase) => kase.reference.startsWith('KH-'))).toBe(true);
  });

  it("holds Cambodia's accounts only: its administrator sees no Thai one", async () => {
    const admin = await t.login('kh.admin');
    expect((await admin.get('/api/auth/me')).body).toMatchObject({
      locale: 'km',
      permissions: expect.arrayContaining(['admin:federation']),
    });
    const users = (await admin.get('/api/admin/users?pageSize=200')).body.items as { username: string; locale: string }[];
    expect(users.map((user) => user.username).sort()).toEqual(CAMBODIA_DEMO.accounts.map((account) => account.username).sort());
    expect(users.every((user) => user.locale === 'km')).toBe(true);
    expect((await t.client().post('/api/auth/login', { username: 'th.socialworker', password: 'Seamless-demo-2026' })).status).toBe(401);
  });
});

describe("Thailand's demo: a case ready to repatriate to Cambodia", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it("has th.socialworker's identified Cambodian victim with her consent to go home", async () => {
    const worker = await t.login('th.socialworker');
    const listed = await worker.get('/api/cases?scope=mine&status=Active&nationality=KH&traffickingStatus=Identified');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    const caseId = listed.body.items[0].id as string;
    const consents = (await worker.get(`/api/cases/${caseId}/consents`)).body.items as {
      purpose: string;
      countries: string[];
      sections: string[];
      agencies: unknown[];
      active: boolean;
    }[];
    const repatriation = consents.filter((consent) => consent.purpose === 'repatriation');
    expect(repatriation).toEqual([
      expect.objectContaining({ countries: ['KH'], sections: [...DEMO_READY_TO_REPATRIATE.sections], agencies: [], active: true }),
    ]);
    const identification = (await worker.get(`/api/cases/${caseId}/identification`)).body;
    expect(identification.decisions.map((decision: { toStatus: string }) => decision.toStatus)).toContain('Identified');
  });
});
