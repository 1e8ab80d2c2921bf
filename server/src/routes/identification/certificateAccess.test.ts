/**
 * Who may download the victim certificate (probe F3, F5): the agency working on the case, never
 * someone whose only way in is emergency access; every refusal is on record, without a name.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { presumedCase as presumedCaseOf } from '../../../test/presumedCase.js';
import { isoDay } from '../../commands/openCase.js';
import { asSystem } from '../../db/actorContext.js';
import { rowsOf } from '../../db/client.js';

let t: TestApp;
let worker: ApiClient; // case manager, Chiang Rai provincial office: owns the cases
let ngo: ApiClient; // case manager at the NGO: may break the glass, not involved in these cases
let psychologist: ApiClient; // at the shelter: no identity section in her role
let chiangrai: string;
let atpd: string;
let shelter: string;
/** A Presumed case, so a certificate can be issued; Burmese by default (her language). */
const presumedCase = (givenName: string) =>
  presumedCaseOf(
    t,
    worker,
    { chiangrai, atpd },
    {
      givenName,
      familyName: 'Htet',
      birthDate: '2000-02-03',
      languages: ['my'],
      citizenship: ['MM'],
    },
  );

type AuditRow = { action: string; outcome: string; actor_username: string; details: Record<string, unknown> };
const certificateEvents = async (caseId: string) =>
  rowsOf<AuditRow>(
    await asSystem(t.database.db, (tx) =>
      tx.execute(
        sql`select action, outcome, actor_username, details from audit_events
            where resource_id = ${caseId} and action = 'case.certificate_issued' order by seq`,
      ),
    ),
  );

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.login('admin');
  [worker, ngo, psychologist] = await Promise.all([t.login('th.socialworker'), t.login('th.ngo'), t.login('th.psychologist')]);
  const agencies = (await admin.get('/api/admin/agencies?pageSize=200')).body.items as {
    id: string;
    acronym: string;
    agencyFunction: string;
  }[];
  shelter = agencies.find((a) => a.agencyFunction === 'shelter')!.id;
  chiangrai = agencies.find((a) => a.acronym === 'PSDHS Chiang Rai')!.id;
  atpd = agencies.find((a) => a.acronym === 'ATPD')!.id;
});

afterAll(() => t?.close());

describe('the victim certificate under emergency access', () => {
  it('is refused to a break-the-glass holder who reads the name, with the reason, and audited as denied without personal data', async () => {
    const kase = await presumedCase('Thiri');
    const granted = await ngo.post(`/api/cases/${kase.id}/break-glass`, { reason: 'Police report she is at our drop-in centre.' });
    expect(granted.status, JSON.stringify(granted.body)).toBe(201);
    // Emergency access reads what keeps her safe, her name included…
    const seen = await ngo.get(`/api/cases/${kase.id}`);
    expect(seen.body.sections.identity.givenName).toBe('Thiri');
    // …but does not issue an official copy of the certificate.
    const refused = expectProblem(await ngo.get(`/api/cases/${kase.id}/certificate?locale=en`), 403, 'forbidden');
    expect(refused.detail).toMatch(/emergency access/i);

    const events = await certificateEvents(kase.id);
    expect(events).toEqual([
      {
        action: 'case.certificate_issued',
        outcome: 'denied',
        actor_username: 'th.ngo',
        details: { read: 'victim_certificate', caseId: kase.id, reason: 'emergency_access_only' },
      },
    ]);
    expect(JSON.stringify(events)).not.toMatch(/Thiri|Htet|2000-02-03/);
  });

  it('is still issued to the case’s own manager, also while she holds a grant of her own, named with its language', async () => {
    const kase = await presumedCase('Nandar');
    const own = await worker.post(`/api/cases/${kase.id}/break-glass`, { reason: 'Checking the file at night.' });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const pdf = await worker.download(`/api/cases/${kase.id}/certificate`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    // Burmese by default (the language she speaks), and the file says so.
    expect(pdf.headers.get('content-disposition')).toBe(
      `attachment; filename="certificate-${kase.reference}-my.pdf"; filename*=UTF-8''certificate-${kase.reference}-my.pdf`,
    );
    const thai = await worker.download(`/api/cases/${kase.id}/certificate?locale=th`);
    expect(thai.headers.get('content-disposition')).toContain(`filename*=UTF-8''certificate-${kase.reference}-th.pdf`);
    expect((await certificateEvents(kase.id)).map((event) => event.outcome)).toEqual(['success', 'success']);
  });

  it('audits the refusal of a reader whose role holds no identity section', async () => {
    const kase = await presumedCase('Ei');
    const consent = await worker.post(`/api/cases/${kase.id}/consents`, {
      purpose: 'services',
      sections: ['identity', 'care'],
      agencyIds: [shelter],
      countries: [],
      givenBy: 'victim',
      givenOn: isoDay(new Date()),
    });
    expect(consent.status, JSON.stringify(consent.body)).toBe(201);
    const shared = await worker.post(`/api/cases/${kase.id}/shares`, {
      agencyId: shelter,
      consentId: consent.body.id,
      sections: ['identity', 'care'],
    });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    const refused = expectProblem(await psychologist.get(`/api/cases/${kase.id}/certificate`), 403, 'forbidden');
    expect(refused.detail).toMatch(/identity section/);
    expect(await certificateEvents(kase.id)).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        actor_username: 'th.psychologist',
        details: expect.objectContaining({ reason: 'identity_section_missing' }),
      }),
    ]);
  });
});
