/**
 * Admin API behaviour: agencies, accounts, roles, groups, permissions and the audit events
 * every change leaves behind (DESIGN.md §4 "Audit", "Accounts").
 */
import { PERMISSIONS } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, type ApiResponse, DEMO_PASSWORD, startTestApp, type TestApp } from '../../../test/harness.js';
import { totpCodeAt } from '../../auth/totp.js';
import { asActor } from '../../db/actorContext.js';
import { loginFailures, roles, userRoles } from '../../db/schema/index.js';

let t: TestApp;
let admin: ApiClient;
let agencyadmin: ApiClient; // agency_admin of the Chiang Rai office

const agency: Record<'msdhs' | 'chiangrai' | 'ngo', string> = {} as never;
const userIds: Record<string, string> = {};

/** Every password this file sends; none may ever appear in an audit event. */
const PASSWORDS = {
  colleague: 'Colleague-Pass-2026!',
  caseManager: 'Case-Manager-Pass-2026!',
  coordinator: 'Coordinator-Pass-2026!',
  resetTo: 'Brand-New-Secret-4471!',
  lockedUser: 'Locked-User-Pass-2026!',
  sysSecond: 'Second-System-Admin-2026!',
  msdhsAdmin: 'Ministry-User-Admin-2026!',
  takeover: 'Taken-Over-Account-2026!',
  unknownRole: 'Unknown-Role-Pass-2026!',
  shelterWorker: 'Shelter-Worker-Pass-2026!',
};

function expectStatus(response: ApiResponse, status: number, code?: string) {
  const detail = `${response.status} ${JSON.stringify(response.body)}`;
  expect(response.status, detail).toBe(status);
  if (code) {
    expect(response.body?.code, detail).toBe(code);
    expect(String(response.headers.get('content-type'))).toContain('application/problem+json');
  }
  return response.body;
}

const ok = async <T = any>(response: Promise<ApiResponse<T>>): Promise<T> => expectStatus(await response, 200) as T;
const created = async <T = any>(response: Promise<ApiResponse<T>>): Promise<T> => expectStatus(await response, 201) as T;
const paths = (problem: { errors?: { path: string }[] }) => (problem.errors ?? []).map((e) => e.path);

async function auditOf(query: string) {
  return (await ok(admin.get(`/api/admin/audit?pageSize=200&${query}`))).items as any[];
}

/** Signs in an account whose role requires a second factor: enrols one on the way, like the web app. */
async function signInEnrolling(username: string, password: string): Promise<ApiClient> {
  const client = t.client();
  const login = await ok(client.post('/api/auth/login', { username, password }));
  expect(login.stage).toBe('enrolment');
  const enrolment = await ok(client.post('/api/auth/second-factor/enrol'));
  await ok(client.post('/api/auth/second-factor/confirm', { code: totpCodeAt(enrolment.secret, Date.now()) }));
  expect((await ok(client.get('/api/auth/me'))).username).toBe(username);
  return client;
}

function userBody(username: string, agencyId: string, roleKeys: string[], password: string, extra: Record<string, unknown> = {}) {
  return { username, displayName: `Test ${username}`, agencyId, roleKeys, password, ...extra };
}

beforeAll(async () => {
  t = await startTestApp();
  [admin, agencyadmin] = await Promise.all([t.login('admin'), t.login('th.agencyadmin')]);
  const agencies = await ok(admin.get('/api/admin/agencies?pageSize=200'));
  agency.msdhs = agencies.items.find((a: any) => a.acronym === 'DATIP').id;
  agency.chiangrai = agencies.items.find((a: any) => a.acronym === 'PSDHS Chiang Rai').id;
  agency.ngo = agencies.items.find((a: any) => a.agencyFunction === 'ngo').id;
  for (const user of (await ok(admin.get('/api/admin/users?pageSize=200'))).items) userIds[user.username] = user.id;
});

afterAll(async () => {
  await t?.close();
});

describe('agencies', () => {
  let nanId: string;
  const nan = {
    countryCode: 'TH',
    name: 'Nan Provincial Office of Social Development and Human Security',
    acronym: 'PSDHS Nan',
    organisationType: 'LocalGovernmentOrganisation',
    agencyFunction: 'provincial_office',
    province: 'Nan',
    city: 'Nan',
  };

  it('system admin creates an agency under a parent; it is listed, found by q and by country', async () => {
    const agencyBody = await created(admin.post('/api/admin/agencies', { ...nan, parentId: agency.msdhs }));
    nanId = agencyBody.id;
    expect(agencyBody).toMatchObject({
      ...nan,
      parentId: agency.msdhs,
      version: 1,
      active: true,
      localName: null,
      phone: null,
      email: null,
    });
    expect(await ok(admin.get(`/api/admin/agencies/${nanId}`))).toEqual(agencyBody);

    const byName = await ok(admin.get('/api/admin/agencies?q=Nan%20Provincial'));
    expect(byName.total).toBe(1);
    expect(byName.items[0].id).toBe(nanId);
    const byAcronym = await ok(admin.get('/api/admin/agencies?q=psdhs%20nan'));
    expect(byAcronym.items.map((a: any) => a.id)).toEqual([nanId]);
    expect((await ok(admin.get('/api/admin/agencies?q=no-such-agency-anywhere'))).total).toBe(0);
    // LIKE wildcards are searched as text.
    expect((await ok(admin.get('/api/admin/agencies?q=%25'))).total).toBe(0);
    const all = await ok(admin.get('/api/admin/agencies?pageSize=200&countryCode=TH'));
    expect(all.total).toBe(7);
    expect((await ok(admin.get('/api/admin/agencies?countryCode=KH'))).total).toBe(0);

    const [event] = await auditOf(`action=agency.create&resourceId=${nanId}`);
    expect(event).toMatchObject({ actorUsername: 'admin', resourceType: 'agency', outcome: 'success' });
  });

  it('updates with the current version (200, version+1) and refuses a stale version (409 conflict)', async () => {
    const updated = await ok(admin.patch(`/api/admin/agencies/${nanId}`, { version: 1, city: 'Mueang Nan', phone: '+66 54 710 000' }));
    expect(updated).toMatchObject({ id: nanId, version: 2, city: 'Mueang Nan', phone: '+66 54 710 000', name: nan.name });

    expectStatus(await admin.patch(`/api/admin/agencies/${nanId}`, { version: 1, city: 'Somewhere else' }), 409, 'conflict');
    expect(await ok(admin.get(`/api/admin/agencies/${nanId}`))).toEqual(updated);

    const [event] = await auditOf(`action=agency.update&resourceId=${nanId}`);
    expect(event.details.changes).toEqual({ city: { from: 'Nan', to: 'Mueang Nan' }, phone: { from: null, to: '+66 54 710 000' } });
  });

  it('names an unknown body field in errors[].path (400 validation_failed)', async () => {
    const onCreate = expectStatus(
      await admin.post('/api/admin/agencies', { ...nan, name: 'Unknown Field Agency', bogus: 1 }),
      400,
      'validation_failed',
    );
    expect(paths(onCreate)).toEqual(['bogus']);
    const onUpdate = expectStatus(
      await admin.patch(`/api/admin/agencies/${nanId}`, { version: 2, nickname: 'Nan' }),
      400,
      'validation_failed',
    );
    expect(paths(onUpdate)).toEqual(['nickname']);
    expect((await ok(admin.get('/api/admin/agencies?q=Unknown%20Field'))).total).toBe(0);
  });

  it('names a field of the wrong type (400 validation_failed)', async () => {
    const onCreate = expectStatus(await admin.post('/api/admin/agencies', { ...nan, name: 42 }), 400, 'validation_failed');
    expect(paths(onCreate)).toEqual(['name']);
    const badEnum = expectStatus(
      await admin.post('/api/admin/agencies', { ...nan, name: 'Bad Enum Agency', agencyFunction: 'spaceport' }),
      400,
      'validation_failed',
    );
    expect(paths(badEnum)).toEqual(['agencyFunction']);
    const onUpdate = expectStatus(
      await admin.patch(`/api/admin/agencies/${nanId}`, { version: '2', active: 'yes' }),
      400,
      'validation_failed',
    );
    expect(paths(onUpdate).sort()).toEqual(['active', 'version']);
    expect((await ok(admin.get(`/api/admin/agencies/${nanId}`))).version).toBe(2);
  });

  it('answers 400 for an id in the path that is not a uuid', async () => {
    for (const response of [
      await admin.get('/api/admin/agencies/not-a-uuid'),
      await admin.patch('/api/admin/agencies/not-a-uuid', { version: 1, city: 'x' }),
    ]) {
      expect(paths(expectStatus(response, 400, 'validation_failed'))).toEqual(['params.id']);
    }
    expectStatus(await admin.get('/api/admin/agencies/5d0f4a57-0000-4000-8000-000000000000'), 404, 'not_found');
  });

  it('refuses a parent that does not exist (422 invalid_reference at parentId) and writes nothing', async () => {
    const missing = '5d0f4a57-0000-4000-8000-00000000abcd';
    const onCreate = expectStatus(
      await admin.post('/api/admin/agencies', { ...nan, name: 'Orphan Agency', parentId: missing }),
      422,
      'invalid_reference',
    );
    expect(paths(onCreate)).toEqual(['parentId']);
    expect((await ok(admin.get('/api/admin/agencies?q=Orphan'))).total).toBe(0);
    const onUpdate = expectStatus(
      await admin.patch(`/api/admin/agencies/${nanId}`, { version: 2, parentId: missing }),
      422,
      'invalid_reference',
    );
    expect(paths(onUpdate)).toEqual(['parentId']);
    const ownParent = expectStatus(
      await admin.patch(`/api/admin/agencies/${nanId}`, { version: 2, parentId: nanId }),
      422,
      'invalid_reference',
    );
    expect(paths(ownParent)).toEqual(['parentId']);
    expect(await ok(admin.get(`/api/admin/agencies/${nanId}`))).toMatchObject({ version: 2, parentId: agency.msdhs });
  });

  it('refuses a parent that would close a loop in the agency tree (422 invalid_reference at parentId)', async () => {
    // Nan's parent is the ministry; making the ministry a child of Nan would make each the other's ancestor.
    const ministry = await ok(admin.get(`/api/admin/agencies/${agency.msdhs}`));
    const loop = await admin.patch(`/api/admin/agencies/${agency.msdhs}`, { version: ministry.version, parentId: nanId });
    expect(paths(expectStatus(loop, 422, 'invalid_reference'))).toEqual(['parentId']);
    expect(await ok(admin.get(`/api/admin/agencies/${agency.msdhs}`))).toEqual(ministry);
  });
});

describe('accounts', () => {
  it('agency admin creates an account in their own agency (201) and it signs in with the given password', async () => {
    const user = await created(
      agencyadmin.post(
        '/api/admin/users',
        userBody('cr.colleague', agency.chiangrai, ['agency_admin'], PASSWORDS.colleague, { email: 'colleague@example.org' }),
      ),
    );
    userIds['cr.colleague'] = user.id;
    expect(user).toMatchObject({
      username: 'cr.colleague',
      agencyId: agency.chiangrai,
      roleKeys: ['agency_admin'],
      groupIds: [],
      active: true,
      lockedUntil: null,
      secondFactorEnabled: false,
      version: 1,
    });
    for (const secret of ['password', 'passwordHash', 'totpSecretEnc', 'recoveryCodeHashes']) expect(user).not.toHaveProperty(secret);
    expect(JSON.stringify(user)).not.toContain(PASSWORDS.colleague);

    // Administrative roles require a second factor, so the first sign-in is the enrolment stage.
    const login = await ok(t.client().post('/api/auth/login', { username: 'cr.colleague', password: PASSWORDS.colleague }));
    expect(login.stage).toBe('enrolment');
    expectStatus(
      await t.client().post('/api/auth/login', { username: 'cr.colleague', password: DEMO_PASSWORD }),
      401,
      'invalid_credentials',
    );

    const [create] = await auditOf(`action=user.create&resourceId=${user.id}`);
    expect(create).toMatchObject({
      actorUsername: 'th.agencyadmin',
      actorAgencyId: agency.chiangrai,
      details: { agencyId: agency.chiangrai },
    });
    const [access] = await auditOf(`action=user.permissions_changed&resourceId=${user.id}`);
    expect(access.details).toEqual({ roleKeys: ['agency_admin'], groupIds: [] });
  });

  it('agency admin cannot give an account a role that opens victim data, to a new nor to an existing account (403)', async () => {
    // DESIGN.md §4: no administrator grants a permission it lacks. The agency admin would know the
    // new account's password, so handing out case_manager is handing themselves victim data.
    const refused = expectStatus(
      await agencyadmin.post('/api/admin/users', userBody('cr.casemanager', agency.chiangrai, ['case_manager'], PASSWORDS.caseManager)),
      403,
      'forbidden',
    );
    expect(refused.detail).toContain('case_manager');
    expect((await ok(admin.get('/api/admin/users?q=cr.casemanager'))).total).toBe(0);
    expectStatus(
      await t.client().post('/api/auth/login', { username: 'cr.casemanager', password: PASSWORDS.caseManager }),
      401,
      'invalid_credentials',
    );

    const colleague = await ok(admin.get(`/api/admin/users/${userIds['cr.colleague']}`));
    for (const roleKeys of [['case_manager'], ['agency_admin', 'specialist_psychosocial'], ['data_officer']]) {
      expectStatus(await agencyadmin.patch(`/api/admin/users/${colleague.id}`, { version: colleague.version, roleKeys }), 403, 'forbidden');
    }
    expect(await ok(admin.get(`/api/admin/users/${colleague.id}`))).toEqual(colleague);
  });

  it('tells each administrator which roles they may hand out', async () => {
    const assignable = async (client: ApiClient) =>
      (await ok(client.get('/api/admin/roles'))).items
        .filter((role: any) => role.assignable)
        .map((role: any) => role.key)
        .sort();
    expect(await assignable(agencyadmin)).toEqual(['agency_admin']);
    // The system administrator holds every administrative permission and delegates the rest.
    expect(await assignable(admin)).toEqual((await ok(admin.get('/api/admin/roles'))).items.map((role: any) => role.key).sort());
  });

  it('hands out a working role in the agency once a system administrator delegates it, and no longer once withdrawn', async () => {
    const shelterStaff = (await ok(admin.get('/api/admin/roles'))).items.find((role: any) => role.key === 'shelter_staff');
    expect(shelterStaff.assignableByAgencyAdmins).toBe(false);
    expectStatus(
      await agencyadmin.patch(`/api/admin/roles/${shelterStaff.id}`, { version: shelterStaff.version, assignableByAgencyAdmins: true }),
      403,
      'forbidden',
    );
    const delegated = await ok(
      admin.patch(`/api/admin/roles/${shelterStaff.id}`, { version: shelterStaff.version, assignableByAgencyAdmins: true }),
    );
    expect(delegated).toMatchObject({ assignableByAgencyAdmins: true, version: shelterStaff.version + 1 });
    const [event] = await auditOf(`action=role.update&resourceId=${shelterStaff.id}`);
    expect(event.details.changes).toEqual({ assignableByAgencyAdmins: { from: false, to: true } });

    const user = await created(
      agencyadmin.post('/api/admin/users', userBody('cr.shelterworker', agency.chiangrai, ['shelter_staff'], PASSWORDS.shelterWorker)),
    );
    expect(user.roleKeys).toEqual(['shelter_staff']);

    await ok(admin.patch(`/api/admin/roles/${shelterStaff.id}`, { version: delegated.version, assignableByAgencyAdmins: false }));
    expectStatus(
      await agencyadmin.post(
        '/api/admin/users',
        userBody('cr.shelterworker2', agency.chiangrai, ['shelter_staff'], PASSWORDS.shelterWorker),
      ),
      403,
      'forbidden',
    );
    // Withdrawn, the role's holders are beyond the agency admin's reach again: no new password for them.
    const holder = await ok(admin.get(`/api/admin/users/${user.id}`));
    expectStatus(
      await agencyadmin.patch(`/api/admin/users/${holder.id}`, { version: holder.version, newPassword: PASSWORDS.takeover }),
      403,
      'forbidden',
    );
  });

  it("the database itself refuses an agency admin's grant of a role not delegated to them", async () => {
    const [caseManager] = await t.database.db.select().from(roles).where(eq(roles.key, 'case_manager'));
    const actor = { userId: userIds['th.agencyadmin']!, agencyId: agency.chiangrai, scopes: ['users_admin' as const] };
    await expect(
      asActor(t.database.db, actor, (tx) => tx.insert(userRoles).values({ userId: userIds['cr.colleague']!, roleId: caseManager!.id })),
    ).rejects.toThrow();
    const holders = await t.database.db.select().from(userRoles).where(eq(userRoles.roleId, caseManager!.id));
    expect(holders.map((row) => row.userId)).not.toContain(userIds['cr.colleague']);
  });

  it('agency admin cannot set the password or reset the second factor of a colleague holding victim data (403)', async () => {
    // Resetting a credential is taking the account over: th.socialworker reads the office's cases.
    const before = await ok(admin.get(`/api/admin/users/${userIds['th.socialworker']}`));
    for (const change of [{ newPassword: PASSWORDS.takeover }, { resetSecondFactor: true }]) {
      expectStatus(await agencyadmin.patch(`/api/admin/users/${before.id}`, { version: before.version, ...change }), 403, 'forbidden');
    }
    expect(await ok(admin.get(`/api/admin/users/${before.id}`))).toEqual(before);
    expectStatus(
      await t.client().post('/api/auth/login', { username: 'th.socialworker', password: PASSWORDS.takeover }),
      401,
      'invalid_credentials',
    );
    // A colleague whose roles the agency admin may hand out is theirs to help.
    const colleague = await ok(admin.get(`/api/admin/users/${userIds['cr.colleague']}`));
    const reset = await ok(agencyadmin.patch(`/api/admin/users/${colleague.id}`, { version: colleague.version, resetSecondFactor: true }));
    expect(reset.version).toBe(colleague.version + 1);
  });

  it('agency admin cannot create an account in another agency (403) and nothing is written', async () => {
    expectStatus(
      await agencyadmin.post('/api/admin/users', userBody('ngo.planted', agency.ngo, ['agency_admin'], PASSWORDS.colleague)),
      403,
      'forbidden',
    );
    expect((await ok(admin.get('/api/admin/users?q=ngo.planted'))).total).toBe(0);
  });

  it('agency admin cannot grant system_admin, neither to a new nor to an existing account (403)', async () => {
    expectStatus(
      await agencyadmin.post('/api/admin/users', userBody('cr.wannabe', agency.chiangrai, ['system_admin'], PASSWORDS.colleague)),
      403,
      'forbidden',
    );
    expect((await ok(admin.get('/api/admin/users?q=cr.wannabe'))).total).toBe(0);
    const before = await ok(admin.get(`/api/admin/users/${userIds['th.socialworker']}`));
    expectStatus(
      await agencyadmin.patch(`/api/admin/users/${userIds['th.socialworker']}`, { version: before.version, roleKeys: ['system_admin'] }),
      403,
      'forbidden',
    );
    expectStatus(
      await agencyadmin.patch(`/api/admin/users/${userIds['th.socialworker']}`, {
        version: before.version,
        roleKeys: ['agency_admin', 'system_admin'],
      }),
      403,
      'forbidden',
    );
    expect(await ok(admin.get(`/api/admin/users/${userIds['th.socialworker']}`))).toEqual(before);
  });

  it('refuses a username that is taken, whatever its case (409 username_taken)', async () => {
    for (const username of ['th.ngo', 'TH.NGO', ' th.ngo ']) {
      const problem = expectStatus(
        await admin.post('/api/admin/users', userBody(username, agency.msdhs, ['regional_coordinator'], PASSWORDS.coordinator)),
        409,
        'username_taken',
      );
      expect(paths(problem)).toEqual(['username']);
    }
    const own = expectStatus(
      await agencyadmin.post('/api/admin/users', userBody('th.socialworker', agency.chiangrai, ['agency_admin'], PASSWORDS.colleague)),
      409,
      'username_taken',
    );
    expect(paths(own)).toEqual(['username']);
  });

  it('gives an agency admin the same 409 username_taken for a username held in another agency', async () => {
    // Usernames are unique across the instance; the code must not depend on whether the taken
    // account is visible to the caller (the web app shows "problem.username_taken" at the field).
    const problem = expectStatus(
      await agencyadmin.post('/api/admin/users', userBody('th.ngo', agency.chiangrai, ['agency_admin'], PASSWORDS.colleague)),
      409,
      'username_taken',
    );
    expect(paths(problem)).toEqual(['username']);
  });

  it('refuses weak passwords (422 password_too_weak at the password field)', async () => {
    // One character class under 16 characters; the username inside; two classes under 16 characters.
    for (const password of ['onlylowercasex', 'cr.weakling-Pass-1!', 'Abcdefghijkl']) {
      const problem = expectStatus(
        await admin.post('/api/admin/users', userBody('cr.weakling', agency.chiangrai, ['agency_admin'], password)),
        422,
        'password_too_weak',
      );
      expect(paths(problem)).toEqual(['password']);
    }
    expect((await ok(admin.get('/api/admin/users?q=cr.weakling'))).total).toBe(0);
    const target = await ok(admin.get(`/api/admin/users/${userIds['cr.colleague']}`));
    const onReset = expectStatus(
      await admin.patch(`/api/admin/users/${target.id}`, { version: target.version, newPassword: 'onlylowercasex' }),
      422,
      'password_too_weak',
    );
    expect(paths(onReset)).toEqual(['newPassword']);
    expect(await ok(admin.get(`/api/admin/users/${target.id}`))).toEqual(target);
  });

  it('disabling an account ends its sessions (401) and refuses sign-in (403 account_disabled); enabling restores it', async () => {
    const user = await created(
      admin.post('/api/admin/users', userBody('th.coordinator', agency.msdhs, ['regional_coordinator'], PASSWORDS.coordinator)),
    );
    const session = await t.login('th.coordinator', PASSWORDS.coordinator);
    expect((await ok(session.get('/api/auth/me'))).username).toBe('th.coordinator');

    const disabled = await ok(admin.patch(`/api/admin/users/${user.id}`, { version: user.version, active: false }));
    expect(disabled).toMatchObject({ active: false, version: user.version + 1 });
    expectStatus(await session.get('/api/auth/me'), 401, 'unauthenticated');
    expectStatus(
      await t.client().post('/api/auth/login', { username: 'th.coordinator', password: PASSWORDS.coordinator }),
      403,
      'account_disabled',
    );

    const [event] = await auditOf(`action=user.update&resourceId=${user.id}`);
    expect(event.details.changes).toEqual({ active: { from: true, to: false } });

    await ok(admin.patch(`/api/admin/users/${user.id}`, { version: disabled.version, active: true }));
    const again = await t.login('th.coordinator', PASSWORDS.coordinator);
    expect((await ok(again.get('/api/auth/me'))).username).toBe('th.coordinator');
  });

  it('refuses a stale version on account updates (409 conflict)', async () => {
    const before = await ok(admin.get(`/api/admin/users/${userIds['cr.colleague']}`));
    const current = await ok(
      agencyadmin.patch(`/api/admin/users/${before.id}`, { version: before.version, displayName: 'Chiang Rai Colleague' }),
    );
    expect(current).toMatchObject({ displayName: 'Chiang Rai Colleague', version: before.version + 1 });
    expectStatus(await admin.patch(`/api/admin/users/${before.id}`, { version: before.version, displayName: 'Stale' }), 409, 'conflict');
    expect(await ok(admin.get(`/api/admin/users/${before.id}`))).toEqual(current);
  });

  it('an administrator cannot disable themselves or change their own roles (403)', async () => {
    const self = await ok(admin.get(`/api/admin/users/${userIds.admin}`));
    expectStatus(await admin.patch(`/api/admin/users/${self.id}`, { version: self.version, active: false }), 403, 'forbidden');
    expectStatus(await admin.patch(`/api/admin/users/${self.id}`, { version: self.version, roleKeys: ['agency_admin'] }), 403, 'forbidden');
    expect(await ok(admin.get(`/api/admin/users/${self.id}`))).toEqual(self);
    expect((await ok(admin.get('/api/auth/me'))).roles).toEqual(['system_admin']);
  });

  it('audits which account fields changed without writing staff names or e-mail addresses into the trail', async () => {
    // audit/record.ts: event details hold "never names, contacts or secrets: ids, field names and codes only".
    const before = await ok(admin.get(`/api/admin/users/${userIds['cr.colleague']}`));
    const updated = await ok(
      admin.patch(`/api/admin/users/${before.id}`, {
        version: before.version,
        displayName: 'Somchai Renamed',
        email: 'somchai.private@example.org',
        locale: 'th',
      }),
    );
    expect(updated).toMatchObject({ displayName: 'Somchai Renamed', email: 'somchai.private@example.org', locale: 'th' });
    const [event] = await auditOf(`action=user.update&resourceId=${before.id}`);
    expect(Object.keys(event.details.changes).sort()).toEqual(['displayName', 'email', 'locale']);
    const serialized = JSON.stringify(event.details);
    for (const personal of ['Somchai Renamed', 'somchai.private@example.org', before.displayName, before.email].filter(Boolean)) {
      expect(serialized, personal).not.toContain(personal);
    }
  });

  it('lifts the sign-in wait of an account that failed too often', async () => {
    const user = await created(
      admin.post('/api/admin/users', userBody('th.lockeduser', agency.msdhs, ['regional_coordinator'], PASSWORDS.lockedUser)),
    );
    // Twelve failures under the account's name a moment ago, from addresses other than the test's own.
    await t.database.db.insert(loginFailures).values(Array.from({ length: 12 }, () => ({ key: 'user:th.lockeduser', at: new Date() })));
    const waiting = await t.client().post('/api/auth/login', { username: 'th.lockeduser', password: PASSWORDS.lockedUser });
    expectStatus(waiting, 429, 'too_many_requests');
    expect(Number(waiting.headers.get('retry-after'))).toBeGreaterThan(0);
    const locked = await ok(admin.get(`/api/admin/users/${user.id}`));
    expect(Date.parse(locked.lockedUntil)).toBeGreaterThan(Date.now());

    const unlocked = await ok(admin.patch(`/api/admin/users/${user.id}`, { version: locked.version, unlock: true }));
    expect(unlocked).toMatchObject({ lockedUntil: null, version: locked.version + 1 });
    await t.login('th.lockeduser', PASSWORDS.lockedUser);
    const [event] = await auditOf(`action=user.update&resourceId=${user.id}`);
    expect(event.details).toMatchObject({ unlocked: true });
  });

  it('resets a password: the old password and the sessions opened with it stop working, the new one signs in', async () => {
    const user = (await ok(admin.get('/api/admin/users?q=th.coordinator'))).items[0];
    const oldSession = await t.login('th.coordinator', PASSWORDS.coordinator);
    const reset = await ok(admin.patch(`/api/admin/users/${user.id}`, { version: user.version, newPassword: PASSWORDS.resetTo }));
    expect(reset.version).toBe(user.version + 1);
    expectStatus(await oldSession.get('/api/auth/me'), 401, 'unauthenticated');
    expectStatus(
      await t.client().post('/api/auth/login', { username: 'th.coordinator', password: PASSWORDS.coordinator }),
      401,
      'invalid_credentials',
    );
    await t.login('th.coordinator', PASSWORDS.resetTo);
    const [event] = await auditOf(`action=user.update&resourceId=${user.id}`);
    expect(event.details).toEqual({ changes: {}, passwordReset: true });
  });

  it('agency admin cannot take over or lock out a more powerful account of their own agency (403)', async () => {
    // A second system administrator and a user administrator, both in the ministry.
    const sysSecond = await created(
      admin.post('/api/admin/users', userBody('sys.second', agency.msdhs, ['system_admin'], PASSWORDS.sysSecond)),
    );
    await created(admin.post('/api/admin/users', userBody('msdhs.useradmin', agency.msdhs, ['agency_admin'], PASSWORDS.msdhsAdmin)));
    const userAdmin = await signInEnrolling('msdhs.useradmin', PASSWORDS.msdhsAdmin);

    const outcomes: Record<string, string> = {};
    for (const change of [
      { newPassword: PASSWORDS.takeover },
      { active: false },
      { roleKeys: ['agency_admin'] },
      { resetSecondFactor: true },
    ]) {
      const { version } = await ok(admin.get(`/api/admin/users/${sysSecond.id}`));
      const response = await userAdmin.patch(`/api/admin/users/${sysSecond.id}`, { version, ...change });
      outcomes[Object.keys(change)[0]!] = `${response.status} ${response.body?.code ?? ''}`.trim();
    }
    expect(outcomes).toEqual({
      newPassword: '403 forbidden',
      active: '403 forbidden',
      roleKeys: '403 forbidden',
      resetSecondFactor: '403 forbidden',
    });
    expect(await ok(admin.get(`/api/admin/users/${sysSecond.id}`))).toEqual(sysSecond);
    expectStatus(
      await t.client().post('/api/auth/login', { username: 'sys.second', password: PASSWORDS.takeover }),
      401,
      'invalid_credentials',
    );
  });
});

describe('roles', () => {
  let roleId: string;

  it('system admin creates a custom role (201) and it is listed', async () => {
    const role = await created(
      admin.post('/api/admin/roles', {
        key: 'outreach_worker',
        name: 'Outreach worker',
        permissions: ['case:read', 'section:identity', 'case:read'],
      }),
    );
    roleId = role.id;
    expect(role).toMatchObject({
      key: 'outreach_worker',
      builtIn: false,
      permissions: ['case:read', 'section:identity'],
      requiresSecondFactor: true,
      version: 1,
    });
    expect((await ok(admin.get('/api/admin/roles'))).items.find((r: any) => r.id === roleId)).toEqual(role);
    const duplicate = expectStatus(
      await admin.post('/api/admin/roles', { key: 'outreach_worker', name: 'Again', permissions: [] }),
      409,
      'conflict',
    );
    expect(paths(duplicate)).toEqual(['key']);
    const [event] = await auditOf(`action=role.create&resourceId=${roleId}`);
    expect(event.details).toEqual({
      key: 'outreach_worker',
      permissions: ['case:read', 'section:identity'],
      assignableByAgencyAdmins: false,
    });
  });

  it('refuses to add to a role its editor holds a permission the editor lacks (403), and keeps the role', async () => {
    // The system administrator delegates working roles but does not read victim data; adding
    // case:read to their own role would give it to themselves.
    const own = (await ok(admin.get('/api/admin/roles'))).items.find((r: any) => r.key === 'system_admin');
    for (const permissions of [
      [...own.permissions, 'case:read', 'section:identity'],
      [...own.permissions, 'export:identities'],
    ]) {
      expectStatus(await admin.patch(`/api/admin/roles/${own.id}`, { version: own.version, permissions }), 403, 'forbidden');
    }
    expect((await ok(admin.get('/api/admin/roles'))).items.find((r: any) => r.key === 'system_admin')).toEqual(own);
    expect((await ok(admin.get('/api/auth/me'))).permissions).not.toContain('case:read');
  });

  it('updates permissions with the current version and refuses a stale one (409)', async () => {
    const updated = await ok(admin.patch(`/api/admin/roles/${roleId}`, { version: 1, permissions: ['stats:read'] }));
    expect(updated).toMatchObject({ permissions: ['stats:read'], requiresSecondFactor: false, version: 2 });
    expectStatus(await admin.patch(`/api/admin/roles/${roleId}`, { version: 1, name: 'Stale rename' }), 409, 'conflict');
    expect((await ok(admin.get('/api/admin/roles'))).items.find((r: any) => r.id === roleId)).toEqual(updated);
    const [event] = await auditOf(`action=role.update&resourceId=${roleId}`);
    expect(event.details.changes).toEqual({ permissions: { from: ['case:read', 'section:identity'], to: ['stats:read'] } });
  });

  it('refuses an unknown permission (400 naming the array element) and keeps the role', async () => {
    const onCreate = expectStatus(
      await admin.post('/api/admin/roles', { key: 'bad_role', name: 'Bad role', permissions: ['case:read', 'case:delete_everything'] }),
      400,
      'validation_failed',
    );
    expect(paths(onCreate)).toEqual(['permissions.1']);
    const onUpdate = expectStatus(
      await admin.patch(`/api/admin/roles/${roleId}`, { version: 2, permissions: ['root'] }),
      400,
      'validation_failed',
    );
    expect(paths(onUpdate)).toEqual(['permissions.0']);
    const roles = (await ok(admin.get('/api/admin/roles'))).items;
    expect(roles.map((r: any) => r.key)).not.toContain('bad_role');
    expect(roles.find((r: any) => r.id === roleId)).toMatchObject({ version: 2, permissions: ['stats:read'] });
  });

  it('lists the permission vocabulary', async () => {
    expect(await ok(admin.get('/api/admin/permissions'))).toEqual({ items: [...PERMISSIONS] });
  });
});

describe('groups', () => {
  let adminGroup: any;
  let ownGroup: any;

  it('creates groups (system admin for any agency, agency admin for their own) and renames with versions', async () => {
    adminGroup = await created(admin.post('/api/admin/groups', { agencyId: agency.chiangrai, name: 'Border intake team' }));
    expect(adminGroup).toMatchObject({ agencyId: agency.chiangrai, name: 'Border intake team', memberCount: 0, version: 1 });
    ownGroup = await created(agencyadmin.post('/api/admin/groups', { agencyId: agency.chiangrai, name: 'Follow-up visits' }));

    const renamed = await ok(agencyadmin.patch(`/api/admin/groups/${ownGroup.id}`, { version: 1, name: 'Follow-up and reintegration' }));
    expect(renamed).toEqual({ ...ownGroup, name: 'Follow-up and reintegration', version: 2 });
    expectStatus(await agencyadmin.patch(`/api/admin/groups/${ownGroup.id}`, { version: 1, name: 'Stale' }), 409, 'conflict');
    ownGroup = renamed;
    expect((await ok(agencyadmin.get('/api/admin/groups'))).items.map((g: any) => g.name).sort()).toEqual([
      'Border intake team',
      'Follow-up and reintegration',
    ]);

    const [create] = await auditOf(`action=group.create&resourceId=${ownGroup.id}`);
    expect(create.actorUsername).toBe('th.agencyadmin');
    const [update] = await auditOf(`action=group.update&resourceId=${ownGroup.id}`);
    expect(update.details.changes).toEqual({ name: { from: 'Follow-up visits', to: 'Follow-up and reintegration' } });
  });

  it('sets membership through the account update, and refuses a group of another agency (422 at groupIds)', async () => {
    const socialworker = await ok(admin.get(`/api/admin/users/${userIds['th.socialworker']}`));
    const joined = await ok(
      agencyadmin.patch(`/api/admin/users/${socialworker.id}`, { version: socialworker.version, groupIds: [adminGroup.id, ownGroup.id] }),
    );
    expect(joined.groupIds.sort()).toEqual([adminGroup.id, ownGroup.id].sort());
    expect(joined.roleKeys).toEqual(['case_manager']);
    const counts = Object.fromEntries((await ok(agencyadmin.get('/api/admin/groups'))).items.map((g: any) => [g.id, g.memberCount]));
    expect(counts).toEqual({ [adminGroup.id]: 1, [ownGroup.id]: 1 });
    const [event] = await auditOf(`action=user.permissions_changed&resourceId=${socialworker.id}`);
    expect(event.details.groupIds.sort()).toEqual([adminGroup.id, ownGroup.id].sort());

    const ngoGroup = await created(admin.post('/api/admin/groups', { agencyId: agency.ngo, name: 'NGO outreach' }));
    const foreign = expectStatus(
      await admin.patch(`/api/admin/users/${socialworker.id}`, { version: joined.version, groupIds: [ngoGroup.id] }),
      422,
      'invalid_reference',
    );
    expect(paths(foreign)).toEqual(['groupIds']);
    const after = await ok(admin.get(`/api/admin/users/${socialworker.id}`));
    expect({ ...after, groupIds: after.groupIds.sort() }).toEqual({ ...joined, groupIds: joined.groupIds.sort() });

    const left = await ok(agencyadmin.patch(`/api/admin/users/${socialworker.id}`, { version: joined.version, groupIds: [] }));
    expect(left.groupIds).toEqual([]);
    expect((await ok(agencyadmin.get('/api/admin/groups'))).items.map((g: any) => g.memberCount)).toEqual([0, 0]);
  });
});

describe('audit trail of admin changes', () => {
  it('records every kind of admin change, filterable by action', async () => {
    for (const action of [
      'agency.create',
      'agency.update',
      'user.create',
      'user.update',
      'user.permissions_changed',
      'role.create',
      'role.update',
      'group.create',
      'group.update',
    ]) {
      const page = await ok(admin.get(`/api/admin/audit?pageSize=200&action=${action}`));
      expect(page.total, action).toBeGreaterThan(0);
      for (const event of page.items) {
        expect(event.action).toBe(action);
        expect(event.outcome).toBe('success');
        expect(event.actorUserId).not.toBeNull();
        expect(event.resourceId).not.toBeNull();
      }
    }
  });

  it('never stores a password, hash or second-factor secret in event details', async () => {
    const events: any[] = [];
    for (let page = 1; ; page++) {
      const body = await ok(admin.get(`/api/admin/audit?pageSize=200&page=${page}`));
      events.push(...body.items);
      if (events.length >= body.total || body.items.length === 0) break;
    }
    expect(events.length).toBeGreaterThan(20);
    const serialized = JSON.stringify(events.map((e) => e.details));
    const leaked = [...Object.values(PASSWORDS), DEMO_PASSWORD].filter((password) => serialized.includes(password));
    expect(leaked).toEqual([]);
    for (const marker of ['$argon2', 'passwordHash', 'password_hash', 'totpSecret', 'recoveryCode'])
      expect(serialized, marker).not.toContain(marker);
    expect(await ok(admin.get('/api/admin/audit/verify'))).toMatchObject({ ok: true, firstBrokenSeq: null });
  });
});
