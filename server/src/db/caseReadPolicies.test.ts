import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, shareWithConsent, startTestApp, type TestApp } from '../../test/harness.js';
import { asActor, asSystem } from './actorContext.js';
import { rowsOf } from './client.js';

/**
 * The read policies of cases, persons and victim contexts, which every case read and caseload
 * page runs: each agency that must not see a case's rows is asked for them directly under
 * row-level security, and over HTTP, so a faster rewrite of a policy cannot open them.
 */
let t: TestApp;
let owner: ApiClient;
const case_ = { id: '', personId: '' };
const SECRETS = ['Sunisa', 'MM-557301', '+66 81 555 0144'];

type Seen = { cases: number; persons: number; victimContexts: number };

async function accountOf(username: string) {
  const [row] = rowsOf<{ userId: string; agencyId: string }>(
    await t.database.db.execute(sql`select id as "userId", agency_id as "agencyId" from users where username = ${username}`),
  );
  return row!;
}

/** The rows of the case that row-level security lets the account read, asked for by id. */
async function rowsSeenBy(username: string): Promise<Seen> {
  const { userId, agencyId } = await accountOf(username);
  return asActor(t.database.db, { userId, agencyId, scopes: [] }, async (tx) => {
    const [seen] = rowsOf<Seen>(
      await tx.execute(sql`select
        (select count(*)::int from cases where id = ${case_.id}) as cases,
        (select count(*)::int from persons where id = ${case_.personId}) as persons,
        (select count(*)::int from victim_contexts where case_id = ${case_.id}) as "victimContexts"`),
    );
    return seen!;
  });
}

const NOTHING: Seen = { cases: 0, persons: 0, victimContexts: 0 };
const EVERYTHING: Seen = { cases: 1, persons: 1, victimContexts: 1 };

async function expectHidden(username: string) {
  expect(await rowsSeenBy(username)).toEqual(NOTHING);
  const client = await t.login(username);
  expect((await client.get(`/api/cases/${case_.id}`)).status).toBe(404);
  const listed = await client.get('/api/cases?pageSize=100');
  expect(listed.status).toBe(200);
  expect(JSON.stringify(listed.body)).not.toContain(case_.id);
}

async function consentsOfCase() {
  return (await owner.get(`/api/cases/${case_.id}/consents`)).body.items as { id: string; withdrawnAt: string | null }[];
}

beforeAll(async () => {
  t = await startTestApp();
  owner = await t.login('th.socialworker');
  const created = await owner.post('/api/cases', {
    person: {
      givenName: 'Sunisa',
      familyName: 'Kaewmanee',
      gender: 'Feminine',
      birthDate: '2007-05-02',
      citizenship: ['MM'],
      documents: [{ documentType: 'passport', number: 'MM-557301', issuingCountry: 'MM' }],
      contacts: [{ kind: 'phone', value: '+66 81 555 0144' }],
    },
    intake: { channel: 'hotline_call', urgency: 'urgent', location: 'Mae Sai' },
    victimContext: { exploitationTypes: ['ForcedLabour'] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  Object.assign(case_, { id: created.body.id, personId: created.body.personId });
});
afterAll(() => t.close());

describe('the read policies of a case, its person and its victim context', () => {
  it('let the owner agency read all three', async () => {
    expect(await rowsSeenBy('th.socialworker')).toEqual(EVERYTHING);
  });

  it('show another agency none of them', async () => {
    await expectHidden('th.police');
    await expectHidden('th.ngo');
  });

  it('open a shared case to the agency, but not its identity to a role without the identity section', async () => {
    const { agencyId: shelter } = await accountOf('th.shelter');
    await shareWithConsent(owner, case_.id, shelter, ['identity', 'shelter']);
    expect(await rowsSeenBy('th.shelter')).toEqual(EVERYTHING);
    const staff = (await (await t.login('th.shelter')).get(`/api/cases/${case_.id}`)).body;
    expect(JSON.stringify(staff)).toContain('MM-557301');
    const psychologist = await (await t.login('th.psychologist')).get(`/api/cases/${case_.id}`);
    expect(psychologist.status).toBe(200);
    for (const secret of SECRETS) expect(JSON.stringify(psychologist.body)).not.toContain(secret);
  });

  it('close the case again when the consent behind the share is withdrawn', async () => {
    for (const consent of (await consentsOfCase()).filter((item) => !item.withdrawnAt)) {
      const withdrawn = await owner.post(`/api/cases/${case_.id}/consents/${consent.id}/withdraw`, { reason: 'She asked to stop sharing' });
      expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    }
    await expectHidden('th.shelter');
  });

  it('close the case when the consent behind the share has expired, before any job ends the share', async () => {
    const { agencyId: ngo } = await accountOf('th.ngo');
    await shareWithConsent(owner, case_.id, ngo, ['identity']);
    expect(await rowsSeenBy('th.ngo')).toEqual(EVERYTHING);
    await asSystem(t.database.db, (tx) =>
      tx.execute(sql`update consents set expires_on = current_date - 1 where case_id = ${case_.id} and withdrawn_at is null`),
    );
    await expectHidden('th.ngo');
  });

  it('open a case to emergency access only while it runs', async () => {
    const police = await accountOf('th.police');
    await asSystem(t.database.db, (tx) =>
      tx.execute(sql`insert into break_glass_grants (case_id, user_id, agency_id, reason, expires_at)
        values (${case_.id}, ${police.userId}, ${police.agencyId}, 'Child at risk tonight', now() + interval '1 hour')`),
    );
    expect(await rowsSeenBy('th.police')).toEqual(EVERYTHING);
    await asSystem(t.database.db, (tx) =>
      tx.execute(sql`update break_glass_grants set expires_at = now() - interval '1 minute' where case_id = ${case_.id}`),
    );
    await expectHidden('th.police');
  });
});
