/**
 * The certificate in the language chosen at download, by default the person's: the language she
 * speaks, else her country's, else the case's. The audit says which language and whether it was chosen.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { readPdf } from '../../../test/pdf.js';
import { presumedCase as presumedCaseOf } from '../../../test/presumedCase.js';
import { asSystem } from '../../db/actorContext.js';
import { rowsOf } from '../../db/client.js';
import { CERTIFICATE_MESSAGES } from '../../documents/victimCertificate.js';

let t: TestApp;
let worker: ApiClient; // case manager, Chiang Rai provincial office: owns the cases
let police: ApiClient; // screener at the police: no access to Chiang Rai's cases
let chiangrai: string;
let atpd: string;
/** A Presumed case of a person with these languages and citizenship. */
const presumedCase = async (person: { languages?: string[]; citizenship?: string[] }) =>
  (await presumedCaseOf(t, worker, { chiangrai, atpd }, { givenName: 'Khin', familyName: 'Aye', birthDate: '2001-04-02', ...person })).id;

async function certificateLanguage(caseId: string, query = '') {
  const pdf = await worker.download(`/api/cases/${caseId}/certificate${query}`);
  expect(pdf.status).toBe(200);
  const title = String((await readPdf(pdf.bytes)).info.Title);
  const [audit] = rowsOf<{ details: { locale: string; localeChosen: boolean } }>(
    await asSystem(t.database.db, (tx) =>
      tx.execute(
        sql`select details from audit_events where resource_id = ${caseId} and action = 'case.certificate_issued' order by seq desc limit 1`,
      ),
    ),
  );
  const locale = Object.entries(CERTIFICATE_MESSAGES).find(([, messages]) => title.startsWith(messages.title.Presumed))?.[0];
  return { locale, audit: audit!.details };
}

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.login('admin');
  [worker, police] = await Promise.all([t.login('th.socialworker'), t.login('th.police')]);
  const agencies = (await admin.get('/api/admin/agencies?pageSize=200')).body.items as { id: string; acronym: string }[];
  chiangrai = agencies.find((a) => a.acronym === 'PSDHS Chiang Rai')!.id;
  atpd = agencies.find((a) => a.acronym === 'ATPD')!.id;
});

afterAll(() => t?.close());

describe('the certificate language', () => {
  it('is the language the person speaks unless another is chosen, and the audit records it', async () => {
    const id = await presumedCase({ languages: ['shn', 'my', 'th'], citizenship: ['MM'] });
    expect(await certificateLanguage(id)).toEqual({ locale: 'my', audit: expect.objectContaining({ locale: 'my', localeChosen: false }) });
    expect(await certificateLanguage(id, '?locale=th')).toEqual({
      locale: 'th',
      audit: expect.objectContaining({ locale: 'th', localeChosen: true }),
    });
  });

  it("falls back to the main language of the person's country, then to the case's language", async () => {
    const cambodian = await presumedCase({ languages: ['kxm'], citizenship: ['KH'] });
    expect((await certificateLanguage(cambodian)).locale).toBe('km');
    const stateless = await presumedCase({ citizenship: ['PH'] });
    expect((await certificateLanguage(stateless)).locale).toBe('en');
  });

  it('refuses a language it cannot write, naming the field, and keeps others out', async () => {
    const id = await presumedCase({ languages: ['my'] });
    const problem = expectProblem(await worker.get(`/api/cases/${id}/certificate?locale=xx`), 400, 'validation_failed');
    expect(problem.errors?.map((error) => error.path)).toEqual(['query.locale']);
    const outsider = await police.get(`/api/cases/${id}/certificate?locale=my`);
    expect([403, 404]).toContain(outsider.status);
    const issued = rowsOf(
      await asSystem(t.database.db, (tx) =>
        tx.execute(sql`select 1 from audit_events where resource_id = ${id} and action = 'case.certificate_issued'`),
      ),
    );
    expect(issued).toHaveLength(0);
  });
});
