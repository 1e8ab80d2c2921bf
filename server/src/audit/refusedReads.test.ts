/**
 * Refused reads of names and copies are on record (probe F5): one row each, denied outcome,
 * ids and codes only — never what was searched for.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../test/harness.js';
import { asSystem } from '../db/actorContext.js';
import { rowsOf } from '../db/client.js';

let t: TestApp;
let psychologist: ApiClient; // shelter psychologist: no identity section in her role
let data: ApiClient; // data officer: exports HTCDS without identities
let socialworker: ApiClient; // case manager: no exports

type DeniedRow = { action: string; actor_username: string; resource_type: string; details: Record<string, unknown> };
const deniedOf = async (username: string) =>
  rowsOf<DeniedRow>(
    await asSystem(t.database.db, (tx) =>
      tx.execute(
        sql`select action, actor_username, resource_type, details from audit_events
            where outcome = 'denied' and actor_username = ${username} order by seq`,
      ),
    ),
  );

beforeAll(async () => {
  t = await startTestApp();
  [psychologist, data, socialworker] = await Promise.all([t.login('th.psychologist'), t.login('th.data'), t.login('th.socialworker')]);
});
afterAll(() => t?.close());

describe('refused sensitive reads', () => {
  it('records a refused name search without the name searched for', async () => {
    expectProblem(await psychologist.post('/api/persons/matches', { name: 'Sukanya Pimpa' }), 403, 'forbidden');
    const rows = await deniedOf('th.psychologist');
    expect(rows).toEqual([
      {
        action: 'person.match_search',
        actor_username: 'th.psychologist',
        resource_type: 'person',
        details: { read: 'identity_search', reason: 'identity_section_missing' },
      },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Sukanya|Pimpa/);
  });

  it('records refused exports: identities asked without the permission, and a role without exports', async () => {
    expectProblem(await data.get('/api/exports/htcds?format=csv&identities=true'), 403, 'forbidden');
    expectProblem(await socialworker.get('/api/exports/htcds?format=csv'), 403, 'forbidden');
    expectProblem(
      await socialworker.get(`/api/statistics/global-collection?year=${new Date().getFullYear() - 1}&format=csv`),
      403,
      'forbidden',
    );
    expect((await deniedOf('th.data')).map((row) => [row.action, row.details])).toEqual([
      ['export.created', { read: 'htcds_export', reason: 'identities_not_allowed' }],
    ]);
    expect((await deniedOf('th.socialworker')).map((row) => [row.action, row.details])).toEqual([
      ['export.created', { read: 'htcds_export', reason: 'export_not_allowed' }],
      ['statistics.global_collection_exported', { read: 'global_collection_export', reason: 'export_not_allowed' }],
    ]);
  });

  it('writes nothing denied for an export that is allowed', async () => {
    const allowed = await data.download('/api/exports/htcds?format=csv');
    expect(allowed.status).toBe(200);
    expect((await deniedOf('th.data')).map((row) => row.details.reason)).toEqual(['identities_not_allowed']);
  });
});
