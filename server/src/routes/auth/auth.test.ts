import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, DEMO_PASSWORD, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { signIn } from '../../auth/signIn.js';
import { totpCodeAt } from '../../auth/totp.js';
import { asActor, asSystem } from '../../db/actorContext.js';
import { users } from '../../db/schema/index.js';
import { AppError } from '../../http/problem.js';

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
      // The browser is remembered for sign-in only, out of reach of scripts.
      expect(response.headers.getSetCookie().find((c) => c.startsWith('known_device='))).toMatch(/HttpOnly.*SameSite=Strict/i);
      expect((await client.get('/api/auth/me')).body.username).toBe(username);
    }
  });

  it('answers a wrong password and an unknown name alike, and makes the sixth attempt in a row wait (429 Retry-After)', async () => {
    // DESIGN.md §4: lockout tells nobody whether an account exists — not by status, body or wait.
    const answers = async (username: string) => {
      const seen: string[] = [];
      const client = t.client();
      for (let attempt = 1; attempt <= 6; attempt++) {
        const response = await client.post('/api/auth/login', { username, password: 'wrong-password' });
        const { requestId: _requestId, ...body } = response.body;
        seen.push(JSON.stringify({ status: response.status, body, retryAfter: response.headers.get('retry-after') }));
      }
      return seen;
    };
    const existing = await answers('th.police');
    // Waiting means waiting: even the right password is not checked before the wait is over
    // (asked at once: the wait is a second from the fifth failure's answer).
    expectProblem(await t.client().post('/api/auth/login', { username: 'th.police', password: DEMO_PASSWORD }), 429, 'too_many_requests');
    expect(await answers('nobody.here')).toEqual(existing);
    expect(existing.slice(0, 5).every((answer) => answer.includes('"status":401') && answer.includes('Wrong username or password.'))).toBe(
      true,
    );
    expect(JSON.parse(existing[5]!)).toMatchObject({ status: 429, body: { code: 'too_many_requests' }, retryAfter: '1' });
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

  it("refuses a CSRF token the caller set itself or took from another session, and a session read hands out the session's own", async () => {
    const socialworker = await t.login('th.socialworker');
    const locale = (await socialworker.get('/api/auth/me')).body.locale;
    const planted = await socialworker.request(
      'PATCH',
      '/api/auth/preferences',
      { locale: 'vi' },
      { cookie: `sid=${socialworker.cookies.get('sid')}; csrf_token=abc`, 'x-csrf-token': 'abc' },
    );
    expectProblem(planted, 403, 'csrf_failed');
    const ngo = await t.login('th.ngo');
    const borrowed = await socialworker.request(
      'PATCH',
      '/api/auth/preferences',
      { locale: 'vi' },
      {
        cookie: `sid=${socialworker.cookies.get('sid')}; csrf_token=${ngo.cookies.get('csrf_token')}`,
        'x-csrf-token': ngo.cookies.get('csrf_token')!,
      },
    );
    expectProblem(borrowed, 403, 'csrf_failed');
    expect((await socialworker.get('/api/auth/me')).body.locale).toBe(locale);

    socialworker.cookies.set('csrf_token', 'abc');
    expect((await socialworker.get('/api/auth/me')).status).toBe(200);
    expect(socialworker.cookies.get('csrf_token')).not.toBe('abc');
    expect((await socialworker.patch('/api/auth/preferences', { locale: 'vi' })).body.locale).toBe('vi');

    // A browser left with an ended session's cookies signs in again.
    const returning = t.client();
    returning.cookies.set('sid', 'ended-session');
    returning.cookies.set('csrf_token', 'from-before');
    expect((await returning.post('/api/auth/login', { username: 'th.socialworker', password: DEMO_PASSWORD })).status).toBe(200);
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

describe("changing one's password", () => {
  it('ends every other session of the account and keeps the current one', async () => {
    const [current, other, third] = [await t.login('th.shelter'), await t.login('th.shelter'), await t.login('th.shelter')];
    const newPassword = 'Shelter-Changed-2026!';
    expect((await current.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword })).status).toBe(204);
    expectProblem(await other.get('/api/auth/me'), 401, 'unauthenticated');
    expectProblem(await third.get('/api/auth/me'), 401, 'unauthenticated');
    expect((await current.get('/api/auth/me')).body.username).toBe('th.shelter');
    expect((await current.get('/api/auth/sessions')).body.items).toHaveLength(1);

    const admin = await t.login('admin');
    const me = (await current.get('/api/auth/me')).body;
    const audit = await admin.get(`/api/admin/audit?action=auth.password_changed&resourceId=${me.id}`);
    expect(audit.body.items[0].details).toEqual({ otherSessionsEnded: 2 });
  });
});

describe('sign-in waits', () => {
  // Driven through signIn() on the real database with the clock passed in, so that minutes of
  // waiting take no time; the addresses are documentation ranges no HTTP test uses.
  const attempt = async (username: string, password: string, ip: string, now: Date, deviceToken?: string) => {
    try {
      const outcome = await asSystem(t.database.db, (tx) =>
        signIn(
          tx,
          { username, password, ip, requestId: 'wait-test', demo: true, deviceToken },
          { idleMinutes: 30, maxHours: 12, demo: true },
          now,
        ),
      );
      return outcome.ok
        ? { status: 200, retryAfter: 0, deviceToken: outcome.deviceToken }
        : { status: outcome.error.status, retryAfter: 0 };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { status: error.status, retryAfter: Number(error.headers?.['retry-after']) };
    }
  };

  it('keeps the wait per account short and capped, so the worker signs in from her own address while an attack goes on', async () => {
    let now = new Date(Date.now() + 1_000);
    const attacker = '198.51.100.66';
    const accountWaits: number[] = [];
    for (let failures = 0; failures < 16; ) {
      const answer = await attempt('th.psychologist', 'guess-number-x', attacker, now);
      if (answer.status === 429) {
        accountWaits.push(answer.retryAfter);
        now = new Date(now.getTime() + answer.retryAfter * 1000);
      } else {
        expect(answer.status).toBe(401);
        failures++;
      }
    }
    // Doubling from the sixth failure, never beyond half a minute.
    expect(accountWaits).toEqual([1, 2, 4, 8, 16, 30, 30, 30, 30, 30, 30]);

    const worker = '203.0.113.10';
    const first = await attempt('th.psychologist', DEMO_PASSWORD, worker, now);
    expect(first.status).toBe(429);
    expect(first.retryAfter).toBeLessThanOrEqual(30);
    // The attacker hammering during the wait neither guesses nor lengthens it.
    for (let second = 1; second < first.retryAfter; second += 5) {
      expect((await attempt('th.psychologist', DEMO_PASSWORD, attacker, new Date(now.getTime() + second * 1000))).status).toBe(429);
    }
    const later = new Date(now.getTime() + first.retryAfter * 1000);
    expect(await attempt('th.psychologist', DEMO_PASSWORD, worker, later)).toMatchObject({ status: 200 });
  });

  it('lets a browser that signed in to the account before skip the wait others put on its name', async () => {
    let now = new Date(Date.now() + 1_000);
    const home = await attempt('th.ngo', DEMO_PASSWORD, '203.0.113.20', now);
    const stranger = await attempt('th.hotline', DEMO_PASSWORD, '203.0.113.21', now);
    expect(home.deviceToken).toBeTruthy();
    for (let failures = 0; failures < 12; ) {
      const answer = await attempt('th.ngo', 'guess-number-y', '198.51.100.88', now);
      if (answer.status === 429) now = new Date(now.getTime() + answer.retryAfter * 1000);
      else failures++;
    }
    // From a new address, with the known browser: straight in; without it, or with another account's, a wait.
    expect(await attempt('th.ngo', DEMO_PASSWORD, '203.0.113.22', now, home.deviceToken)).toMatchObject({
      status: 200,
      deviceToken: home.deviceToken,
    });
    expect((await attempt('th.ngo', DEMO_PASSWORD, '203.0.113.22', now)).status).toBe(429);
    expect((await attempt('th.ngo', DEMO_PASSWORD, '203.0.113.22', now, stranger.deviceToken)).status).toBe(429);
    // The known browser's own failures count against it.
    for (let failure = 0; failure < 5; failure++) {
      expect((await attempt('th.ngo', 'guess-number-z', '203.0.113.23', now, home.deviceToken)).status).toBe(401);
    }
    expect((await attempt('th.ngo', DEMO_PASSWORD, '203.0.113.23', now, home.deviceToken)).status).toBe(429);
  });

  it('makes one address that tries many names wait far longer than any account does', async () => {
    let now = new Date(Date.now() + 1_000);
    const sprayer = '198.51.100.77';
    const waits: number[] = [];
    for (let name = 0; name < 40 && waits.length < 8; name++) {
      const answer = await attempt(`sprayed.${name}`, 'Spring-2026!', sprayer, now);
      if (answer.status === 429) {
        waits.push(answer.retryAfter);
        now = new Date(now.getTime() + answer.retryAfter * 1000);
        name--;
      }
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 64, 128, 256]);
    // Another address is not held back by the sprayer.
    expect((await attempt('sprayed.0', 'Spring-2026!', '203.0.113.11', now)).status).toBe(401);
  });

  it('spends as long on a name without an account as on a wrong password', async () => {
    // A minute apart on the passed clock, so that no sample waits behind the account's own delays.
    const timed = async (username: string, index: number) => {
      const started = performance.now();
      const answer = await attempt(username, 'Not-the-password-1!', `192.0.2.${index}`, new Date(Date.now() + index * 60_000));
      expect(answer.status).toBe(401);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let index = 1; index <= 7; index++) {
      known.push(await timed('th.hotline', index));
      unknown.push(await timed(`nobody.timing.${index}`, index + 100));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
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

  it('asks a second factor of every role that reads, imports or exports victim data', async () => {
    const agencies = await admin.get('/api/admin/agencies?q=Chiang Rai Provincial');
    const created = await admin.post('/api/admin/users', {
      username: 'th.dataclerk',
      displayName: 'Data Clerk',
      agencyId: agencies.body.items[0].id,
      roleKeys: ['data_officer'],
      password,
    });
    expect(created.status).toBe(201);
    const client = t.client();
    expect((await client.post('/api/auth/login', { username: 'th.dataclerk', password })).body).toEqual({ stage: 'enrolment' });
    expectProblem(await client.get('/api/exports/htcds?format=csv'), 401, 'second_factor_required');

    const roles = (await admin.get('/api/admin/roles')).body.items;
    const requiring = roles
      .filter((role: { requiresSecondFactor: boolean }) => role.requiresSecondFactor)
      .map((role: { key: string }) => role.key);
    expect(requiring).toContain('data_officer');
    expect(requiring).not.toContain('regional_coordinator');
    for (const permissions of [['import:htcds'], ['export:htcds'], ['export:identities'], ['section:medical'], ['case:update']]) {
      const key = `only_${permissions[0]!.replace(/\W/g, '_')}`;
      const role = await admin.post('/api/admin/roles', { key, name: key, permissions });
      expect(role.body.requiresSecondFactor, key).toBe(true);
    }
  });

  it('waives the second factor of the demo accounts only while the demo is on', async () => {
    // A database holding the demo accounts, served with SEED_DEMO=false: they are ordinary accounts there.
    const real = await startTestApp({ SEED_DEMO: 'false' });
    try {
      for (const username of ['th.ngo', 'th.data', 'th.socialworker']) {
        const login = await real.client().post('/api/auth/login', { username, password: DEMO_PASSWORD });
        expect(login.body, username).toEqual({ stage: 'enrolment' });
      }
      expect((await real.client().post('/api/auth/login', { username: 'th.ngo', password: DEMO_PASSWORD })).body.me).toBeUndefined();
    } finally {
      await real.close();
    }
  });

  it('lets nobody but the demo seed set the waiver, not even an administrator writing to the database', async () => {
    const [user] = await t.database.db.select().from(users).where(eq(users.username, 'th.fieldworker'));
    const actor = { userId: user!.id, agencyId: user!.agencyId, scopes: ['users_admin' as const, 'users_all' as const] };
    await expect(
      asActor(t.database.db, actor, (tx) => tx.update(users).set({ secondFactorWaived: true }).where(eq(users.id, user!.id))),
    ).rejects.toThrow();
    await expect(
      asSystem(t.database.db, (tx) => tx.update(users).set({ secondFactorWaived: true }).where(eq(users.id, user!.id))),
    ).rejects.toThrow();
    const [after] = await t.database.db.select().from(users).where(eq(users.id, user!.id));
    expect(after!.secondFactorWaived).toBe(false);
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

  it('makes guesses at the second factor wait, doubling after the fifth wrong code', async () => {
    await createCaseManager('th.guessed');
    const owner = t.client();
    await owner.post('/api/auth/login', { username: 'th.guessed', password });
    const enrolment = await owner.post('/api/auth/second-factor/enrol');
    expect((await owner.post('/api/auth/second-factor/confirm', { code: totpCodeAt(enrolment.body.secret, Date.now()) })).status).toBe(200);

    const client = t.client();
    expect((await client.post('/api/auth/login', { username: 'th.guessed', password })).body).toEqual({ stage: 'second_factor' });
    for (let attempt = 1; attempt <= 5; attempt++) {
      expectProblem(await client.post('/api/auth/login/second-factor', { code: '000000' }), 401, 'invalid_second_factor');
    }
    const sixth = await client.post('/api/auth/login/second-factor', { code: '000000' });
    expectProblem(sixth, 429, 'too_many_requests');
    expect(sixth.headers.get('retry-after')).toBe('2');
  });
});

describe('the first-run tour', () => {
  it('is shown to a new account until seen, then remembered on the account whatever the device', async () => {
    const admin = await t.login('admin');
    const agencyId = (await admin.get('/api/auth/me')).body.agency.id;
    const password = 'Newcomer-Pass-2026!';
    const created = await admin.post('/api/admin/users', {
      username: 'tour.newcomer',
      displayName: 'New colleague',
      agencyId,
      roleKeys: ['statistics_approver'],
      password,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const firstDevice = await t.login('tour.newcomer', password);
    expect((await firstDevice.get('/api/auth/me')).body.tourSeen).toBe(false);
    expectProblem(await firstDevice.patch('/api/auth/preferences', { tourSeen: false }), 400, 'validation_failed');
    expect((await firstDevice.patch('/api/auth/preferences', { tourSeen: true })).body.tourSeen).toBe(true);
    const otherDevice = await t.login('tour.newcomer', password);
    expect((await otherDevice.get('/api/auth/me')).body.tourSeen).toBe(true);
  });

  it('waits in the user menu for the shared demo accounts', async () => {
    expect((await (await t.login('th.director')).get('/api/auth/me')).body.tourSeen).toBe(true);
  });
});
