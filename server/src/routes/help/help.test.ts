/**
 * Help for people who are stuck (issue 14): the help contact, and "forgot password" through the
 * administrators of the user's own agency.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, DEMO_PASSWORD, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { totpCodeAt } from '../../auth/totp.js';
import { RESET_REQUESTS_PER_ADDRESS } from './resetRequestLimits.js';

const HELP_CONTACT = 'Seamless help desk: 1300, help@seamless.example';
const NGO_ADMIN_PASSWORD = 'Ngo-Admin-Pass-2026!';
const NEW_PASSWORD = 'Brand-New-Secret-4471!';

let t: TestApp;
let admin: ApiClient; // system administrator
let chiangraiAdmin: ApiClient; // th.agencyadmin, agency administrator of the Chiang Rai office
let ngoAdmin: ApiClient; // an agency administrator of the NGO
const userIds: Record<string, string> = {};

/** Signs in an account whose role requires a second factor, enrolling one as the web app does. */
async function signInEnrolling(username: string, password: string): Promise<ApiClient> {
  const client = t.client();
  expect((await client.post('/api/auth/login', { username, password })).body.stage).toBe('enrolment');
  const enrolment = await client.post('/api/auth/second-factor/enrol');
  await client.post('/api/auth/second-factor/confirm', { code: totpCodeAt(enrolment.body.secret, Date.now()) });
  return client;
}

/** Each test asks from its own address (behind the trusted proxy), so the rate limit is tested on its own. */
const askForNewPassword = (username: string, address = '203.0.113.1') =>
  t.client().post('/api/help/password-reset-requests', { username }, { 'x-forwarded-for': address });

async function resetNotices(client: ApiClient) {
  const page = (await client.get('/api/notifications?pageSize=100')).body;
  return page.items.filter((notice: { kind: string }) => notice.kind === 'password_reset_requested');
}

const listedAsAsking = async (client: ApiClient) =>
  (await client.get('/api/admin/users?resetRequested=true&pageSize=200')).body.items.map((user: { username: string }) => user.username);

beforeAll(async () => {
  t = await startTestApp({ HELP_CONTACT, TRUST_PROXY: 'true' });
  [admin, chiangraiAdmin] = await Promise.all([t.login('admin'), t.login('th.agencyadmin')]);
  for (const user of (await admin.get('/api/admin/users?pageSize=200')).body.items) userIds[user.username] = user.id;
  const agencies = (await admin.get('/api/admin/agencies?pageSize=200')).body.items;
  const ngo = agencies.find((agency: { agencyFunction: string }) => agency.agencyFunction === 'ngo').id;
  const created = await admin.post('/api/admin/users', {
    username: 'ngo.admin',
    displayName: 'NGO administrator',
    agencyId: ngo,
    roleKeys: ['agency_admin'],
    password: NGO_ADMIN_PASSWORD,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  ngoAdmin = await signInEnrolling('ngo.admin', NGO_ADMIN_PASSWORD);
});

afterAll(async () => {
  await t?.close();
});

describe('the help contact', () => {
  it('gives the instance contact to anyone, and her own agency administrators once signed in', async () => {
    expect((await t.client().get('/api/help/contact')).body).toEqual({ contact: HELP_CONTACT, administrators: [] });
    const worker = await t.login('th.socialworker');
    const help = (await worker.get('/api/help/contact')).body;
    expect(help.contact).toBe(HELP_CONTACT);
    expect(help.administrators.map((person: { displayName: string }) => person.displayName)).toEqual(['Chai Boonmee']);
  });

  it('has no contact when the instance configures none', async () => {
    const bare = await startTestApp();
    try {
      expect((await bare.client().get('/api/help/contact')).body.contact).toBeNull();
    } finally {
      await bare.close();
    }
  });
});

describe('forgot password', () => {
  it('answers the same whether or not the username exists', async () => {
    const known = await askForNewPassword('th.socialworker');
    const unknown = await askForNewPassword('nobody.here');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
  });

  it('reaches her agency administrators and the system administrators, who set a new password', async () => {
    for (const administrator of [chiangraiAdmin, admin]) {
      expect(await resetNotices(administrator)).toEqual([expect.objectContaining({ subjectId: userIds['th.socialworker'], caseId: null })]);
    }
    expect(await listedAsAsking(chiangraiAdmin)).toEqual(['th.socialworker']);

    const asking = (await chiangraiAdmin.get(`/api/admin/users/${userIds['th.socialworker']}`)).body;
    expect(asking.passwordResetRequestedAt).not.toBeNull();
    // A case manager's roles are the system administrators' to grant, so they set her password.
    const refused = await chiangraiAdmin.patch(`/api/admin/users/${asking.id}`, { version: asking.version, newPassword: NEW_PASSWORD });
    expect(refused.status).toBe(403);
    const reset = await admin.patch(`/api/admin/users/${asking.id}`, { version: asking.version, newPassword: NEW_PASSWORD });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect(reset.body.passwordResetRequestedAt).toBeNull();
    expect(await listedAsAsking(chiangraiAdmin)).toEqual([]);
    expect((await t.client().post('/api/auth/login', { username: 'th.socialworker', password: NEW_PASSWORD })).status).toBe(200);
  });

  it('is neither seen nor answerable by another agency administrator', async () => {
    await askForNewPassword('th.shelter', '203.0.113.2');
    expect(await resetNotices(ngoAdmin)).toEqual([]);
    expect(await listedAsAsking(ngoAdmin)).toEqual([]);
    const reset = await ngoAdmin.patch(`/api/admin/users/${userIds['th.shelter']}`, { version: 1, newPassword: NEW_PASSWORD });
    expect(reset.status).toBe(404);
    expect((await t.client().post('/api/auth/login', { username: 'th.shelter', password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('never lets a user reset herself: an administrator asking is not told of her own request, and her password stands', async () => {
    const before = (await resetNotices(chiangraiAdmin)).length;
    await askForNewPassword('th.agencyadmin', '203.0.113.3');
    expect(await resetNotices(chiangraiAdmin)).toHaveLength(before);
    expect((await t.client().post('/api/auth/login', { username: 'th.agencyadmin', password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('is audited without the name typed', async () => {
    const events = (await admin.get('/api/admin/audit?action=auth.password_reset_requested&pageSize=50')).body.items;
    expect(
      events.filter((event: { outcome: string }) => event.outcome === 'success').map((event: { resourceId: string }) => event.resourceId),
    ).toEqual(expect.arrayContaining([userIds['th.socialworker'], userIds['th.shelter']]));
    expect(events.some((event: { outcome: string }) => event.outcome === 'failure')).toBe(true);
    expect(JSON.stringify(events)).not.toContain('nobody.here');
    expect(JSON.stringify(events)).not.toContain('th.socialworker');
  });

  it('names the field when the username is missing or too long', async () => {
    const missing = expectProblem(
      await t.client().post('/api/help/password-reset-requests', {}, { 'x-forwarded-for': '203.0.113.4' }),
      400,
      'validation_failed',
    );
    expect(missing.errors?.map((error: { path: string }) => error.path)).toContain('username');
    const long = expectProblem(await askForNewPassword('x'.repeat(101), '203.0.113.4'), 400, 'validation_failed');
    expect(long.errors?.map((error: { path: string }) => error.path)).toContain('username');
  });

  it('is rate limited per address and name: one colleague using up her requests leaves the next one hers', async () => {
    const office = '203.0.113.9';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) statuses.push((await askForNewPassword('th.police', office)).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const waiting = expectProblem(await askForNewPassword('th.police', office), 429, 'too_many_requests');
    expect(waiting.detail).toMatch(/Retry-After/);
    // Same office router, another person's name: her budget is untouched.
    expect((await askForNewPassword('th.director', office)).status).toBe(202);
    // A name that exists and one that does not are limited alike.
    const unknown: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) unknown.push((await askForNewPassword('nobody.in.office', office)).status);
    expect(unknown).toEqual(statuses);
  });

  it('keeps a ceiling per address, whatever the names tried', async () => {
    const prober = '203.0.113.10';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < RESET_REQUESTS_PER_ADDRESS + 1; attempt += 1) {
      statuses.push((await askForNewPassword(`guess.${attempt}`, prober)).status);
    }
    expect(statuses.filter((status) => status === 202)).toHaveLength(RESET_REQUESTS_PER_ADDRESS);
    expect(statuses.at(-1)).toBe(429);
    const refused = await askForNewPassword('th.ngo', prober);
    expectProblem(refused, 429, 'too_many_requests');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60);
    // Another address is not affected.
    expect((await askForNewPassword('th.ngo', '203.0.113.11')).status).toBe(202);
  });

  it('refuses the sixth request for one name from one address, and only from that address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) statuses.push((await askForNewPassword('th.hotline', '203.0.113.5')).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    expectProblem(await askForNewPassword('th.hotline', '203.0.113.5'), 429, 'too_many_requests');
    expect((await askForNewPassword('th.hotline', '203.0.113.6')).status).toBe(202);
  });

  it('counts a signed-in caller by her address too: a new session buys no more requests', async () => {
    const asking = (client: ApiClient) =>
      client.post('/api/help/password-reset-requests', { username: 'th.hotline' }, { 'x-forwarded-for': '203.0.113.8' });
    const statuses: number[] = [];
    for (let session = 0; session < 3; session += 1) {
      const client = t.client();
      await client.post('/api/auth/login', { username: 'th.ngo', password: DEMO_PASSWORD }, { 'x-forwarded-for': '203.0.113.8' });
      for (let attempt = 0; attempt < 2; attempt += 1) statuses.push((await asking(client)).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('takes as long to answer for an account as for no account', async () => {
    const timed = async (username: string, address: string) => {
      const started = performance.now();
      expect((await askForNewPassword(username, address)).status).toBe(202);
      return performance.now() - started;
    };
    // Not a measurement of the difference, which noise would hide: both wait for the same floor.
    expect(await timed('th.police', '203.0.113.7')).toBeGreaterThanOrEqual(390);
    expect(await timed('nobody.at.all', '203.0.113.7')).toBeGreaterThanOrEqual(390);
  });
});
