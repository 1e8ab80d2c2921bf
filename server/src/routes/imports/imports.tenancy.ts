import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';
import { asSystem } from '../../db/actorContext.js';
import { cases } from '../../db/schema/index.js';

const CSV = { name: 'cases.csv', type: 'text/csv', bytes: Buffer.from('prs_FirstName,sls_OpenedOn\r\nTenancy,2020-01-01\r\n') };

/** Imports are the data officer's, within her own agency; exports carry only what the caller may take out. */
export function importsMatrix(c: TenancyContext): RouteMatrix {
  const others = () => [c.socialworker, c.agencyadmin, c.ngo, c.shelter, c.police, c.hotline];
  return {
    'POST /api/imports/htcds': {
      why: 'only import:htcds may import, and the cases belong to the importer’s agency',
      anonymous: { path: '/api/imports/htcds?dryRun=true' },
      probe: async () => {
        for (const client of others()) expectStatus(await client.upload('/api/imports/htcds?dryRun=true', CSV), 403, 'forbidden');
        const report = await ok(c.data.upload('/api/imports/htcds?dryRun=true', CSV));
        expect(report).toMatchObject({ state: 'done', rows: 1, imported: 1 });
      },
    },
    'POST /api/imports/:id/import': {
      why: 'only the importer’s agency can import a checked file',
      anonymous: { path: `/api/imports/${UNKNOWN_ID}/import` },
      probe: async () => {
        const [checked] = (await ok(c.data.get('/api/imports'))).items;
        for (const client of others()) expectStatus(await client.post(`/api/imports/${checked.jobId}/import`), 403, 'forbidden');
        expectStatus(await c.data.post(`/api/imports/${UNKNOWN_ID}/import`), 404, 'not_found');
      },
    },
    'GET /api/imports/:id': {
      why: 'an import’s report (file name, rows) is visible to its agency’s importers only',
      anonymous: { path: `/api/imports/${UNKNOWN_ID}` },
      probe: async () => {
        const [job] = (await ok(c.data.get('/api/imports'))).items;
        for (const client of others()) expectStatus(await client.get(`/api/imports/${job.jobId}`), 403, 'forbidden');
        expect((await ok(c.data.get(`/api/imports/${job.jobId}`))).jobId).toBe(job.jobId);
      },
    },
    'GET /api/imports/:id/records': {
      why: 'names of imported records only for the officer who imported them, never for others',
      anonymous: { path: `/api/imports/${UNKNOWN_ID}/records` },
      probe: async () => {
        const [job] = (await ok(c.data.get('/api/imports'))).items;
        for (const client of others()) expectStatus(await client.get(`/api/imports/${job.jobId}/records`), 403, 'forbidden');
        expectStatus(await c.data.get(`/api/imports/${UNKNOWN_ID}/records`), 404, 'not_found');
        expect((await ok(c.data.get(`/api/imports/${job.jobId}/records`))).items).toEqual([]);
      },
    },
    'GET /api/imports': {
      why: 'lists the importer’s own agency’s imports only (row-level security)',
      anonymous: { path: '/api/imports' },
      probe: async () => {
        for (const client of others()) expectStatus(await client.get('/api/imports'), 403, 'forbidden');
      },
    },
    'GET /api/cases/:id/htcds-values': {
      why: 'what an import kept as written is read like her identity: owner or identity share only',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/htcds-values` },
      probe: async () => {
        const shared = c.caseOf[0]!;
        for (const client of [c.ngo, c.police, c.hotline])
          expectStatus(await client.get(`/api/cases/${shared}/htcds-values`), 404, 'not_found');
        expectStatus(await c.socialworker.get(`/api/cases/${UNKNOWN_ID}/htcds-values`), 404, 'not_found');
        expect(await ok(c.socialworker.get(`/api/cases/${shared}/htcds-values`))).toEqual({ items: [], importedAt: null });
        expect((await ok(c.shelter.get(`/api/cases/${shared}/htcds-values`))).items).toEqual([]);
        // The demo case whose partner file said more than our records hold: its office only.
        const imported = c.caseOf[9]!;
        expect((await ok(c.socialworker.get(`/api/cases/${imported}/htcds-values`))).items.length).toBeGreaterThan(0);
        for (const client of [c.ngo, c.shelter, c.police])
          expectStatus(await client.get(`/api/cases/${imported}/htcds-values`), 404, 'not_found');
      },
    },
    'GET /api/exports/htcds': {
      why: 'exports only cases the caller’s agency works on; identities need export:identities',
      anonymous: { path: '/api/exports/htcds?format=csv' },
      probe: async () => {
        for (const client of others()) expectStatus(await client.get('/api/exports/htcds?format=csv'), 403, 'forbidden');
        expectStatus(await c.data.get('/api/exports/htcds?format=csv&identities=true'), 403, 'forbidden');
        const [elsewhere] = await asSystem(c.t.database.db, (tx) =>
          tx.select({ reference: cases.reference }).from(cases).where(eq(cases.id, c.caseOf[0]!)),
        );
        const exported = await c.data.download('/api/exports/htcds?format=csv&layout=plain');
        expect(exported.status).toBe(200);
        expect(exported.bytes.toString('utf8')).not.toContain(elsewhere!.reference);
      },
    },
  };
}
