import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, DEMO_PASSWORD, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { totpCodeAt } from '../../auth/totp.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('lets admin and th.socialworker in with the demo password and sets session and CSRF cookies', async () => {
    for (const username of ['admin', 'th.socialworker']) {
      const client = t.client();
      const response = await client.post('/api/auth/login', { username, password: DEMO_PASSWORD });
      expect(response.status).toBe(200);
      expect(response.body.stage).toBe('active');
      expect(response.body.me.username).toBe(username);
      expect(client.cookies.get('sid')).toBeTruthy();
      expect(client.cookies.get('csrf_token')).toBeTruthy();
      expect(response.headers.getSetCookie().find((c) => c.startsWith('sid='))).toMatch(/HttpOnly/i);
      expect((await client.get('/api/auth/me')).body.username).toBe(username);
    }
  });

  it('answers a wrong password with 401 problem+json and throttles the sixth attempt in a minute', async () => {
    const client = t.client();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const problem = expectProblem(
        await client.post('/api/auth/login', { username: 'th.police', password: 'wrong-password' }),
        401,
        'invalid_credentials',
      );
      expect(problem.type).toBe('urn:seamless:problem:invalid_credentials');
    }
    const sixth = await client.post('/api/auth/login', { username: 'th.police', password: 'wrong-password' });
    expectProblem(sixth, 429, 'too_many_requests');
    expect(sixth.headers.get('retry-after')).toBe('60');
    // Throttled means throttled: even the right password waits.
    expectProblem(await client.post('/api/auth/login', { username: 'th.police', password: DEMO_PASSWORD }), 429, 'too_many_requests');
  });

  it('does not reveal whether an account exists', async () => {
    const unknown = await t.client().post('/api/auth/login', { username: 'nobody.here', password: 'whatever-password' });
    expect(expectProblem(unknown, 401, 'invalid_credentials').detail).toBe('Wrong username or password.');
  });

  it('refuses API calls without a session, and state changes without the CSRF header or from another origin', async () => {
    expectProblem(await t.client().get('/api/cases'), 401, 'unauthenticated');
    const client = await t.login('th.socialworker');
    const noHeader = await client.request('PATCH', '/api/auth/preferences', { locale: 'km' }, { 'x-csrf-token': '' });
    expectProblem(noHeader, 403, 'csrf_failed');
    const crossSite = await client.request('PATCH', '/api/auth/preferences', { locale: 'km' }, { origin: 'https://evil.example' });
    expectProblem(crossSite, 403, 'csrf_failed');
    const ok = await client.patch('/api/auth/preferences', { locale: 'km' });
    expect(ok.status).toBe(200);
    expect(ok.body.locale).toBe('km');
  });

  it('logs out, lists and revokes sessions', async () => {
    const first = await t.login('th.ngo');
    const second = await t.login('th.ngo');
    const sessions = await first.get('/api/auth/sessions');
    expect(sessions.body.items.length).toBeGreaterThanOrEqual(2);
    const other = sessions.body.items.find((s: { current: boolean }) => !s.current);
    expect((await first.delete(`/api/auth/sessions/${other.id}`)).status).toBe(204);
    expectProblem(await second.get('/api/auth/me'), 401, 'unauthenticated');
    expect((await first.post('/api/auth/logout')).status).toBe(204);
    expectProblem(await first.get('/api/auth/me'), 401, 'unauthenticated');
  });

  it('changes the password only with the current one, and only to a strong new one', async () => {
    const client = await t.login('th.data');
    expectProblem(
      await client.post('/api/auth/password', { currentPassword: 'not-it-at-all', newPassword: 'Brand-new-passw0rd' }),
      403,
      'invalid_credentials',
    );
    expectProblem(
      await client.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'aaaaaaaaaaaa' }),
      422,
      'password_too_weak',
    );
    expect((await client.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Brand-new-passw0rd' })).status).toBe(
      204,
    );
    expectProblem(await t.client().post('/api/auth/login', { username: 'th.data', password: DEMO_PASSWORD }), 401, 'invalid_credentials');
    expect((await t.client().post('/api/auth/login', { username: 'th.data', password: 'Brand-new-passw0rd' })).body.stage).toBe('active');
  });
});

describe('second factor', () => {
  let admin: ApiClient;
  const password = 'Field-worker-2026!';

  beforeAll(async () => {
    admin = await t.login('admin');
  });

  async function createCaseManager(username: string) {
    const agencies = await admin.get('/api/admin/agencies?q=Chiang Rai Provincial');
    const created = await admin.post('/api/admin/users', {
      username,
      displayName: 'Field Worker',
      agencyId: agencies.body.items[0].id,
      roleKeys: ['case_manager'],
      password,
    });
    expect(created.status).toBe(201);
  }

  it('makes a role that sees victim data enrol before anything else, then asks for a code at every sign-in', async () => {
    await createCaseManager('th.fieldworker');
    const client = t.client();
    const login = await client.post('/api/auth/login', { username: 'th.fieldworker', password });
    expect(login.body).toEqual({ stage: 'enrolment' });
    expectProblem(await client.get('/api/cases'), 401, 'second_factor_required');

    const enrolment = await client.post('/api/auth/second-factor/enrol');
    expect(enrolment.status).toBe(200);
    expect(enrolment.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Seamless:th.fieldworker\?/);
    expect(enrolment.body.qrSvg).toMatch(/^<svg/);
    expectProblem(await client.post('/api/auth/second-factor/confirm', { code: '000000' }), 401, 'invalid_second_factor');
    const now = Date.now();
    const confirmed = await client.post('/api/auth/second-factor/confirm', { code: totpCodeAt(enrolment.body.secret, now) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect((await client.get('/api/cases')).status).toBe(200);
    expectProblem(
      await client.post('/api/auth/second-factor/disable', { code: totpCodeAt(enrolment.body.secret, now + 30_000) }),
      403,
      'second_factor_mandatory',
    );

    const next = t.client();
    expect((await next.post('/api/auth/login', { username: 'th.fieldworker', password })).body).toEqual({ stage: 'second_factor' });
    expectProblem(await next.get('/api/auth/me'), 401, 'second_factor_required');
    // The code already used at enrolment cannot be replayed.
    expectProblem(
      await next.post('/api/auth/login/second-factor', { code: totpCodeAt(enrolment.body.secret, now) }),
      401,
      'invalid_second_factor',
    );
    const sidBefore = next.cookies.get('sid');
    const done = await next.post('/api/auth/login/second-factor', { code: totpCodeAt(enrolment.body.secret, now + 30_000) });
    expect(done.body.stage).toBe('active');
    expect(next.cookies.get('sid')).not.toBe(sidBefore);

    const recovery = t.client();
    await recovery.post('/api/auth/login', { username: 'th.fieldworker', password });
    expect((await recovery.post('/api/auth/login/second-factor', { code: confirmed.body.recoveryCodes[0] })).body.stage).toBe('active');
    const again = t.client();
    await again.post('/api/auth/login', { username: 'th.fieldworker', password });
    expectProblem(
      await again.post('/api/auth/login/second-factor', { code: confirmed.body.recoveryCodes[0] }),
      401,
      'invalid_second_factor',
    );
  });

  it('lets an administrator reset a lost second factor, which ends the user’s sessions', async () => {
    await createCaseManager('th.lostphone');
    const signedIn = t.client();
    expect((await signedIn.post('/api/auth/login', { username: 'th.lostphone', password })).body.stage).toBe('enrolment');
    const users = await admin.get('/api/admin/users?q=th.lostphone');
    const user = users.body.items[0];
    const reset = await admin.patch(`/api/admin/users/${user.id}`, { resetSecondFactor: true, version: user.version });
    expect(reset.status).toBe(200);
    expect(reset.body.secondFactorEnabled).toBe(false);
    expectProblem(await signedIn.post('/api/auth/second-factor/enrol'), 401, 'unauthenticated');
    const audit = await admin.get(`/api/admin/audit?resourceId=${user.id}&action=user.update`);
    expect(audit.body.items[0].details).toMatchObject({ secondFactorReset: true });
  });
});
