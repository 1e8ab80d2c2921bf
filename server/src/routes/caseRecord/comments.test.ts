import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { asActor, asSystem } from '../../db/actorContext.js';
import { rowsOf } from '../../db/client.js';
import { agencyOf, auditEventsOf, closeCase, countRows, demoCaseId, openTestCase, setSharedSections, userIdOf } from './testSupport.js';

let t: TestApp;
let socialworker: ApiClient;
let shelter: ApiClient;
let psychologist: ApiClient;
let ngo: ApiClient;
let hotline: ApiClient;
let data: ApiClient;
let sharedCase: string;
let shelterAgency: string;

beforeAll(async () => {
  t = await startTestApp();
  [socialworker, shelter, psychologist, ngo, hotline, data] = await Promise.all([
    t.login('th.socialworker'),
    t.login('th.shelter'),
    t.login('th.psychologist'),
    t.login('th.ngo'),
    t.login('th.hotline'),
    t.login('th.data'),
  ]);
  sharedCase = await demoCaseId(t, 0);
  shelterAgency = await agencyOf(t, 'th.shelter');
});
afterAll(() => t?.close());

const post = (client: ApiClient, body: unknown) => client.post(`/api/cases/${sharedCase}/comments`, body);

const bodies = async (client: ApiClient, caseId: string) =>
  ((await client.get(`/api/cases/${caseId}/comments?pageSize=200`)).body.items as { body: string }[]).map((comment) => comment.body);

describe('case comments', () => {
  it('adds an encrypted comment that every involved agency reads, with its author and agency', async () => {
    const created = await socialworker.post(`/api/cases/${sharedCase}/comments`, { body: 'Aye Aye asked to call her mother on Sunday.' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      section: 'general',
      body: 'Aye Aye asked to call her mother on Sunday.',
      authorName: 'Nok Wongsakul',
      authorAgencyName: 'Chiang Rai Provincial Office of Social Development and Human Security',
      createdAt: expect.any(String),
    });
    const raw = JSON.stringify(
      rowsOf(await asSystem(t.database.db, (tx) => tx.execute(sql`select body_enc from case_comments where id = ${created.body.id}`))),
    );
    expect(raw).not.toContain('mother');

    // The shelter reads the owner's comment, named through app_user_display_name although the account is another agency's.
    const seen = await shelter.get(`/api/cases/${sharedCase}/comments`);
    expect(seen.status).toBe(200);
    expect(seen.body.items[0]).toEqual(created.body);
    const reply = await shelter.post(`/api/cases/${sharedCase}/comments`, { section: 'general', body: 'She settled in well.' });
    expect(reply.body).toMatchObject({ authorName: 'Mali Srisuk', section: 'general' });

    const timeline = await socialworker.get(`/api/cases/${sharedCase}/timeline`);
    expect(timeline.body.items[0]).toMatchObject({
      kind: 'comment.added',
      section: null,
      actorName: 'Mali Srisuk',
      actorAgencyName: 'Protection and Occupational Development Centre (demo shelter)',
      details: { commentId: reply.body.id },
    });
    expect(JSON.stringify(timeline.body)).not.toContain('settled');
    expect((await auditEventsOf(t, 'case.comment', sharedCase)).map((event) => event.details)).toContainEqual({
      commentId: reply.body.id,
      section: 'general',
    });
  });

  it('lists newest first, a page at a time', async () => {
    const kase = await openTestCase(socialworker);
    for (const body of ['first', 'second', 'third']) {
      expect((await socialworker.post(`/api/cases/${kase.id}/comments`, { body })).status).toBe(201);
    }
    const first = await socialworker.get(`/api/cases/${kase.id}/comments?page=1&pageSize=2`);
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.body.items.map((comment: { body: string }) => comment.body)).toEqual(['third', 'second']);
    const second = await socialworker.get(`/api/cases/${kase.id}/comments?page=2&pageSize=2`);
    expect(second.body.items.map((comment: { body: string }) => comment.body)).toEqual(['first']);
    const wrong = expectProblem(await socialworker.get(`/api/cases/${kase.id}/comments?pageSize=500`), 400, 'validation_failed');
    expect(wrong.errors?.[0]?.path).toBe('query.pageSize');
    expectProblem(await socialworker.get(`/api/cases/${kase.id}/comments?section=medical`), 400, 'validation_failed');
  });

  it('keeps a psychosocial note to those whose role and share open the psychosocial section', async () => {
    // Shared with the shelter for identity and shelter only: the psychologist may not write there yet.
    const refused = expectProblem(
      await psychologist.post(`/api/cases/${sharedCase}/comments`, { section: 'psychosocial', body: 'Nightmares every night.' }),
      403,
      'forbidden',
    );
    expect(refused.errors?.[0]?.path).toBe('section');
    expect(await countRows(t, 'case_comments', sharedCase)).toBe(2);

    await setSharedSections(t, sharedCase, shelterAgency, ['identity', 'shelter', 'psychosocial']);
    const note = await psychologist.post(`/api/cases/${sharedCase}/comments`, { section: 'psychosocial', body: 'Nightmares every night.' });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ section: 'psychosocial', authorName: 'Dr. Ploy Kittisak' });
    expect(await bodies(psychologist, sharedCase)).toContain('Nightmares every night.');
    // Shelter staff share the agency but not the role; the owner's case manager has no psychosocial role either.
    for (const other of [shelter, socialworker]) {
      const list = await other.get(`/api/cases/${sharedCase}/comments?pageSize=200`);
      expect(JSON.stringify(list.body)).not.toContain('Nightmares');
      expect(list.body.total).toBe(2);
      const timeline = await other.get(`/api/cases/${sharedCase}/timeline?pageSize=200`);
      expect(timeline.body.items.map((entry: { details: { commentId?: string } }) => entry.details.commentId)).not.toContain(note.body.id);
    }
    const psychTimeline = await psychologist.get(`/api/cases/${sharedCase}/timeline`);
    expect(psychTimeline.body.items[0]).toMatchObject({
      kind: 'comment.added',
      section: 'psychosocial',
      details: { commentId: note.body.id },
    });

    // The share narrows again: the note disappears from the psychologist's view too.
    await setSharedSections(t, sharedCase, shelterAgency, ['identity', 'shelter']);
    expect(await bodies(psychologist, sharedCase)).not.toContain('Nightmares every night.');
  });

  it('a pseudonym-only agency (no section on the case) reads no note text, by the route nor in the database', async () => {
    await setSharedSections(t, sharedCase, shelterAgency, []);
    try {
      const list = await shelter.get(`/api/cases/${sharedCase}/comments?pageSize=200`);
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ items: [], total: 0 });
      expect(JSON.stringify(list.body)).not.toContain('Aye Aye');
      const refused = expectProblem(await post(shelter, { body: 'Her sister is in Mae Sai.' }), 403, 'forbidden');
      expect(refused.errors?.[0]?.path).toBe('section');
      const shelterUser = await userIdOf(t, 'th.shelter');
      const rows = await asActor(t.database.db, { userId: shelterUser, agencyId: shelterAgency, scopes: [] }, (tx) =>
        tx.execute(sql`select id from case_comments where case_id = ${sharedCase}`),
      );
      expect(rowsOf(rows)).toEqual([]);
      // The owner keeps reading every general note.
      expect(await bodies(socialworker, sharedCase)).toContain('Aye Aye asked to call her mother on Sunday.');
    } finally {
      await setSharedSections(t, sharedCase, shelterAgency, ['identity', 'shelter']);
    }
    expect(await bodies(shelter, sharedCase)).toContain('Aye Aye asked to call her mother on Sunday.');
  });

  it('lets writers into the sections they read and nowhere else', async () => {
    // Shelter staff read identity and shelter on this case; the psychologist neither.
    expect((await shelter.post(`/api/cases/${sharedCase}/comments`, { section: 'shelter', body: 'Room 4.' })).status).toBe(201);
    expectProblem(await shelter.post(`/api/cases/${sharedCase}/comments`, { section: 'medical', body: 'x' }), 403, 'forbidden');
    expectProblem(await psychologist.post(`/api/cases/${sharedCase}/comments`, { section: 'shelter', body: 'x' }), 403, 'forbidden');
    expect(await bodies(psychologist, sharedCase)).not.toContain('Room 4.');
    expect(await bodies(socialworker, sharedCase)).toContain('Room 4.');
  });

  it('refuses bad input, other agencies and roles without case access, writing nothing', async () => {
    const before = await countRows(t, 'case_comments', sharedCase);
    const pathOf = (problem: { errors?: { path: string }[] }) => problem.errors?.[0]?.path;
    expect(pathOf(expectProblem(await post(socialworker, { body: '   ' }), 400, 'validation_failed'))).toBe('body');
    expect(pathOf(expectProblem(await post(socialworker, { body: 'x'.repeat(10_001) }), 400, 'validation_failed'))).toBe('body');
    expect(pathOf(expectProblem(await post(socialworker, { section: 'gossip', body: 'x' }), 400, 'validation_failed'))).toBe('section');
    expect(pathOf(expectProblem(await post(socialworker, { body: 'x', authorUserId: 'someone' }), 400, 'validation_failed'))).toBe(
      'authorUserId',
    );
    expectProblem(await post(ngo, { body: 'x' }), 404, 'not_found');
    expectProblem(await post(hotline, { body: 'x' }), 404, 'not_found');
    expectProblem(await post(data, { body: 'x' }), 403, 'forbidden');
    expectProblem(await ngo.get(`/api/cases/${sharedCase}/comments`), 404, 'not_found');
    expect(await countRows(t, 'case_comments', sharedCase)).toBe(before);

    const closed = await openTestCase(socialworker);
    await closeCase(socialworker, closed.id);
    expectProblem(await socialworker.post(`/api/cases/${closed.id}/comments`, { body: 'late note' }), 409, 'case_closed');
    expect(await countRows(t, 'case_comments', closed.id)).toBe(0);
  });
});
