/**
 * "A user of one agency cannot read or change another agency's private records through any
 * endpoint." (DESIGN.md §4, Tenancy / Need to know.)
 *
 * Every route the app serves has an entry in ROUTE_MATRIX below: either a cross-agency probe
 * (read → 404 or 403 and absent from lists; change → 403/404 and the owner re-reads the record
 * unchanged), or, for routes that hold no private records (health, OpenAPI, vocabularies,
 * the caller's own session), the reason why, with an assertion that nothing personal leaks.
 * The last test of the matrix fails when the app serves a route that has no entry, so a new
 * endpoint cannot ship without an authorization test.
 *
 * How the route table is collected: `buildApp()` creates its own Fastify instance and registers
 * every route before we get hold of it, so an `onRoute` hook cannot be added from outside after
 * the fact. Instead the `fastify` factory is wrapped with `vi.mock` (hoisted above every import,
 * so src/app.ts receives the wrapper) and the wrapper adds an `onRoute` hook to the instance it
 * creates before any plugin or route is registered. That sees every route exactly as Fastify
 * registers it (method and URL pattern, including encapsulated plugins and the HEAD routes
 * Fastify derives from GET routes) without parsing the human-oriented `printRoutes()` tree,
 * whose layout changes between Fastify versions. As a cross-check, every collected route must
 * answer `app.hasRoute()`, and every matrix entry must name a route that exists, so the matrix
 * cannot hold stale entries either.
 */
import { PERMISSIONS } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type CapturedRoute = { method: string | string[]; url: string };
const captured = vi.hoisted(() => [] as CapturedRoute[]);

vi.mock('fastify', async (importOriginal) => {
  const original = (await importOriginal()) as { default: (...args: unknown[]) => any };
  const factory = (...args: unknown[]) => {
    const app = original.default(...args);
    app.addHook('onRoute', (route: CapturedRoute) => {
      captured.push({ method: route.method, url: route.url });
    });
    return app;
  };
  return { ...original, default: Object.assign(factory, original.default) };
});

import { type ApiClient, DEMO_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { CHIANGRAI_ONLY, expectStatus, isPseudonym, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../test/tenancy.js';
import { asActor } from '../db/actorContext.js';
import { cases, persons, users } from '../db/schema/index.js';
import { DEMO_ACCOUNTS, DEMO_PEOPLE } from '../seed/demoThailand.js';
import { assessmentsMatrix } from './assessments/assessments.tenancy.js';
import { carePlansMatrix } from './carePlans/carePlans.tenancy.js';
import { caseMeetingsMatrix } from './caseMeetings/caseMeetings.tenancy.js';
import { caseRecordPartsMatrix } from './caseRecord/caseRecordParts.tenancy.js';
import { caseRecordMatrix } from './cases/caseRecord.tenancy.js';
import { caseWorkMatrix } from './cases/caseWork.tenancy.js';
import { consentMatrix } from './consent/consent.tenancy.js';
import { crossBorderReferralsMatrix } from './crossBorderReferrals/crossBorderReferrals.tenancy.js';
import { federationMatrix } from './federation/federation.tenancy.js';
import { followUpMatrix } from './followUp/followUp.tenancy.js';
import { formsMatrix } from './forms/forms.tenancy.js';
import { globalCollectionMatrix } from './globalCollection/globalCollection.tenancy.js';
import { helpMatrix } from './help/help.tenancy.js';
import { identificationMatrix } from './identification/identification.tenancy.js';
import { importsMatrix } from './imports/imports.tenancy.js';
import { notificationsMatrix } from './notifications/notifications.tenancy.js';
import { personsMatrix } from './persons/persons.tenancy.js';
import { referralsMatrix } from './referrals/referrals.tenancy.js';
import { regionalStatisticsMatrix } from './regionalStatistics/regionalStatistics.tenancy.js';
import { relinkageMatrix } from './relinkage/relinkage.tenancy.js';
import { repatriationsMatrix } from './repatriations/repatriations.tenancy.js';
import { serviceDirectoryMatrix } from './serviceDirectory/serviceDirectory.tenancy.js';
import { sheltersMatrix } from './shelters/shelters.tenancy.js';
import { statisticReportsMatrix } from './statisticReports/statisticReports.tenancy.js';
import { statisticSubmissionsMatrix } from './statisticSubmissions/statisticSubmissions.tenancy.js';
import { statisticsMatrix } from './statistics/statistics.tenancy.js';

let t: TestApp;
let admin: ApiClient;
let socialworker: ApiClient; // case_manager, Chiang Rai office
let agencyadmin: ApiClient; // agency_admin, Chiang Rai office
let ngo: ApiClient; // case_manager, NGO
let shelter: ApiClient; // shelter_staff, shelter
let psychologist: ApiClient; // specialist_psychosocial, shelter
let police: ApiClient; // screener, police
let hotline: ApiClient; // hotline_operator, hotline
let data: ApiClient; // data_officer, ministry
let officehead: ApiClient; // case_manager and data_officer, Chiang Rai office

const agency: Record<'msdhs' | 'chiangrai' | 'hotline' | 'police' | 'shelter' | 'ngo', string> = {} as never;
const userIds: Record<string, string> = {};
/** Case ids by demo person index (person i's case is owned per DEMO_CASE_OWNERS[i % 8]). */
const caseOf: string[] = [];
let chiangraiGroupId: string;
let ngoGroupId: string;

/** Users re-read by the system admin (who may read every agency's accounts). */
async function userAsAdmin(username: string) {
  return ok(admin.get(`/api/admin/users/${userIds[username]}`));
}

const personName = (index: number) => `${DEMO_PEOPLE[index]!.givenName} ${DEMO_PEOPLE[index]!.familyName}`;

beforeAll(async () => {
  t = await startTestApp();
  [admin, socialworker, agencyadmin, ngo, shelter, psychologist, police, hotline, data, officehead] = await Promise.all([
    t.login('admin'),
    t.login('th.socialworker'),
    t.login('th.agencyadmin'),
    t.login('th.ngo'),
    t.login('th.shelter'),
    t.login('th.psychologist'),
    t.login('th.police'),
    t.login('th.hotline'),
    t.login('th.data'),
    t.login('th.officehead'),
  ]);

  const agencies = await ok(admin.get('/api/admin/agencies?pageSize=200'));
  const byAcronym = (acronym: string) => agencies.items.find((a: any) => a.acronym === acronym)!.id as string;
  const byFunction = (fn: string) => agencies.items.find((a: any) => a.agencyFunction === fn)!.id as string;
  Object.assign(agency, {
    msdhs: byAcronym('DATIP'),
    chiangrai: byAcronym('PSDHS Chiang Rai'),
    hotline: byAcronym('1300'),
    police: byAcronym('ATPD'),
    shelter: byFunction('shelter'),
    ngo: byFunction('ngo'),
  });

  const accounts = await ok(admin.get('/api/admin/users?pageSize=200'));
  for (const user of accounts.items) userIds[user.username] = user.id;

  // Case ids by person, read by the owners (case managers see names).
  const owners: [ApiClient, string][] = [
    [socialworker, 'chiangrai'],
    [police, 'police'],
    [hotline, 'hotline'],
    [ngo, 'ngo'],
    [shelter, 'shelter'],
  ];
  for (const [client, key] of owners) {
    const list = await ok(client.get('/api/cases?pageSize=200'));
    for (const item of list.items) {
      if (item.ownerAgencyId !== agency[key as keyof typeof agency]) continue;
      const detail = await ok(client.get(`/api/cases/${item.id}`));
      const index = DEMO_PEOPLE.findIndex((p) => p.nameAsWritten === detail.sections.identity?.nameAsWritten);
      if (index >= 0) caseOf[index] = item.id;
    }
  }
  // Police are screeners and hotline operators hold the identity section: all 16 cases resolve.
  if (caseOf.filter(Boolean).length !== DEMO_PEOPLE.length) throw new Error(`resolved only ${caseOf.filter(Boolean).length} demo cases`);

  Object.assign(context, {
    t,
    admin,
    socialworker,
    agencyadmin,
    ngo,
    shelter,
    psychologist,
    police,
    hotline,
    data,
    officehead,
    agency,
    userIds,
    caseOf,
  });

  const created = await Promise.all([
    admin.post('/api/admin/groups', { agencyId: agency.chiangrai, name: 'Chiang Rai intake team' }),
    admin.post('/api/admin/groups', { agencyId: agency.ngo, name: 'Mekong Hope outreach' }),
  ]);
  for (const response of created) expectStatus(response, 201);
  chiangraiGroupId = created[0]!.body.id;
  ngoGroupId = created[1]!.body.id;
});

afterAll(async () => {
  await t?.close();
});

const chiangraiOnly = () => CHIANGRAI_ONLY.map((i) => caseOf[i]!);

/** Filled in by beforeAll; route groups' matrix modules read it when their probes run. */
const context = {} as TenancyContext;

const CORE_MATRIX: RouteMatrix = {
  // ---- Health and public documents: no records at all --------------------------------------
  'GET /healthz': {
    why: 'liveness only; answers a constant',
    anonymous: 'public',
    probe: async () => {
      expect(await ok(t.client().get('/healthz'))).toEqual({ status: 'ok' });
    },
  },
  'GET /readyz': {
    why: 'readiness only; names the database kind, no rows',
    anonymous: 'public',
    probe: async () => {
      expect(await ok(t.client().get('/readyz'))).toEqual({ status: 'ready', database: t.database.kind });
    },
  },
  'GET /api/openapi.json': {
    why: 'the API description is generated from schemas, never from data',
    anonymous: 'public',
    probe: async () => {
      const document = await ok(t.client().get('/api/openapi.json'));
      expect(document.paths['/api/cases']).toBeDefined();
      const text = JSON.stringify(document);
      const personal = [
        // 'admin' is also a path segment (/api/admin/…); the other usernames are personal.
        ...DEMO_ACCOUNTS.filter((a) => a.username !== 'admin').map((a) => a.username),
        ...DEMO_ACCOUNTS.map((a) => a.displayName),
        ...DEMO_PEOPLE.flatMap((p) => [p.givenName, p.nameAsWritten]),
        ...Object.values(agency),
        ...Object.values(userIds),
        ...caseOf,
      ];
      const leaked = personal.filter((value) => text.includes(value));
      expect(leaked).toEqual([]);
    },
  },

  // ---- Authentication: every route acts on the caller's own account or session -------------
  'POST /api/auth/login': {
    why: "opens a session for the named account only; failures do not reveal whether another agency's account exists",
    anonymous: 'public',
    probe: async () => {
      const wrong = expectStatus(
        await t.client().post('/api/auth/login', { username: 'th.socialworker', password: 'not-the-password-1!' }),
        401,
        'invalid_credentials',
      );
      const unknown = expectStatus(
        await t.client().post('/api/auth/login', { username: 'nobody.here', password: 'not-the-password-1!' }),
        401,
        'invalid_credentials',
      );
      expect(unknown.detail).toBe(wrong.detail);
      const signedIn = await ok(t.client().post('/api/auth/login', { username: 'th.ngo', password: DEMO_PASSWORD }));
      expect(signedIn.me.username).toBe('th.ngo');
      expect(signedIn.me.agency.id).toBe(agency.ngo);
    },
  },
  'POST /api/auth/login/second-factor': {
    why: "finishes the caller's own half-open session; there is no way to name another account",
    anonymous: { path: '/api/auth/login/second-factor', body: { code: '123456' } },
    probe: async () => {
      // A fully signed-in session is past this stage, whatever account the body names.
      expectStatus(
        await ngo.post('/api/auth/login/second-factor', { code: '123456', username: 'th.socialworker' }),
        401,
        'second_factor_required',
      );
      expectStatus(await ngo.post('/api/auth/login/second-factor', { code: '123456' }), 401, 'second_factor_required');
      expect((await ok(socialworker.get('/api/auth/me'))).username).toBe('th.socialworker');
    },
  },
  'POST /api/auth/logout': {
    why: "revokes the caller's current session and nothing else",
    anonymous: { path: '/api/auth/logout', body: {} },
    probe: async () => {
      const second = await t.login('th.ngo');
      const response = await second.post('/api/auth/logout');
      expect(response.status).toBe(204);
      expectStatus(await second.get('/api/auth/me'), 401, 'unauthenticated');
      expect((await ok(ngo.get('/api/auth/me'))).username).toBe('th.ngo');
      expect((await ok(socialworker.get('/api/auth/me'))).username).toBe('th.socialworker');
    },
  },
  'GET /api/auth/me': {
    why: 'describes the caller only',
    anonymous: { path: '/api/auth/me' },
    probe: async () => {
      const me = await ok(ngo.get('/api/auth/me'));
      expect(me.id).toBe(userIds['th.ngo']);
      expect(me.agency).toEqual({ id: agency.ngo, name: expect.any(String), countryCode: 'TH' });
    },
  },
  'GET /api/auth/draft-key': {
    why: "hands out the caller's own draft key; the route takes no user, so no one reaches another's",
    anonymous: { path: '/api/auth/draft-key' },
    probe: async () => {
      const mine = (await ok(ngo.get('/api/auth/draft-key'))).key;
      const theirs = (await ok(socialworker.get('/api/auth/draft-key'))).key;
      expect(mine).not.toBe(theirs);
      expect((await ok(ngo.get(`/api/auth/draft-key?userId=${userIds['th.socialworker']}`))).key).toBe(mine);
    },
  },
  'PATCH /api/auth/preferences': {
    why: "changes the caller's own preferences; the body cannot name another user",
    anonymous: { path: '/api/auth/preferences', body: { locale: 'en' } },
    probe: async () => {
      const before = await userAsAdmin('th.socialworker');
      const refused = expectStatus(
        await ngo.patch('/api/auth/preferences', { locale: 'km', userId: userIds['th.socialworker'] }),
        400,
        'validation_failed',
      );
      expect(refused.errors.map((e: any) => e.path)).toContain('userId');
      const me = await ok(ngo.patch('/api/auth/preferences', { locale: 'km' }));
      expect(me.username).toBe('th.ngo');
      expect(me.locale).toBe('km');
      expect(await userAsAdmin('th.socialworker')).toEqual(before);
      expect((await ok(ngo.patch('/api/auth/preferences', { locale: 'en' }))).locale).toBe('en');
    },
  },
  'POST /api/auth/password': {
    why: "changes the caller's own password after checking the current one; the body cannot name another user",
    anonymous: { path: '/api/auth/password', body: { currentPassword: DEMO_PASSWORD, newPassword: 'Another-Secret-2026!' } },
    probe: async () => {
      const newPassword = 'Ngo-Rotated-Secret-77!';
      const refused = expectStatus(
        await ngo.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword, username: 'th.socialworker' }),
        400,
        'validation_failed',
      );
      expect(refused.errors.map((e: any) => e.path)).toContain('username');
      expect((await ngo.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword })).status).toBe(204);
      // Only th.ngo's password changed.
      await t.login('th.socialworker');
      await t.login('th.ngo', newPassword);
      expect((await ngo.post('/api/auth/password', { currentPassword: newPassword, newPassword: DEMO_PASSWORD })).status).toBe(204);
      await t.login('th.ngo');
    },
  },
  'GET /api/auth/sessions': {
    why: "lists the caller's own sessions",
    anonymous: { path: '/api/auth/sessions' },
    probe: async () => {
      const theirs = (await ok(socialworker.get('/api/auth/sessions'))).items.map((s: any) => s.id);
      const mine = (await ok(ngo.get('/api/auth/sessions'))).items;
      expect(theirs.length).toBeGreaterThan(0);
      expect(mine.filter((s: any) => s.current)).toHaveLength(1);
      for (const session of mine) expect(theirs).not.toContain(session.id);
    },
  },
  'DELETE /api/auth/sessions/:id': {
    why: "revokes only the caller's own sessions; another user's session id answers 404",
    anonymous: { path: `/api/auth/sessions/${UNKNOWN_ID}` },
    probe: async () => {
      const victim = await t.login('th.socialworker');
      const victimSession = (await ok(victim.get('/api/auth/sessions'))).items.find((s: any) => s.current).id;
      expectStatus(await ngo.delete(`/api/auth/sessions/${victimSession}`), 404, 'not_found');
      expectStatus(await agencyadmin.delete(`/api/auth/sessions/${victimSession}`), 404, 'not_found');
      expectStatus(await admin.delete(`/api/auth/sessions/${victimSession}`), 404, 'not_found');
      // The session still works and is still listed.
      expect((await ok(victim.get('/api/auth/me'))).username).toBe('th.socialworker');
      expect((await ok(victim.get('/api/auth/sessions'))).items.map((s: any) => s.id)).toContain(victimSession);
    },
  },
  'POST /api/auth/second-factor/enrol': {
    why: "starts enrolment for the caller's own account",
    anonymous: { path: '/api/auth/second-factor/enrol', body: {} },
    probe: async () => {
      const enrolment = await ok(police.post('/api/auth/second-factor/enrol'));
      expect(enrolment.otpauthUrl).toContain('th.police');
      expect((await userAsAdmin('th.police')).secondFactorEnabled).toBe(false);
      expect((await userAsAdmin('th.socialworker')).secondFactorEnabled).toBe(false);
      expect((await ok(t.client().post('/api/auth/login', { username: 'th.socialworker', password: DEMO_PASSWORD }))).stage).toBe('active');
    },
  },
  'POST /api/auth/second-factor/confirm': {
    why: "confirms the caller's own pending enrolment; a wrong code changes nothing",
    anonymous: { path: '/api/auth/second-factor/confirm', body: { code: '123456' } },
    probe: async () => {
      await ok(hotline.post('/api/auth/second-factor/enrol'));
      expectStatus(await hotline.post('/api/auth/second-factor/confirm', { code: 'not-a-code' }), 401, 'invalid_second_factor');
      expect((await userAsAdmin('th.hotline')).secondFactorEnabled).toBe(false);
      expectStatus(
        await ngo.post('/api/auth/second-factor/confirm', { code: 'not-a-code', userId: userIds['th.hotline'] }),
        400,
        'validation_failed',
      );
    },
  },
  'POST /api/auth/second-factor/disable': {
    why: "turns off the caller's own second factor; the body cannot name another user",
    anonymous: { path: '/api/auth/second-factor/disable', body: { code: '123456' } },
    probe: async () => {
      expectStatus(
        await ngo.post('/api/auth/second-factor/disable', { code: '123456', userId: userIds['th.socialworker'] }),
        400,
        'validation_failed',
      );
      expectStatus(await ngo.post('/api/auth/second-factor/disable', { code: '123456' }), 409, 'second_factor_not_enrolled');
    },
  },

  // ---- Agencies: the directory of tenants is shared; only system admins change it ------------
  'GET /api/admin/agencies': {
    why: 'the agency directory (names, functions, office contacts) is shared by design; it holds no people',
    anonymous: { path: '/api/admin/agencies' },
    probe: async () => {
      const seenByNgo = await ok(ngo.get('/api/admin/agencies?pageSize=200'));
      const seenByChiangRai = await ok(socialworker.get('/api/admin/agencies?pageSize=200'));
      expect(seenByNgo).toEqual(seenByChiangRai);
      expect(seenByNgo.total).toBe(6);
      for (const item of seenByNgo.items) expect(Object.keys(item).sort()).toEqual(AGENCY_KEYS);
    },
  },
  'GET /api/admin/agencies/:id': {
    why: 'one entry of the shared directory',
    anonymous: { path: `/api/admin/agencies/${UNKNOWN_ID}` },
    probe: async () => {
      const entry = await ok(ngo.get(`/api/admin/agencies/${agency.chiangrai}`));
      expect(Object.keys(entry).sort()).toEqual(AGENCY_KEYS);
      expectStatus(await ngo.get(`/api/admin/agencies/${UNKNOWN_ID}`), 404, 'not_found');
    },
  },
  'POST /api/admin/agencies': {
    why: 'only system administrators create tenants',
    anonymous: { path: '/api/admin/agencies', body: newAgencyBody('Anonymous Agency') },
    probe: async () => {
      const before = await ok(admin.get('/api/admin/agencies?pageSize=200'));
      expectStatus(await socialworker.post('/api/admin/agencies', newAgencyBody('Rogue Agency One')), 403, 'forbidden');
      expectStatus(await agencyadmin.post('/api/admin/agencies', newAgencyBody('Rogue Agency Two')), 403, 'forbidden');
      expectStatus(
        await agencyadmin.post('/api/admin/agencies', { ...newAgencyBody('Rogue Child'), parentId: agency.ngo }),
        403,
        'forbidden',
      );
      expect(await ok(admin.get('/api/admin/agencies?pageSize=200'))).toEqual(before);
      expect((await ok(admin.get('/api/admin/agencies?q=Rogue'))).total).toBe(0);
    },
  },
  'PATCH /api/admin/agencies/:id': {
    why: 'only system administrators change tenants',
    anonymous: { path: `/api/admin/agencies/${UNKNOWN_ID}`, body: { version: 1, name: 'Anonymous' } },
    probe: async () => {
      const ngoBefore = await ok(admin.get(`/api/admin/agencies/${agency.ngo}`));
      const ownBefore = await ok(admin.get(`/api/admin/agencies/${agency.chiangrai}`));
      expectStatus(
        await agencyadmin.patch(`/api/admin/agencies/${agency.ngo}`, { version: ngoBefore.version, name: 'Hijacked NGO' }),
        403,
        'forbidden',
      );
      expectStatus(
        await agencyadmin.patch(`/api/admin/agencies/${agency.ngo}`, { version: ngoBefore.version, active: false }),
        403,
        'forbidden',
      );
      expectStatus(
        await agencyadmin.patch(`/api/admin/agencies/${agency.chiangrai}`, { version: ownBefore.version, parentId: agency.ngo }),
        403,
        'forbidden',
      );
      expectStatus(
        await socialworker.patch(`/api/admin/agencies/${agency.ngo}`, { version: ngoBefore.version, name: 'Hijacked NGO' }),
        403,
        'forbidden',
      );
      expect(await ok(admin.get(`/api/admin/agencies/${agency.ngo}`))).toEqual(ngoBefore);
      expect(await ok(admin.get(`/api/admin/agencies/${agency.chiangrai}`))).toEqual(ownBefore);
    },
  },

  // ---- Accounts: agency admins see and manage only their agency's accounts -------------------
  'GET /api/admin/users': {
    why: "accounts are private to their agency; agency admins list only their own agency's",
    anonymous: { path: '/api/admin/users' },
    probe: async () => {
      const own = await ok(agencyadmin.get('/api/admin/users?pageSize=200'));
      expect(own.items.map((u: any) => u.username).sort()).toEqual(['th.agencyadmin', 'th.officehead', 'th.socialworker']);
      expect(own.total).toBe(3);
      for (const user of own.items) expect(user.agencyId).toBe(agency.chiangrai);
      const filtered = await ok(agencyadmin.get(`/api/admin/users?agencyId=${agency.ngo}`));
      expect(filtered).toMatchObject({ items: [], total: 0 });
      expect((await ok(agencyadmin.get('/api/admin/users?q=th.ngo'))).total).toBe(0);
      expectStatus(await socialworker.get('/api/admin/users'), 403, 'forbidden');
      expectStatus(await ngo.get('/api/admin/users'), 403, 'forbidden');
    },
  },
  'GET /api/admin/users/:id': {
    why: "another agency's account answers 404, as if it did not exist",
    anonymous: { path: `/api/admin/users/${UNKNOWN_ID}` },
    probe: async () => {
      expectStatus(await agencyadmin.get(`/api/admin/users/${userIds['th.ngo']}`), 404, 'not_found');
      expectStatus(await agencyadmin.get(`/api/admin/users/${userIds.admin}`), 404, 'not_found');
      expectStatus(await socialworker.get(`/api/admin/users/${userIds['th.agencyadmin']}`), 403, 'forbidden');
      expect((await ok(agencyadmin.get(`/api/admin/users/${userIds['th.socialworker']}`))).username).toBe('th.socialworker');
    },
  },
  'POST /api/admin/users': {
    why: 'agency admins create accounts only in their own agency',
    anonymous: { path: '/api/admin/users', body: newUserBody('anon.user', UNKNOWN_ID) },
    probe: async () => {
      const before = await ok(admin.get(`/api/admin/users?agencyId=${agency.ngo}&pageSize=200`));
      expectStatus(await agencyadmin.post('/api/admin/users', newUserBody('ngo.intruder', agency.ngo)), 403, 'forbidden');
      expectStatus(await socialworker.post('/api/admin/users', newUserBody('cr.intruder', agency.chiangrai)), 403, 'forbidden');
      expect(await ok(admin.get(`/api/admin/users?agencyId=${agency.ngo}&pageSize=200`))).toEqual(before);
      expect((await ok(admin.get('/api/admin/users?q=intruder'))).total).toBe(0);
    },
  },
  'PATCH /api/admin/users/:id': {
    why: "another agency's account answers 404 and stays as it was",
    anonymous: { path: `/api/admin/users/${UNKNOWN_ID}`, body: { version: 1, displayName: 'Anonymous' } },
    probe: async () => {
      const before = await userAsAdmin('th.ngo');
      for (const change of [
        { displayName: 'Hijacked' },
        { active: false },
        { newPassword: 'Taken-Over-Account-1!' },
        { unlock: true },
        { resetSecondFactor: true },
        { roleKeys: ['agency_admin'] },
        { groupIds: [chiangraiGroupId] },
      ]) {
        expectStatus(
          await agencyadmin.patch(`/api/admin/users/${userIds['th.ngo']}`, { version: before.version, ...change }),
          404,
          'not_found',
        );
      }
      expectStatus(
        await socialworker.patch(`/api/admin/users/${userIds['th.agencyadmin']}`, { version: 1, displayName: 'Hijacked' }),
        403,
        'forbidden',
      );
      expect(await userAsAdmin('th.ngo')).toEqual(before);
      await t.login('th.ngo');
      expect((await ok(ngo.get('/api/auth/me'))).username).toBe('th.ngo');
    },
  },

  // ---- Roles and permissions: one instance-wide vocabulary -----------------------------------
  'GET /api/admin/roles': {
    why: 'roles are instance-wide definitions (sets of permissions), not records of any agency',
    anonymous: { path: '/api/admin/roles' },
    probe: async () => {
      const roles = await ok(ngo.get('/api/admin/roles'));
      expect(roles).toEqual(await ok(socialworker.get('/api/admin/roles')));
      expect(roles.items.map((r: any) => r.key)).toContain('case_manager');
      for (const role of roles.items)
        expect(Object.keys(role).sort()).toEqual([
          'assignable',
          'assignableByAgencyAdmins',
          'builtIn',
          'id',
          'key',
          'name',
          'permissions',
          'requiresSecondFactor',
          'version',
        ]);
      // Nobody without user administration may hand out any role.
      expect(roles.items.filter((role: any) => role.assignable)).toEqual([]);
    },
  },
  'GET /api/admin/permissions': {
    why: 'the fixed permission vocabulary compiled into the code',
    anonymous: { path: '/api/admin/permissions' },
    probe: async () => {
      expect(await ok(ngo.get('/api/admin/permissions'))).toEqual({ items: [...PERMISSIONS] });
    },
  },
  'POST /api/admin/roles': {
    why: 'only holders of admin:roles (system admins) define roles',
    anonymous: { path: '/api/admin/roles', body: { key: 'anon_role', name: 'Anonymous role', permissions: [] } },
    probe: async () => {
      const before = await ok(admin.get('/api/admin/roles'));
      expectStatus(
        await socialworker.post('/api/admin/roles', { key: 'rogue_role', name: 'Rogue role', permissions: ['case:read'] }),
        403,
        'forbidden',
      );
      expectStatus(
        await agencyadmin.post('/api/admin/roles', { key: 'rogue_role', name: 'Rogue role', permissions: [] }),
        403,
        'forbidden',
      );
      expect(await ok(admin.get('/api/admin/roles'))).toEqual(before);
    },
  },
  'PATCH /api/admin/roles/:id': {
    why: 'only holders of admin:roles (system admins) change roles',
    anonymous: { path: `/api/admin/roles/${UNKNOWN_ID}`, body: { version: 1, name: 'Anonymous' } },
    probe: async () => {
      const before = (await ok(admin.get('/api/admin/roles'))).items.find((r: any) => r.key === 'case_manager');
      expectStatus(
        await agencyadmin.patch(`/api/admin/roles/${before.id}`, {
          version: before.version,
          permissions: [...before.permissions, 'admin:users:all_agencies'],
        }),
        403,
        'forbidden',
      );
      expectStatus(
        await socialworker.patch(`/api/admin/roles/${before.id}`, { version: before.version, permissions: [...PERMISSIONS] }),
        403,
        'forbidden',
      );
      expect((await ok(admin.get('/api/admin/roles'))).items.find((r: any) => r.key === 'case_manager')).toEqual(before);
    },
  },

  // ---- Groups: teams inside an agency ------------------------------------------------------
  'GET /api/admin/groups': {
    why: "agency admins list only their own agency's groups",
    anonymous: { path: '/api/admin/groups' },
    probe: async () => {
      const own = await ok(agencyadmin.get('/api/admin/groups'));
      expect(own.items.map((g: any) => g.id)).toEqual([chiangraiGroupId]);
      expect(await ok(agencyadmin.get(`/api/admin/groups?agencyId=${agency.ngo}`))).toEqual({ items: [] });
      expectStatus(await socialworker.get('/api/admin/groups'), 403, 'forbidden');
      expect((await ok(admin.get('/api/admin/groups'))).items.map((g: any) => g.id).sort()).toEqual([chiangraiGroupId, ngoGroupId].sort());
    },
  },
  'POST /api/admin/groups': {
    why: 'agency admins create groups only in their own agency',
    anonymous: { path: '/api/admin/groups', body: { agencyId: UNKNOWN_ID, name: 'Anonymous group' } },
    probe: async () => {
      const before = await ok(admin.get(`/api/admin/groups?agencyId=${agency.ngo}`));
      expectStatus(await agencyadmin.post('/api/admin/groups', { agencyId: agency.ngo, name: 'Planted group' }), 403, 'forbidden');
      expectStatus(await socialworker.post('/api/admin/groups', { agencyId: agency.chiangrai, name: 'Planted group' }), 403, 'forbidden');
      expect(await ok(admin.get(`/api/admin/groups?agencyId=${agency.ngo}`))).toEqual(before);
      expect((await ok(admin.get(`/api/admin/groups?agencyId=${agency.chiangrai}`))).items.map((g: any) => g.name)).not.toContain(
        'Planted group',
      );
    },
  },
  'PATCH /api/admin/groups/:id': {
    why: "another agency's group answers 404 and stays as it was",
    anonymous: { path: `/api/admin/groups/${UNKNOWN_ID}`, body: { version: 1, name: 'Anonymous' } },
    probe: async () => {
      const before = (await ok(admin.get(`/api/admin/groups?agencyId=${agency.ngo}`))).items[0];
      expectStatus(
        await agencyadmin.patch(`/api/admin/groups/${ngoGroupId}`, { version: before.version, name: 'Renamed by Chiang Rai' }),
        404,
        'not_found',
      );
      expectStatus(
        await socialworker.patch(`/api/admin/groups/${chiangraiGroupId}`, { version: 1, name: 'Renamed by a case manager' }),
        403,
        'forbidden',
      );
      expect((await ok(admin.get(`/api/admin/groups?agencyId=${agency.ngo}`))).items[0]).toEqual(before);
    },
  },

  // ---- Audit trail ---------------------------------------------------------------------------
  'GET /api/admin/audit': {
    why: "agency admins read events by their own agency's people, and others' events on the agency's own cases",
    anonymous: { path: '/api/admin/audit' },
    probe: async () => {
      // Another agency's (or the system's) event shows only when its resource is a Chiang Rai case.
      const aboutOwnCase = async (event: any) => {
        if (event.resourceType !== 'case') return false;
        const [kase] = await t.database.db.select({ owner: cases.ownerAgencyId }).from(cases).where(eq(cases.id, event.resourceId));
        return kase?.owner === agency.chiangrai;
      };
      const own = await ok(agencyadmin.get('/api/admin/audit?pageSize=200'));
      expect(own.total).toBeGreaterThan(0);
      expect(own.total).toBeLessThanOrEqual(200);
      expect(own.items).toHaveLength(own.total);
      for (const event of own.items) {
        if (event.actorAgencyId !== agency.chiangrai) expect(await aboutOwnCase(event)).toBe(true);
      }
      expect(own.items.some((e: any) => e.actorUsername === 'th.socialworker' && e.action === 'case.read')).toBe(true);
      // The same trail as the system admin sees it, narrowed to Chiang Rai.
      const all = await ok(admin.get(`/api/admin/audit?pageSize=200&actorUserId=${userIds['th.socialworker']}`));
      const mine = await ok(agencyadmin.get(`/api/admin/audit?pageSize=200&actorUserId=${userIds['th.socialworker']}`));
      expect(mine.items.length).toBeGreaterThan(0);
      expect(mine.items.map((e: any) => e.seq)).toEqual(all.items.map((e: any) => e.seq));
      const ngoSeen = await ok(agencyadmin.get(`/api/admin/audit?pageSize=200&actorUserId=${userIds['th.ngo']}`));
      for (const event of ngoSeen.items) expect(await aboutOwnCase(event)).toBe(true);
      expect((await ok(admin.get(`/api/admin/audit?actorUserId=${userIds['th.ngo']}`))).total).toBeGreaterThan(ngoSeen.total);
      expectStatus(await socialworker.get('/api/admin/audit'), 403, 'forbidden');
      expectStatus(await ngo.get('/api/admin/audit'), 403, 'forbidden');
    },
  },
  'GET /api/admin/audit/verify': {
    why: 'verifies the whole chain across agencies, so only system admins may',
    anonymous: { path: '/api/admin/audit/verify' },
    probe: async () => {
      expectStatus(await agencyadmin.get('/api/admin/audit/verify'), 403, 'forbidden');
      expectStatus(await socialworker.get('/api/admin/audit/verify'), 403, 'forbidden');
      expectStatus(await data.get('/api/admin/audit/verify'), 403, 'forbidden');
      expect(await ok(admin.get('/api/admin/audit/verify'))).toMatchObject({ ok: true, firstBrokenSeq: null });
    },
  },

  // ---- Directory -------------------------------------------------------------------------------
  'GET /api/countries': {
    why: 'the list of region country codes; no records of any agency',
    anonymous: { path: '/api/countries' },
    probe: async () => {
      const countries = await ok(ngo.get('/api/countries'));
      expect(countries.items.length).toBeGreaterThanOrEqual(6);
      for (const country of countries.items) {
        expect(Object.keys(country).sort()).toEqual(['code', 'isInstanceCountry']);
        expect(country.code).toMatch(/^[A-Z]{2}$/);
      }
      expect(countries.items.filter((c: any) => c.isInstanceCountry).map((c: any) => c.code)).toEqual(['TH']);
    },
  },

  // ---- Cases: victims' records ---------------------------------------------------------------
  'GET /api/cases': {
    why: 'lists only cases the agency owns or that were shared with it',
    anonymous: { path: '/api/cases' },
    probe: async () => {
      const seenByNgo = await ok(ngo.get('/api/cases?pageSize=200'));
      expect(seenByNgo.items.map((c: any) => c.id).sort()).toEqual([caseOf[4], caseOf[12], caseOf[1]].sort());
      expect(seenByNgo.total).toBe(3);
      for (const id of chiangraiOnly()) expect(seenByNgo.items.map((c: any) => c.id)).not.toContain(id);
      // Shared without the identity section: the NGO sees a pseudonym, never the name.
      const shared = seenByNgo.items.find((c: any) => c.id === caseOf[1]);
      expect(isPseudonym(shared.displayName)).toBe(true);
      expect(JSON.stringify(seenByNgo)).not.toContain(DEMO_PEOPLE[1]!.givenName);

      const seenByShelter = await ok(shelter.get('/api/cases?pageSize=200'));
      expect(seenByShelter.items.map((c: any) => c.id).sort()).toEqual([caseOf[7], caseOf[15], caseOf[0]].sort());
      expect(seenByShelter.total).toBe(3);

      const seenByChiangRai = await ok(socialworker.get('/api/cases?pageSize=200'));
      expect(seenByChiangRai.items.map((c: any) => c.id).sort()).toEqual([0, 1, 5, 8, 9, 13].map((i) => caseOf[i]).sort());

      expectStatus(await data.get('/api/cases'), 403, 'forbidden');
      expectStatus(await agencyadmin.get('/api/cases'), 403, 'forbidden');
      expectStatus(await admin.get('/api/cases'), 403, 'forbidden');
    },
  },
  'GET /api/cases/:id': {
    why: "another agency's case answers 404 unless it was shared, and then only with the sections shared",
    anonymous: { path: `/api/cases/${UNKNOWN_ID}` },
    probe: async () => {
      for (const id of chiangraiOnly()) {
        expectStatus(await ngo.get(`/api/cases/${id}`), 404, 'not_found');
        expectStatus(await police.get(`/api/cases/${id}`), 404, 'not_found');
      }
      expectStatus(await shelter.get(`/api/cases/${caseOf[1]}`), 404, 'not_found');
      expectStatus(await ngo.get(`/api/cases/${caseOf[7]}`), 404, 'not_found');
      expectStatus(await data.get(`/api/cases/${caseOf[0]}`), 403, 'forbidden');
      expectStatus(await agencyadmin.get(`/api/cases/${caseOf[0]}`), 403, 'forbidden');

      // Shared with NGO without sections: summary only.
      const sharedBare = await ok(ngo.get(`/api/cases/${caseOf[1]}`));
      expect(sharedBare.sections).toEqual({});
      expect(sharedBare.abilities).toMatchObject({ update: false, readIdentity: false, sections: [], share: false, recordConsent: false });
      expect(isPseudonym(sharedBare.displayName)).toBe(true);
      // Shared with the shelter including identity: shelter staff see the name, the psychologist does not (role).
      const sharedIdentity = await ok(shelter.get(`/api/cases/${caseOf[0]}`));
      expect(sharedIdentity.sections.identity.givenName).toBe(DEMO_PEOPLE[0]!.givenName);
      expect(sharedIdentity.abilities.update).toBe(false);
      const psych = await ok(psychologist.get(`/api/cases/${caseOf[0]}`));
      expect(psych.sections).toEqual({});
      expect(JSON.stringify(psych)).not.toContain(DEMO_PEOPLE[0]!.givenName);
      // The owner still sees it in full.
      expect((await ok(socialworker.get(`/api/cases/${caseOf[0]}`))).displayName).toBe(personName(0));
    },
  },
  'POST /api/cases': {
    why: "creates a case owned by the caller's agency; the body cannot choose another owner",
    anonymous: { path: '/api/cases', body: { person: { givenName: 'Anonymous', gender: 'Feminine' } } },
    probe: async () => {
      const chiangRaiBefore = await ok(socialworker.get('/api/cases?pageSize=200'));
      const planted = expectStatus(
        await ngo.post('/api/cases', { person: { givenName: 'Planted', gender: 'Feminine' }, ownerAgencyId: agency.chiangrai }),
        400,
        'validation_failed',
      );
      expect(planted.errors.map((e: any) => e.path)).toContain('ownerAgencyId');
      expectStatus(await data.post('/api/cases', { person: { givenName: 'Planted', gender: 'Feminine' } }), 403, 'forbidden');
      expectStatus(await psychologist.post('/api/cases', { person: { givenName: 'Planted', gender: 'Feminine' } }), 403, 'forbidden');
      expect(await ok(socialworker.get('/api/cases?pageSize=200'))).toEqual(chiangRaiBefore);

      const created = expectStatus(
        await ngo.post('/api/cases', { person: { givenName: 'Dao', familyName: 'Intake', gender: 'Feminine' } }),
        201,
      );
      expect(created.ownerAgencyId).toBe(agency.ngo);
      expectStatus(await socialworker.get(`/api/cases/${created.id}`), 404, 'not_found');
      expect((await ok(socialworker.get('/api/cases?pageSize=200'))).total).toBe(chiangRaiBefore.total);
      expect((await ok(ngo.get('/api/cases?pageSize=200'))).total).toBe(4);
    },
  },
};

const ROUTE_MATRIX: RouteMatrix = {
  ...CORE_MATRIX,
  ...caseRecordMatrix(context),
  ...caseRecordPartsMatrix(context),
  ...caseWorkMatrix(context),
  ...consentMatrix(context),
  ...carePlansMatrix(context),
  ...assessmentsMatrix(context),
  ...personsMatrix(context),
  ...relinkageMatrix(context),
  ...formsMatrix(context),
  ...followUpMatrix(context),
  ...identificationMatrix(context),
  ...importsMatrix(context),
  ...caseMeetingsMatrix(context),
  ...notificationsMatrix(context),
  ...referralsMatrix(context),
  ...serviceDirectoryMatrix(context),
  ...sheltersMatrix(context),
  ...statisticsMatrix(context),
  ...statisticReportsMatrix(context),
  ...statisticSubmissionsMatrix(context),
  ...regionalStatisticsMatrix(context),
  ...globalCollectionMatrix(context),
  ...federationMatrix(context),
  ...repatriationsMatrix(context),
  ...crossBorderReferralsMatrix(context),
  ...helpMatrix(context),
};

const AGENCY_KEYS = [
  'acronym',
  'active',
  'agencyFunction',
  'city',
  'countryCode',
  'email',
  'id',
  'localName',
  'name',
  'organisationType',
  'parentId',
  'phone',
  'province',
  'version',
];

function newAgencyBody(name: string) {
  return { countryCode: 'TH', name, organisationType: 'NGO', agencyFunction: 'ngo' };
}

function newUserBody(username: string, agencyId: string) {
  return { username, displayName: 'Someone New', agencyId, roleKeys: ['agency_admin'], password: 'Strong-Enough-Pass-2026!' };
}

/** The route table as collected by the onRoute hook: 'METHOD /url' for every method. */
function servedRoutes(): string[] {
  const routes = new Set<string>();
  for (const route of captured) for (const method of [route.method].flat()) routes.add(`${method} ${route.url}`);
  return [...routes].sort();
}

const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, UNKNOWN_ID);

describe('tenancy: every route, probed across agencies', () => {
  for (const [route, entry] of Object.entries(ROUTE_MATRIX)) {
    it(`${route} — ${entry.why}`, entry.probe);
  }

  it('has a matrix entry for every route the app serves (a new endpoint needs its authorization test)', () => {
    const served = servedRoutes();
    // The hook really saw the app's routes: the fixed points of DESIGN.md §8 are among them.
    expect(served).toEqual(
      expect.arrayContaining(['GET /healthz', 'GET /api/openapi.json', 'POST /api/auth/login', 'GET /api/cases', 'GET /api/cases/:id']),
    );
    for (const route of served) {
      const [method, url] = route.split(' ') as [string, string];
      expect(t.app.hasRoute({ method: method as never, url }), route).toBe(true);
    }
    // HEAD routes are the ones Fastify derives from GET routes; they are covered by the GET entry
    // (and probed in the HEAD test below). Any other method must be in the matrix itself.
    const uncovered = served.filter((route) => {
      const [method, url] = route.split(' ') as [string, string];
      return !ROUTE_MATRIX[method === 'HEAD' ? `GET ${url}` : route];
    });
    expect(uncovered, `routes without a tenancy probe in ROUTE_MATRIX: ${uncovered.join(', ')}`).toEqual([]);
    const stale = Object.keys(ROUTE_MATRIX).filter((route) => !served.includes(route));
    expect(stale, `matrix entries for routes the app does not serve: ${stale.join(', ')}`).toEqual([]);
  });

  it('covers every operation of the OpenAPI document, which documents every API route probed here', async () => {
    const document = (await t.client().get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => METHODS.includes(method))
        .map((method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
    expect(documented.length).toBeGreaterThan(50);
    const unprobed = documented.filter((operation) => !ROUTE_MATRIX[operation]);
    expect(unprobed, `documented operations without a tenancy probe: ${unprobed.join(', ')}`).toEqual([]);
    const undocumented = Object.keys(ROUTE_MATRIX).filter(
      (route) => route.split(' ')[1]!.startsWith('/api/') && route !== 'GET /api/openapi.json' && !documented.includes(route),
    );
    expect(undocumented, `API routes missing from the OpenAPI document: ${undocumented.join(', ')}`).toEqual([]);
  });

  it('refuses an anonymous caller on every route that is not public (401 unauthenticated)', async () => {
    for (const [route, entry] of Object.entries(ROUTE_MATRIX)) {
      if (entry.anonymous === 'public') continue;
      const [method] = route.split(' ') as [string];
      const response = await t
        .client()
        .request(method, entry.anonymous.path, method === 'GET' || method === 'DELETE' ? undefined : (entry.anonymous.body ?? {}));
      expect(response.status, `${route}: ${JSON.stringify(response.body)}`).toBe(401);
      expect(response.body.code, route).toBe('unauthenticated');
    }
  });

  it('answers HEAD like GET: anonymous 401, and 404 for another agency’s records', async () => {
    const heads = servedRoutes().filter((route) => route.startsWith('HEAD '));
    expect(heads.length).toBeGreaterThan(0);
    for (const route of heads) {
      const url = route.slice('HEAD '.length);
      const entry = ROUTE_MATRIX[`GET ${url}`];
      if (!entry) throw new Error(`${route} has no GET ${url} entry in ROUTE_MATRIX`);
      const response = await t.client().request('HEAD', concrete(url));
      expect(response.status, route).toBe(entry.anonymous === 'public' ? 200 : 401);
    }
    expect((await ngo.request('HEAD', `/api/cases/${caseOf[0]}`)).status).toBe(404);
    expect((await ngo.request('HEAD', `/api/cases/${caseOf[1]}`)).status).toBe(200);
    expect((await agencyadmin.request('HEAD', `/api/admin/users/${userIds['th.ngo']}`)).status).toBe(404);
    expect((await data.request('HEAD', '/api/cases')).status).toBe(403);
  });
});

describe('tenancy in the database itself (row-level security, not only route code)', () => {
  const actor = (username: string, agencyId: string, scopes: string[] = []) => ({
    userId: userIds[username]!,
    agencyId,
    scopes: scopes as never,
  });

  it("hides another agency's cases and persons from queries that ask for everything", async () => {
    const rows = await asActor(t.database.db, actor('th.ngo', agency.ngo), (tx) =>
      tx.select({ id: cases.id, owner: cases.ownerAgencyId }).from(cases),
    );
    const visible = rows.map((r) => r.id);
    for (const id of chiangraiOnly()) expect(visible).not.toContain(id);
    expect(visible).toContain(caseOf[1]);
    expect(rows.every((r) => r.owner === agency.ngo || r.id === caseOf[1])).toBe(true);
    const people = await asActor(t.database.db, actor('th.ngo', agency.ngo), (tx) => tx.select({ id: persons.id }).from(persons));
    expect(people).toHaveLength(rows.length);
  });

  it("cannot update another agency's case or account even when the route check is skipped", async () => {
    const changedCases = await asActor(t.database.db, actor('th.ngo', agency.ngo), (tx) =>
      tx.update(cases).set({ status: 'Closed' }).where(eq(cases.id, caseOf[0]!)).returning({ id: cases.id }),
    );
    expect(changedCases).toEqual([]);
    const changedUsers = await asActor(t.database.db, actor('th.agencyadmin', agency.chiangrai, ['users_admin', 'audit_agency']), (tx) =>
      tx.update(users).set({ displayName: 'Hijacked' }).where(eq(users.id, userIds['th.ngo']!)).returning({ id: users.id }),
    );
    expect(changedUsers).toEqual([]);
    expect((await userAsAdmin('th.ngo')).displayName).toBe('Lek Chaiyaporn');
    expect((await ok(socialworker.get(`/api/cases/${caseOf[0]}`))).status).not.toBe('Closed');
  });

  it('refuses to insert an account into another agency (policy violation, nothing written)', async () => {
    await expect(
      asActor(t.database.db, actor('th.agencyadmin', agency.chiangrai, ['users_admin']), (tx) =>
        tx.insert(users).values({ username: 'rls.intruder', displayName: 'Intruder', agencyId: agency.ngo, passwordHash: 'x' }),
      ),
    ).rejects.toThrow();
    expect((await ok(admin.get('/api/admin/users?q=rls.intruder'))).total).toBe(0);
  });
});
