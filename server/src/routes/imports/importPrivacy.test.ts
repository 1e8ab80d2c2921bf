import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestApp, type TestApp } from '../../../test/harness.js';
import { asSystem } from '../../db/actorContext.js';
import { rowsOf } from '../../db/client.js';

describe('an import report keeps no identity values', () => {
  let app: TestApp;
  let data: ApiClient;

  beforeAll(async () => {
    app = await startTestApp();
    data = await app.login('th.data');
  }, 60_000);
  afterAll(async () => app?.close());

  it('names the row and column of a bad identity cell without repeating it, and repeats a bad picklist value with a suggestion', async () => {
    const csv = [
      'prs_FirstName,prs_Birthdate,prs_MailingCountry,cas_Status',
      'Somchai,born to Somchai Jaidee 1990,Baan Somchai Jaidee,Actve',
    ].join('\r\n');
    const report = await data.upload('/api/imports/htcds?dryRun=true', { name: 'cases.csv', type: 'text/csv', bytes: Buffer.from(csv) });
    expect(report.status).toBe(200);
    const byColumn = new Map(report.body.errors.map((issue: { column: string }) => [issue.column, issue]));
    expect(byColumn.get('prs_Birthdate')).toMatchObject({ row: 2, code: 'not_a_date', params: { value: '…' } });
    expect(byColumn.get('prs_MailingCountry')).toMatchObject({ row: 2, code: 'not_a_country', params: { value: '…' } });
    expect(byColumn.get('cas_Status')).toMatchObject({ row: 2, code: 'unknown_value', params: { value: 'Actve', suggestion: 'Active' } });

    const stored = await asSystem(app.database.db, async (tx) =>
      rowsOf<{ report: string }>(
        await tx.execute(sql`select errors::text || warnings::text as report from htcds_imports where id = ${report.body.jobId}`),
      ),
    );
    for (const text of [JSON.stringify(report.body), stored[0]!.report]) {
      expect(text).not.toContain('Somchai');
      expect(text).not.toContain('Jaidee');
      expect(text).toContain('Actve');
    }
  });

  it('does not repeat the first row as headers when it is no header at all, but a person', async () => {
    const csv = 'Somchai,Jaidee,081 234 5678\r\nNoi,Sukjai,089 765 4321\r\n';
    const report = await data.upload('/api/imports/htcds?dryRun=true', { name: 'list.csv', type: 'text/csv', bytes: Buffer.from(csv) });
    expect(report.body).toMatchObject({ state: 'failed', errors: [{ code: 'no_header' }] });
    expect(report.body.columns).toHaveLength(3);
    const stored = await asSystem(app.database.db, async (tx) =>
      rowsOf<{ report: string }>(
        await tx.execute(
          sql`select errors::text || warnings::text || columns::text as report from htcds_imports where id = ${report.body.jobId}`,
        ),
      ),
    );
    for (const text of [JSON.stringify(report.body), stored[0]!.report]) {
      expect(text).not.toContain('Somchai');
      expect(text).not.toContain('234 5678');
    }
  });
});
