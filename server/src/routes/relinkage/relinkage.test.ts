import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { asSystem } from '../../db/actorContext.js';
import { relinkageCandidates } from '../../db/schema/index.js';

/**
 * The re-linkage review queue over HTTP: the job run by a persons administrator, each pair seen by
 * the agencies owning one of its records and named only as the possible-matches panel names
 * persons, decided by them, and closed to everyone else.
 */
let t: TestApp;
let admin: ApiClient;
let socialworker: ApiClient; // case_manager, Chiang Rai office
let ngo: ApiClient; // case_manager, NGO
let hotline: ApiClient; // hotline_operator: no case work to decide
let psychologist: ApiClient; // specialist_psychosocial: no identity section
let data: ApiClient; // data_officer: no case work

type Created = { caseId: string; personId: string };
type Item = {
  id: string;
  likelihood: number;
  reasons: { code: string }[];
  reasonsWithheld: boolean;
  records: { personId: string; pseudonym: string; names: string[]; identityShown: boolean }[];
  status: string;
  mergeId: string | null;
  mergeRequestId: string | null;
};

async function openCase(client: ApiClient, person: Record<string, unknown>): Promise<Created> {
  const response = await client.post('/api/cases', { person: { gender: 'Feminine', ...person }, intake: { channel: 'walk_in' } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { caseId: response.body.id, personId: response.body.personId };
}

const pairOf = (items: Item[], a: string, b: string) =>
  items.find((item) => item.records.some((r) => r.personId === a) && item.records.some((r) => r.personId === b));

async function pending(client: ApiClient): Promise<Item[]> {
  const response = await client.get('/api/persons/relinkage-candidates?pageSize=200');
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.items;
}

/** Asks for a run and waits for the queue's runner to finish it. */
async function relink() {
  const before = (await admin.get('/api/admin/relinkage/runs')).body.items.filter((run: { finishedAt: string | null }) => run.finishedAt);
  expect((await admin.post('/api/admin/relinkage/runs', {})).status).toBe(202);
  for (let waited = 0; waited < 60_000; waited += 200) {
    const runs = (await admin.get('/api/admin/relinkage/runs')).body.items.filter((run: { finishedAt: string | null }) => run.finishedAt);
    if (runs.length > before.length) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the re-linkage run did not finish');
}

// Chiang Rai recorded her three times (a romanisation, a typo, and again); the NGO recorded her in Burmese script.
let own: Created;
let ownAgain: Created;
let ownThird: Created;
let ngoOwn: Created;
const NGO_NAME = 'အေးအေးခိုင်';

beforeAll(async () => {
  t = await startTestApp();
  [admin, socialworker, ngo, hotline, psychologist, data] = await Promise.all([
    t.login('admin'),
    t.login('th.socialworker'),
    t.login('th.ngo'),
    t.login('th.hotline'),
    t.login('th.psychologist'),
    t.login('th.data'),
  ]);
  const document = [{ documentType: 'passport', number: 'MC1234567' }];
  own = await openCase(socialworker, {
    givenName: 'Aye Aye',
    familyName: 'Khine',
    birthDate: '1999-03-14',
    citizenship: ['MM'],
    documents: document,
  });
  ownAgain = await openCase(socialworker, { givenName: 'Aye Aye', familyName: 'Khaing', birthDate: '1999-03-14', citizenship: ['MM'] });
  ownThird = await openCase(socialworker, { givenName: 'Aye Aye', familyName: 'Khine', birthDate: '1999-03-14', citizenship: ['MM'] });
  ngoOwn = await openCase(ngo, { givenName: NGO_NAME, birthDate: '1999-03-14', citizenship: ['MM'], documents: document });
  await relink();
}, 120_000);
afterAll(() => t?.close());

describe('the re-linkage review queue', () => {
  it('shows an owner both of her own records by name, with the reasons in codes', async () => {
    const pair = pairOf(await pending(socialworker), own.personId, ownAgain.personId);
    expect(pair).toBeDefined();
    expect(pair!.likelihood).toBeGreaterThan(0.5);
    expect(pair!.reasonsWithheld).toBe(false);
    expect(pair!.reasons.map((reason) => reason.code)).toEqual(expect.arrayContaining(['birth_date_same', 'citizenship_same']));
    expect(pair!.records.every((record) => record.identityShown)).toBe(true);
    expect(pair!.records.flatMap((record) => record.names)).toEqual(expect.arrayContaining(['Aye Aye Khine', 'Aye Aye Khaing']));
  });

  it("keeps a pair with another agency's record out of each side's queue: it would say who holds a passport one cannot see", async () => {
    const mine = await pending(socialworker);
    expect(pairOf(mine, own.personId, ownAgain.personId)).toBeDefined();
    expect(pairOf(mine, own.personId, ngoOwn.personId)).toBeUndefined();
    expect(JSON.stringify(mine)).not.toContain(ngoOwn.personId);
    expect(JSON.stringify(mine)).not.toContain(NGO_NAME);

    const ngoView = await pending(ngo);
    expect(pairOf(ngoView, own.personId, ngoOwn.personId)).toBeUndefined();
    expect(pairOf(ngoView, own.personId, ownAgain.personId)).toBeUndefined();
    expect(JSON.stringify(ngoView)).not.toMatch(/Khine|Khaing/);
    expect(JSON.stringify(ngoView)).not.toContain(own.personId);

    // The job found the pair: it waits in the table, and neither owner can decide it without seeing both.
    const queued = await asSystem(t.database.db, (tx) =>
      tx.select().from(relinkageCandidates).where(eq(relinkageCandidates.status, 'pending')),
    );
    const crossAgency = queued.find(
      (row) => [row.personLow, row.personHigh].sort().join() === [own.personId, ngoOwn.personId].sort().join(),
    );
    expect(crossAgency).toBeDefined();
    for (const client of [socialworker, ngo]) {
      expectProblem(
        await client.post(`/api/persons/relinkage-candidates/${crossAgency!.id}/decision`, { decision: 'same_person' }),
        404,
        'not_found',
      );
    }
  });

  it('is closed to agencies owning neither record, roles without case work and users without identity', async () => {
    const ownPair = pairOf(await pending(socialworker), own.personId, ownAgain.personId)!;
    expectProblem(
      await ngo.post(`/api/persons/relinkage-candidates/${ownPair.id}/decision`, { decision: 'not_same_person' }),
      404,
      'not_found',
    );
    expectProblem(await hotline.get('/api/persons/relinkage-candidates'), 403, 'forbidden');
    for (const client of [psychologist, data, hotline]) {
      expectProblem(await client.get('/api/persons/relinkage-candidates'), 403, 'forbidden');
      expectProblem(
        await client.post(`/api/persons/relinkage-candidates/${ownPair.id}/decision`, { decision: 'not_same_person' }),
        403,
        'forbidden',
      );
    }
    for (const client of [socialworker, ngo, hotline]) {
      expectProblem(await client.post('/api/admin/relinkage/runs', {}), 403, 'forbidden');
      expectProblem(await client.get('/api/admin/relinkage/runs'), 403, 'forbidden');
    }
    expect(pairOf(await pending(socialworker), own.personId, ownAgain.personId)!.status).toBe('pending');
  });

  it('refuses a decision it does not know, naming the field', async () => {
    const ownPair = pairOf(await pending(socialworker), own.personId, ownAgain.personId)!;
    const bad = await socialworker.post(`/api/persons/relinkage-candidates/${ownPair.id}/decision`, { decision: 'maybe' });
    expectProblem(bad, 400, 'validation_failed');
    expect(JSON.stringify(bad.body)).toContain('decision');
    expectProblem(
      await socialworker.post('/api/persons/relinkage-candidates/not-an-id/decision', { decision: 'same_person' }),
      400,
      'validation_failed',
    );
  });

  it('refuses a run request carrying anything, naming the field, and starts no run', async () => {
    const before = (await admin.get('/api/admin/relinkage/runs')).body.items.length;
    const bad = await admin.post('/api/admin/relinkage/runs', { keysVersion: 1 });
    expectProblem(bad, 400, 'validation_failed');
    expect(JSON.stringify(bad.body)).toContain('keysVersion');
    expect((await admin.get('/api/admin/relinkage/runs')).body.items.length).toBe(before);
  });

  it('starts a run asked for with no body at all, as a script or curl -X POST sends it, for a persons administrator only', async () => {
    expectProblem(await socialworker.request('POST', '/api/admin/relinkage/runs'), 403, 'forbidden');
    const asked = await admin.request('POST', '/api/admin/relinkage/runs');
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    expect(asked.body.jobId).toEqual(expect.any(String));
  });

  it('remembers "not the same person" across runs and merges "the same person" where the owner holds both', async () => {
    const dismissedPair = pairOf(await pending(socialworker), own.personId, ownAgain.personId)!;
    const dismissed = await socialworker.post(`/api/persons/relinkage-candidates/${dismissedPair.id}/decision`, {
      decision: 'not_same_person',
    });
    expect(dismissed.status).toBe(200);
    const samePair = pairOf(await pending(socialworker), own.personId, ownThird.personId)!;
    const merged = await socialworker.post(`/api/persons/relinkage-candidates/${samePair.id}/decision`, { decision: 'same_person' });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.mergeId).toEqual(expect.any(String));
    expectProblem(
      await socialworker.post(`/api/persons/relinkage-candidates/${samePair.id}/decision`, { decision: 'not_same_person' }),
      409,
      'conflict',
    );

    await relink();
    const after = await pending(socialworker);
    expect(pairOf(after, own.personId, ownAgain.personId)).toBeUndefined();
    expect(pairOf(after, own.personId, ownThird.personId)).toBeUndefined();
    const decided = (await socialworker.get('/api/persons/relinkage-candidates?status=not_same_person')).body.items as Item[];
    expect(decided.map((item) => item.id)).toContain(dismissedPair.id);
  }, 120_000);

  it('audits every read and decision without a name', async () => {
    const events = (await admin.get('/api/admin/audit?pageSize=200')).body.items as { action: string; details: unknown }[];
    const reads = events.filter((event) => event.action === 'relinkage.queue_read');
    const decisions = events.filter((event) => event.action === 'relinkage.decide');
    expect(reads.length).toBeGreaterThan(0);
    expect(decisions.length).toBe(2);
    expect(JSON.stringify([...reads, ...decisions])).not.toMatch(/Khine|Khaing|အေး/);
  });
});
