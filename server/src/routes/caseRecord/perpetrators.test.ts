import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { asSystem } from '../../db/actorContext.js';
import { rowsOf } from '../../db/client.js';
import { addRole, agencyOf, auditEventsOf, closeCase, countRows, demoCaseId, openTestCase, setSharedSections } from './testSupport.js';

let t: TestApp;
let socialworker: ApiClient;
let shelter: ApiClient;
let psychologist: ApiClient;
let ngo: ApiClient;
let police: ApiClient;
let sharedCase: string;

beforeAll(async () => {
  t = await startTestApp();
  [socialworker, shelter, psychologist, ngo, police] = await Promise.all([
    t.login('th.socialworker'),
    t.login('th.shelter'),
    t.login('th.psychologist'),
    t.login('th.ngo'),
    t.login('th.police'),
  ]);
  sharedCase = await demoCaseId(t, 0);
});
afterAll(() => t?.close());

const recruiter = {
  roles: ['RecruiterOrIntermediary', 'Transporter'],
  name: 'Ko Htet Aung',
  gender: 'Masculine',
  nationality: 'MM',
  relationship: 'Acquainted',
};

describe('perpetrators', () => {
  it('records a perpetrator by role, with the name encrypted at rest', async () => {
    const created = await socialworker.post(`/api/cases/${sharedCase}/perpetrators`, recruiter);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), ...recruiter });

    const stored = await asSystem(t.database.db, (tx) =>
      tx.execute(sql`select to_jsonb(p) as row from perpetrators p where id = ${created.body.id}`),
    );
    const raw = JSON.stringify(rowsOf(stored));
    expect(raw).toContain('v2:');
    expect(raw).not.toContain('Htet');

    const list = await socialworker.get(`/api/cases/${sharedCase}/perpetrators`);
    expect(list.body.items).toContainEqual(created.body);
    const timeline = await socialworker.get(`/api/cases/${sharedCase}/timeline`);
    expect(timeline.body.items[0]).toMatchObject({
      kind: 'perpetrator.added',
      details: { perpetratorId: created.body.id, roles: recruiter.roles },
    });
    expect(JSON.stringify(timeline.body)).not.toContain('Htet');
    const audited = (await auditEventsOf(t, 'case.update', sharedCase)).map((event) => event.details);
    expect(audited).toContainEqual({ perpetrator: { added: created.body.id, roles: recruiter.roles, named: true } });
    expect(JSON.stringify(audited)).not.toContain('Htet');
  });

  it('shows a partner without the legal section the roles but never the name', async () => {
    await socialworker.post(`/api/cases/${sharedCase}/perpetrators`, { ...recruiter, name: 'Daw Khin Lay' });
    for (const partner of [shelter, psychologist]) {
      const list = await partner.get(`/api/cases/${sharedCase}/perpetrators`);
      expect(list.status).toBe(200);
      expect(list.body.items.length).toBeGreaterThan(0);
      for (const item of list.body.items) {
        expect(Object.keys(item).sort()).toEqual(['gender', 'id', 'nationality', 'relationship', 'roles']);
      }
      expect(JSON.stringify(list.body)).not.toContain('Khin Lay');
    }
    const audited = await auditEventsOf(t, 'case.read', sharedCase);
    expect(audited.filter((event) => event.username === 'th.shelter').map((event) => event.details)).toContainEqual({
      part: 'perpetrators',
      names: false,
    });
  });

  it('shows the name to a partner whose role and share include the legal section', async () => {
    await socialworker.post(`/api/cases/${sharedCase}/perpetrators`, { roles: ['Abuser'], name: 'Somchai Broker' });
    await addRole(t, 'th.psychologist', 'specialist_legal');
    const withoutShare = await psychologist.get(`/api/cases/${sharedCase}/perpetrators`);
    expect(JSON.stringify(withoutShare.body)).not.toContain('Somchai');

    await setSharedSections(t, sharedCase, await agencyOf(t, 'th.shelter'), ['identity', 'shelter', 'legal']);
    const withShare = await psychologist.get(`/api/cases/${sharedCase}/perpetrators`);
    expect(withShare.body.items.map((item: { name?: string }) => item.name)).toContain('Somchai Broker');
    // Shelter staff: same share, but the role has no legal section.
    expect(JSON.stringify((await shelter.get(`/api/cases/${sharedCase}/perpetrators`)).body)).not.toContain('Somchai');
    await setSharedSections(t, sharedCase, await agencyOf(t, 'th.shelter'), ['identity', 'shelter']);
  });

  it('refuses bad input and other agencies, writing nothing', async () => {
    const before = await countRows(t, 'perpetrators', sharedCase);
    const post = (client: ApiClient, body: unknown) => client.post(`/api/cases/${sharedCase}/perpetrators`, body);
    const pathOf = (problem: { errors?: { path: string }[] }) => problem.errors?.[0]?.path;
    expect(pathOf(expectProblem(await post(socialworker, { ...recruiter, roles: [] }), 400, 'validation_failed'))).toBe('roles');
    expect(pathOf(expectProblem(await post(socialworker, { ...recruiter, roles: ['Boss'] }), 400, 'validation_failed'))).toBe('roles.0');
    expect(pathOf(expectProblem(await post(socialworker, { ...recruiter, gender: 'Unknown gender' }), 400, 'validation_failed'))).toBe(
      'gender',
    );
    expect(pathOf(expectProblem(await post(socialworker, { ...recruiter, nationality: 'mm' }), 400, 'validation_failed'))).toBe(
      'nationality',
    );
    expect(pathOf(expectProblem(await post(socialworker, { ...recruiter, name: 'x'.repeat(201) }), 400, 'validation_failed'))).toBe('name');
    expect(pathOf(expectProblem(await post(socialworker, { ...recruiter, caseId: sharedCase }), 400, 'validation_failed'))).toBe('caseId');
    expectProblem(await post(shelter, recruiter), 403, 'forbidden');
    expectProblem(await post(psychologist, recruiter), 403, 'forbidden');
    expectProblem(await post(ngo, recruiter), 404, 'not_found');
    expectProblem(await post(police, recruiter), 404, 'not_found');
    expectProblem(await ngo.get(`/api/cases/${sharedCase}/perpetrators`), 404, 'not_found');
    expect(await countRows(t, 'perpetrators', sharedCase)).toBe(before);
  });

  it('removes a perpetrator of this case only, and only by the owner', async () => {
    const own = await openTestCase(socialworker);
    const created = await socialworker.post(`/api/cases/${sharedCase}/perpetrators`, { roles: ['Smuggler'] });
    expect(created.body.name).toBeNull();
    expectProblem(await socialworker.delete(`/api/cases/${own.id}/perpetrators/${created.body.id}`), 404, 'not_found');
    expectProblem(await shelter.delete(`/api/cases/${sharedCase}/perpetrators/${created.body.id}`), 403, 'forbidden');
    expectProblem(await ngo.delete(`/api/cases/${sharedCase}/perpetrators/${created.body.id}`), 404, 'not_found');
    const ids = async () =>
      (await socialworker.get(`/api/cases/${sharedCase}/perpetrators`)).body.items.map((item: { id: string }) => item.id);
    expect(await ids()).toContain(created.body.id);

    expect((await socialworker.delete(`/api/cases/${sharedCase}/perpetrators/${created.body.id}`)).status).toBe(204);
    expect(await ids()).not.toContain(created.body.id);
    const timeline = await socialworker.get(`/api/cases/${sharedCase}/timeline`);
    expect(timeline.body.items[0]).toMatchObject({ kind: 'perpetrator.removed', details: { perpetratorId: created.body.id } });

    await closeCase(socialworker, own.id);
    expectProblem(await socialworker.post(`/api/cases/${own.id}/perpetrators`, recruiter), 409, 'case_closed');
    expect(await countRows(t, 'perpetrators', own.id)).toBe(0);
  });
});
