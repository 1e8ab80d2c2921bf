import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  type FederationPair,
  identifiedCambodianCase,
  startFederationPair,
  thaiJourneyAgencies,
  thaiToday,
} from '../../test/federationPair.js';
import { type ApiClient, expectProblem } from '../../test/harness.js';
import { asSystem } from '../db/actorContext.js';
import { repatriations } from '../db/schema/index.js';
import { generateInstanceKeys, InstanceIdentity } from '../federation/instanceIdentity.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

let pair: FederationPair;
let thWorker: ApiClient;
let khWorker: ApiClient;
let agencies: { chiangrai: string; police: string };

beforeAll(async () => {
  pair = await startFederationPair();
  thWorker = await pair.thailand.app.login('th.socialworker');
  khWorker = await pair.cambodia.app.login('kh.socialworker');
  agencies = await thaiJourneyAgencies(pair.thailand.admin);
}, 120_000);

afterAll(async () => {
  await pair?.close();
});

/** Chiang Rai asks Cambodia to take her home, on her repatriation consent, sending who she is. */
const askToRepatriate = (woman: { caseId: string; consentId: string }, reason: string, attachmentIds: string[] = []) =>
  thWorker.post(`/api/cases/${woman.caseId}/repatriations`, {
    partnerId: pair.thailand.partnerId,
    consentId: woman.consentId,
    sections: ['identity'],
    reason,
    attachmentIds,
  });

const upload = async (caseId: string, name: string, section: string) => {
  const uploaded = await thWorker.upload(`/api/cases/${caseId}/attachments`, { name, type: 'application/pdf', bytes: PDF }, { section });
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  return uploaded.body.id as string;
};

describe('files carried with a repatriation request', () => {
  it('go only under a section the consent covers, arrive checked, and become the new case’s files', async () => {
    const woman = await identifiedCambodianCase(thWorker, agencies);
    const identityPaper = await upload(woman.caseId, 'ID card copy.pdf', 'identity');
    const general = await upload(woman.caseId, 'Notes.pdf', 'general');
    const ask = (attachmentIds: string[]) => askToRepatriate(woman, 'She asks to go home to Battambang.', attachmentIds);
    const refused = expectProblem(await ask([identityPaper, general]), 422, 'consent_required');
    expect(refused.errors?.[0]?.path).toBe('attachmentIds');

    const sent = await ask([identityPaper]);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.attachments).toEqual([
      { index: 0, fileName: 'ID card copy.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, section: 'identity' },
    ]);

    const received = await eventually(async () => {
      const response = await khWorker.get(`/api/repatriations/${sent.body.id}`);
      return response.status === 200 ? response.body : undefined;
    }, 'the request in Cambodia');
    expect(received.attachments.map((file: { fileName: string }) => file.fileName)).toEqual(['ID card copy.pdf']);
    const download = await khWorker.download(`/api/repatriations/${sent.body.id}/files/0`);
    expect(download.status).toBe(200);
    expect(download.bytes.equals(PDF)).toBe(true);
    expect(download.headers.get('content-security-policy')).toContain('sandbox');
    expect((await khWorker.download(`/api/repatriations/${sent.body.id}/files/1`)).status).toBe(404);

    // Through to the handover, then Cambodia's own case holds the file under the same section.
    const step = async (client: ApiClient, path: string, body: unknown) => {
      const response = await client.post(`/api/repatriations/${sent.body.id}/${path}`, body);
      expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
    };
    const today = thaiToday();
    await step(khWorker, 'verification', { outcome: 'confirmed', method: 'National ID registry', verifiedOn: today });
    await step(khWorker, 'family-assessment', {
      outcome: 'safe_to_return',
      familyTraced: true,
      assessedOn: today,
      summary: 'Mother and aunt at home.',
    });
    await step(khWorker, 'decision', { decision: 'accept', reason: 'Nationality confirmed, family safe.' });
    await step(khWorker, 'handover-plan', { date: today, channel: 'border_liaison', handoverPoint: 'Poipet international checkpoint' });
    await eventually(
      async () => ((await thWorker.get(`/api/repatriations/${sent.body.id}`)).body.status === 'handover_planned' ? true : undefined),
      'the plan in Thailand',
    );
    const signature = {
      officerName: 'Officer',
      signedAt: new Date().toISOString(),
      place: 'Poipet',
      belongings: 'One bag',
      documents: 'ID card copy',
    };
    await step(thWorker, 'handover-signature', signature);
    await step(khWorker, 'handover-signature', signature);
    await eventually(
      async () => ((await khWorker.get(`/api/repatriations/${sent.body.id}`)).body.status === 'handed_over' ? true : undefined),
      'both signatures in Cambodia',
    );
    await step(khWorker, 'open-case', { reverified: false });
    const opened = (await khWorker.get(`/api/repatriations/${sent.body.id}`)).body;
    const files = (await khWorker.get(`/api/cases/${opened.caseId}/attachments`)).body.items;
    expect(files).toMatchObject([{ fileName: 'ID card copy.pdf', section: 'identity', mediaType: 'application/pdf' }]);
    const again = await khWorker.download(`/api/cases/${opened.caseId}/attachments/${files[0].id}`);
    expect(again.bytes.equals(PDF)).toBe(true);
  }, 120_000);
});

describe('bilateral case meetings', () => {
  it('both sides see the meeting and what was agreed; each side’s own notes stay on its side', async () => {
    const woman = await identifiedCambodianCase(thWorker, agencies);
    const sent = await askToRepatriate(woman, 'She asks to go home.');
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const id = sent.body.id as string;
    const scheduled = await thWorker.post(`/api/repatriations/${id}/meetings`, {
      scheduledFor: '2026-12-10T09:00:00+07:00',
      mode: 'video',
      where: 'https://meet.example.org/th-kh',
      agenda: 'Family tracing in Battambang',
    });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    const meetingId = scheduled.body.meetings[0].id as string;
    const seen = await eventually(async () => {
      const response = await khWorker.get(`/api/repatriations/${id}`);
      return response.body?.meetings?.length ? response.body : undefined;
    }, 'the meeting in Cambodia');
    expect(seen.meetings[0]).toMatchObject({
      id: meetingId,
      proposedBy: 'sending',
      agenda: 'Family tracing in Battambang',
      agreed: null,
      ownNotes: null,
    });

    const noted = await thWorker.post(`/api/repatriations/${id}/meetings/${meetingId}/notes`, { notes: 'Interpreter was late.' });
    expect(noted.body.meetings[0].ownNotes).toBe('Interpreter was late.');
    const minuted = await khWorker.post(`/api/repatriations/${id}/meetings/${meetingId}/minutes`, {
      agreed: 'DoSVY visits the family by Friday.',
    });
    expect(minuted.status, JSON.stringify(minuted.body)).toBe(200);
    const back = await eventually(async () => {
      const response = await thWorker.get(`/api/repatriations/${id}`);
      return response.body.meetings[0].agreed ? response.body : undefined;
    }, 'the minutes in Thailand');
    expect(back.meetings[0]).toMatchObject({
      agreed: { text: 'DoSVY visits the family by Friday.', recordedBy: 'receiving' },
      ownNotes: 'Interpreter was late.',
    });
    expect(JSON.stringify((await khWorker.get(`/api/repatriations/${id}`)).body)).not.toContain('Interpreter was late');
    // Minutes are recorded once; a second record is out of step.
    expect((await thWorker.post(`/api/repatriations/${id}/meetings/${meetingId}/minutes`, { agreed: 'Again' })).status).toBe(409);
  }, 60_000);
});

describe('a consent that lapses before the handover', () => {
  const lapse = async (app: typeof pair.thailand.app, id: string) =>
    asSystem(app.database.db, (tx) =>
      tx
        .update(repatriations)
        .set({ consent: sql`jsonb_set(${repatriations.consent}, '{expiresOn}', to_jsonb((current_date - 1)::text))` })
        .where(eq(repatriations.id, id)),
    );

  it('stops the steps on the side that sees it lapsed, and the other side’s packets are refused there', async () => {
    const woman = await identifiedCambodianCase(thWorker, agencies);
    const sent = await askToRepatriate(woman, 'She asks to go home.');
    const id = sent.body.id as string;
    await eventually(
      async () => ((await khWorker.get(`/api/repatriations/${id}`)).status === 200 ? true : undefined),
      'the request in Cambodia',
    );
    const verification = { outcome: 'confirmed', method: 'National ID registry', verifiedOn: thaiToday() };

    await lapse(pair.thailand.app, id);
    const verified = await khWorker.post(`/api/repatriations/${id}/verification`, verification);
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    const delivery = await eventually(async () => {
      const listed = (await pair.cambodia.admin.get('/api/admin/federation/deliveries?direction=outgoing&pageSize=200')).body.items as {
        threadId: string;
        status: string;
        lastError: string | null;
      }[];
      return listed.find((item) => item.threadId === id && item.status !== 'pending');
    }, 'the verification settled');
    expect(delivery).toMatchObject({ status: 'refused', lastError: 'consent_not_covering' });
    expect((await thWorker.get(`/api/repatriations/${id}`)).body.status).toBe('requested');

    await lapse(pair.cambodia.app, id);
    const refused = expectProblem(
      await khWorker.post(`/api/repatriations/${id}/family-assessment`, {
        outcome: 'safe_to_return',
        familyTraced: true,
        assessedOn: thaiToday(),
        summary: 'Home.',
      }),
      422,
      'consent_required',
    );
    expect(refused.errors?.[0]).toMatchObject({ path: 'consentId', code: 'consent_expired' });
  }, 60_000);
});

describe('a partner no longer trusted', () => {
  it('leaves nothing to do that would have to be sent to it', async () => {
    const woman = await identifiedCambodianCase(thWorker, agencies);
    const sent = await askToRepatriate(woman, 'She asks to go home.');
    expect(sent.body.actions).toContain('withdraw');
    const suspended = await pair.thailand.admin.post(`/api/admin/federation/partners/${pair.thailand.partnerId}/status`, {
      status: 'suspended',
      reason: 'Keys under review.',
    });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect((await thWorker.get(`/api/repatriations/${sent.body.id}`)).body.actions).toEqual([]);
    expectProblem(await thWorker.post(`/api/repatriations/${sent.body.id}/withdraw`, { reason: 'Changed her mind.' }), 409, 'conflict');
    await pair.thailand.admin.post(`/api/admin/federation/partners/${pair.thailand.partnerId}/status`, {
      status: 'active',
      reason: 'Reviewed.',
    });
    expect((await thWorker.get(`/api/repatriations/${sent.body.id}`)).body.actions).toContain('withdraw');
  }, 60_000);
});

describe('what the probe of the running pair found', () => {
  it('cancels what waited to be sent when her consent is withdrawn: the request never reaches the partner', async () => {
    // Thailand's runner stays stopped, so the request is still waiting when she withdraws; no test after this one needs it.
    await pair.thailand.app.app.federation.delivery.stop();
    const woman = await identifiedCambodianCase(thWorker, agencies);
    const sent = await askToRepatriate(woman, 'She asks to go home.');
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const withdrawn = await thWorker.post(`/api/cases/${woman.caseId}/consents/${woman.consentId}/withdraw`, {
      reason: 'She changed her mind.',
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    const outgoing = (await pair.thailand.admin.get('/api/admin/federation/deliveries?direction=outgoing&pageSize=200')).body.items.filter(
      (item: { threadId: string }) => item.threadId === sent.body.id,
    );
    expect(outgoing.map((item: { kind: string; status: string }) => `${item.kind}:${item.status}`).sort()).toEqual([
      'consent_withdrawal:pending',
      'repatriation_request:cancelled',
    ]);
    const request = outgoing.find((item: { kind: string }) => item.kind === 'repatriation_request');
    expectProblem(await pair.thailand.admin.get(`/api/admin/federation/deliveries/${request.packetId}/file`), 409, 'conflict');
    expectProblem(await pair.thailand.admin.post(`/api/admin/federation/deliveries/${request.packetId}/retry`), 409, 'conflict');
  });

  it('refuses a repatriation whose consent does not name the partner’s country, and a partner claiming this country', async () => {
    const woman = await identifiedCambodianCase(thWorker, agencies, { sections: ['identity'], countries: ['LA'] });
    const refused = expectProblem(await askToRepatriate(woman, 'She asks to go home.'), 422, 'consent_required');
    expect(refused.errors?.[0]).toMatchObject({ path: 'consentId', code: 'country_not_covered' });
    const keys = await generateInstanceKeys();
    const twin = (await InstanceIdentity.fromKeys(keys, { country: 'TH', name: 'Another Thailand' })).document('http://127.0.0.1:9');
    const registered = expectProblem(
      await pair.thailand.admin.post('/api/admin/federation/partners', {
        document: twin,
        confirmedFingerprint: twin.fingerprint,
        receivingAgencyId: pair.thailand.receivingAgencyId,
      }),
      422,
      'validation_failed',
    );
    expect(registered.errors?.[0]?.path).toBe('document');
  });

  it('keeps the audit trail readable after a partner’s status changes, saying from what to what', async () => {
    const changed = await pair.cambodia.admin.post(`/api/admin/federation/partners/${pair.cambodia.partnerId}/status`, {
      status: 'suspended',
      reason: 'Review.',
    });
    expect(changed.status).toBe(200);
    await pair.cambodia.admin.post(`/api/admin/federation/partners/${pair.cambodia.partnerId}/status`, {
      status: 'active',
      reason: 'Done.',
    });
    const trail = await pair.cambodia.admin.get('/api/admin/audit?action=federation.partner_status');
    expect(trail.status, JSON.stringify(trail.body)).toBe(200);
    expect(trail.body.items[0].details).toMatchObject({ previousStatus: 'suspended', status: 'active' });
  });
});
