import { randomUUID } from 'node:crypto';
import { type InstanceDocument, PACKET_VERSION, type PacketKind } from '@seamless/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addColleague,
  eventually,
  type FederationPair,
  identifiedCambodianCase,
  startFederationPair,
  thaiToday,
} from '../../../test/federationPair.js';
import { type ApiClient, type ApiResponse, expectProblem } from '../../../test/harness.js';
import { loadInstanceIdentity } from '../../federation/instanceIdentity.js';
import { sealPacket, verifyReceipt } from '../../federation/packets.js';
import { addCalendarDays, localToday } from '../../followUp/schedule.js';

/**
 * A repatriation from Thailand to Cambodia over HTTP, between two running instances that trust
 * each other (issue 12, DESIGN.md §2 step 6): Chiang Rai asks, Cambodia's ministry verifies,
 * assesses, accepts and plans; both sign; Cambodia opens its own case and reports back.
 */

let pair: FederationPair;
let thWorker: ApiClient; // case_manager, Chiang Rai provincial office: owns the demo case
let khWorker: ApiClient; // case_manager + repatriation focal point, MoSVY: Cambodia's receiving agency
const agencies = {} as { chiangrai: string; police: string };

const khToday = () => localToday('KH', new Date());
/** The workflow steps among a repatriation's actions; bilateral meetings are open on both sides while it is live. */
const MEETINGS = ['schedule_meeting', 'record_meeting'];
const steps = (repatriation: { actions: string[] }) => repatriation.actions.filter((action) => !MEETINGS.includes(action)).sort();
const ok = (response: ApiResponse, status = 200) => {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  return response.body;
};

/** The other side's copy, once the packets have brought it to the wanted state. */
const arrives = (client: ApiClient, id: string, check: (repatriation: any) => boolean, what: string, timeoutMs?: number) =>
  eventually(
    async () => {
      const response = await client.get(`/api/repatriations/${id}`);
      return response.status === 200 && check(response.body) ? response.body : undefined;
    },
    what,
    timeoutMs,
  );

const request = (caseId: string, consentId: string, sections = ['identity']) =>
  thWorker.post(`/api/cases/${caseId}/repatriations`, {
    partnerId: pair.thailand.partnerId,
    consentId,
    sections,
    reason: 'She asks to go home to her mother in Battambang.',
  });

const signature = (officerName: string, place: string) => ({
  officerName,
  officerTitle: 'Social welfare officer',
  signedAt: new Date().toISOString(),
  place,
  belongings: 'One bag of clothes, a mobile phone.',
  documents: 'Temporary travel document.',
});

beforeAll(async () => {
  pair = await startFederationPair();
  [thWorker, khWorker] = await Promise.all([pair.thailand.app.login('th.socialworker'), pair.cambodia.app.login('kh.socialworker')]);
  const listed = (await pair.thailand.admin.get('/api/admin/agencies?pageSize=200')).body.items as { id: string; acronym: string }[];
  agencies.chiangrai = listed.find((agency) => agency.acronym === 'PSDHS Chiang Rai')!.id;
  agencies.police = listed.find((agency) => agency.acronym === 'ATPD')!.id;
});

afterAll(() => pair?.close());

/** The demo's woman ready to go home: identified in Thailand, consenting to Cambodia with identity and family. */
async function demoReadyCase() {
  const cases = ok(await thWorker.get('/api/cases?pageSize=100')).items as { id: string; reference: string; traffickingStatus: string }[];
  for (const kase of cases.filter((item) => item.traffickingStatus === 'Identified')) {
    const consents = ok(await thWorker.get(`/api/cases/${kase.id}/consents`)).items as any[];
    const consent = consents.find((item) => item.purpose === 'repatriation' && item.countries.includes('KH') && item.active);
    if (consent) return { ...kase, consentId: consent.id as string, sections: consent.sections as string[] };
  }
  throw new Error('the demo has no case ready to repatriate to Cambodia');
}

describe('a repatriation from Thailand to Cambodia', () => {
  let sent: any;
  let demo: Awaited<ReturnType<typeof demoReadyCase>>;
  let khCaseId: string;

  it('Chiang Rai asks Cambodia to take her home, and the request lands in the ministry queue', async () => {
    demo = await demoReadyCase();
    expect(demo.sections).toEqual(expect.arrayContaining(['identity', 'family']));
    const partners = ok(await thWorker.get('/api/federation/partners')).items;
    expect(partners).toEqual([{ id: pair.thailand.partnerId, name: 'Seamless Cambodia', country: 'KH' }]);

    sent = ok(await request(demo.id, demo.consentId, ['identity', 'family']), 201);
    expect(sent).toMatchObject({
      side: 'sending',
      status: 'requested',
      caseId: demo.id,
      sendingCaseReference: demo.reference,
      partner: { id: pair.thailand.partnerId, country: 'KH' },
      consent: { id: demo.consentId, purpose: 'repatriation', withdrawn: false },
    });
    expect(sent.actions.sort()).toEqual(['record_meeting', 'schedule_meeting', 'withdraw']);
    expect(sent.person.name).toBe('ចាន់ ស្រីមុំ');
    // A second request of the same case to the same partner while this one runs is refused.
    expectProblem(await request(demo.id, demo.consentId, ['identity', 'family']), 409, 'conflict');
    expect(ok(await thWorker.get(`/api/cases/${demo.id}/repatriations`)).items).toEqual([
      expect.objectContaining({ id: sent.id, side: 'sending', status: 'requested' }),
    ]);

    const queue = await eventually(async () => {
      const items = ok(await khWorker.get('/api/repatriations?side=receiving')).items as any[];
      return items.some((item) => item.id === sent.id) ? items : undefined;
    }, 'the request in the Cambodian queue');
    expect(queue.filter((item) => item.id === sent.id)).toEqual([
      expect.objectContaining({ side: 'receiving', status: 'requested', caseId: null, sendingCaseReference: demo.reference }),
    ]);
    expect(ok(await khWorker.get('/api/repatriations?side=sending')).items).toEqual([]);
    const received = ok(await khWorker.get(`/api/repatriations/${sent.id}`));
    expect(received).toMatchObject({
      side: 'receiving',
      status: 'requested',
      partner: { id: pair.cambodia.partnerId, country: 'TH', name: 'Seamless Thailand' },
      sections: ['identity', 'family'],
      person: { name: 'ចាន់ ស្រីមុំ', otherNames: ['Sreymom Chan'], citizenship: 'KH' },
      identification: { traffickingStatus: 'Identified' },
    });
    expect(steps(received)).toEqual(['verify']);
    const notices = ok(await khWorker.get('/api/notifications?pageSize=50')).items as { kind: string }[];
    expect(notices.map((notice) => notice.kind)).toContain('repatriation_received');
  });

  it('Cambodia verifies, assesses the family, accepts and plans the handover; Thailand follows each step', async () => {
    const moves: [string, object, string][] = [
      [
        'verification',
        { outcome: 'confirmed', method: 'Family book checked by the commune chief.', verifiedOn: khToday() },
        'nationality_verified',
      ],
      [
        'family-assessment',
        { outcome: 'safe_to_return', familyTraced: true, assessedOn: khToday(), summary: 'Her mother and brother welcome her back.' },
        'family_assessed',
      ],
      ['decision', { decision: 'accept', reason: 'Nationality confirmed, family safe.' }, 'accepted'],
      [
        'handover-plan',
        { date: addCalendarDays(khToday(), 7), channel: 'border_liaison', handoverPoint: 'Poipet – Aranyaprathet checkpoint' },
        'handover_planned',
      ],
    ];
    for (const [path, body, status] of moves) {
      const moved = ok(await khWorker.post(`/api/repatriations/${sent.id}/${path}`, body));
      expect(moved.status, path).toBe(status);
      await arrives(thWorker, sent.id, (copy) => copy.status === status, `Thailand at ${status}`);
    }
    const thai = ok(await thWorker.get(`/api/repatriations/${sent.id}`));
    expect(thai).toMatchObject({
      verification: { outcome: 'confirmed', notes: null },
      familyAssessment: { outcome: 'safe_to_return', familyTraced: true },
      decision: { decision: 'accept' },
      plan: { channel: 'border_liaison', handoverPoint: 'Poipet – Aranyaprathet checkpoint', notes: null },
      signatures: { sending: null, receiving: null },
    });
    expect(steps(thai)).toEqual(['sign_handover', 'withdraw']);
    // Each side takes only its own steps.
    expectProblem(await thWorker.post(`/api/repatriations/${sent.id}/decision`, { decision: 'decline', reason: 'x' }), 409, 'conflict');
    expectProblem(await khWorker.post(`/api/repatriations/${sent.id}/withdraw`, { reason: 'x' }), 409, 'conflict');
    const notices = ok(await thWorker.get('/api/notifications?pageSize=50')).items as { kind: string }[];
    expect(notices.map((notice) => notice.kind)).toContain('repatriation_updated');
  });

  it('both sign the handover; Cambodia opens its own case, identified as Thailand identified her', async () => {
    const thaiSigned = ok(
      await thWorker.post(`/api/repatriations/${sent.id}/handover-signature`, signature('Nok Wongsakul', 'Aranyaprathet')),
    );
    expect(thaiSigned).toMatchObject({
      status: 'handover_planned',
      signatures: { sending: { officerName: 'Nok Wongsakul' }, receiving: null },
    });
    expect(steps(thaiSigned)).toEqual(['withdraw']);
    await arrives(
      khWorker,
      sent.id,
      (copy) => copy.signatures.sending?.officerName === 'Nok Wongsakul',
      "Thailand's signature in Cambodia",
    );
    // The plan is fixed once anyone signed.
    expectProblem(
      await khWorker.post(`/api/repatriations/${sent.id}/handover-plan`, { date: khToday(), channel: 'g2g', handoverPoint: 'Phnom Penh' }),
      409,
      'conflict',
    );

    const handedOver = ok(await khWorker.post(`/api/repatriations/${sent.id}/handover-signature`, signature('Sokunthea Chhim', 'Poipet')));
    expect(handedOver).toMatchObject({ status: 'handed_over', caseId: null });
    expect(steps(handedOver)).toEqual(['open_case']);
    await arrives(thWorker, sent.id, (copy) => copy.status === 'handed_over', 'Thailand at handed_over');

    const opened = ok(await khWorker.post(`/api/repatriations/${sent.id}/open-case`, { reverified: false }));
    expect(opened.caseId).toEqual(expect.any(String));
    expect(opened.reverified).toBe(false);
    expect(steps(opened)).toEqual(['report_follow_up']);
    khCaseId = opened.caseId;
    expectProblem(await khWorker.post(`/api/repatriations/${sent.id}/open-case`, { reverified: false }), 409, 'conflict');

    const kase = ok(await khWorker.get(`/api/cases/${khCaseId}`));
    expect(kase).toMatchObject({ traffickingStatus: 'Identified', countryCode: 'KH', involvement: 'owner' });
    expect(kase.sections.identity).toMatchObject({ givenName: 'Sreymom', familyName: 'Chan', nameAsWritten: 'ចាន់ ស្រីមុំ' });
    expect(kase.reference.startsWith('KH-')).toBe(true);
  });

  it('Cambodia reports back twice under her follow-up consent, and Thailand reads both reports', async () => {
    const path = `/api/repatriations/${sent.id}/follow-up-reports`;
    const report = (consentId: string, summary: string) => ({ consentId, visitedOn: khToday(), outlook: 'reintegrating', summary });
    const noConsent = expectProblem(await khWorker.post(path, report(randomUUID(), 'x')), 422, 'consent_required');
    expect(noConsent.errors).toEqual([{ path: 'consentId', code: 'no_consent', message: expect.any(String) }]);
    const notThailand = ok(
      await khWorker.post(`/api/cases/${khCaseId}/consents`, {
        purpose: 'follow_up',
        countries: ['VN'],
        givenBy: 'victim',
        givenOn: khToday(),
      }),
      201,
    );
    expect(expectProblem(await khWorker.post(path, report(notThailand.id, 'x')), 422, 'consent_required').errors?.[0]).toMatchObject({
      path: 'consentId',
      code: 'country_not_covered',
    });

    const consent = ok(
      await khWorker.post(`/api/cases/${khCaseId}/consents`, {
        purpose: 'follow_up',
        countries: ['TH'],
        givenBy: 'victim',
        givenOn: khToday(),
      }),
      201,
    );
    ok(await khWorker.post(path, report(consent.id, 'Back with her mother; enrolled in a sewing course.')));
    const second = ok(
      await khWorker.post(path, { ...report(consent.id, 'Working at a tailor shop in Battambang.'), outlook: 'needs_support' }),
    );
    expect(second.followUpReports).toHaveLength(2);

    const thai = await arrives(thWorker, sent.id, (copy) => copy.followUpReports.length === 2, 'both reports in Thailand');
    expect(thai.followUpReports).toEqual([
      expect.objectContaining({ outlook: 'reintegrating', summary: 'Back with her mother; enrolled in a sewing course.' }),
      expect.objectContaining({ outlook: 'needs_support', summary: 'Working at a tailor shop in Battambang.' }),
    ]);
    expect(thai.status).toBe('handed_over');
    expect(thai.packets.filter((packet: any) => packet.direction === 'incoming').map((packet: any) => packet.kind)).toEqual(
      expect.arrayContaining([
        'verification_result',
        'family_assessment',
        'repatriation_decision',
        'handover_plan',
        'handover_record',
        'follow_up_report',
      ]),
    );
  });

  it('when she withdraws her consent in Thailand after the handover, Cambodia can report back no more', async () => {
    const withdrawn = ok(
      await thWorker.post(`/api/cases/${demo.id}/consents/${demo.consentId}/withdraw`, {
        reason: 'She no longer wants Thailand to hear of her.',
      }),
    );
    expect(withdrawn.withdrawnAt).not.toBeNull();
    const thai = ok(await thWorker.get(`/api/repatriations/${sent.id}`));
    expect(thai).toMatchObject({ status: 'handed_over', consent: { withdrawn: true } });
    const cambodian = await arrives(khWorker, sent.id, (copy) => copy.consent.withdrawn, 'the withdrawal in Cambodia', 10_000);
    expect(cambodian.status).toBe('handed_over');
    expect(cambodian.actions).toEqual([]);
    const consent = (ok(await khWorker.get(`/api/cases/${khCaseId}/consents`)).items as any[]).find(
      (item) => item.purpose === 'follow_up' && item.countries.includes('TH'),
    );
    expectProblem(
      await khWorker.post(`/api/repatriations/${sent.id}/follow-up-reports`, {
        consentId: consent.id,
        visitedOn: khToday(),
        outlook: 'reintegrating',
        summary: 'Should not travel.',
      }),
      409,
      'conflict',
    );
    expect(ok(await thWorker.get(`/api/repatriations/${sent.id}`)).followUpReports).toHaveLength(2);
  });
});

describe('consent to repatriation', () => {
  it('refuses a request without a repatriation consent naming Cambodia and every section sent (422 consent_required), sending nothing', async () => {
    const kase = await identifiedCambodianCase(thWorker, agencies, { sections: ['identity'], countries: ['KH'] });
    const services = ok(
      await thWorker.post(`/api/cases/${kase.caseId}/consents`, {
        purpose: 'services',
        sections: ['identity', 'family'],
        countries: ['KH'],
        givenBy: 'victim',
        givenOn: thaiToday(),
      }),
      201,
    );
    const laos = ok(
      await thWorker.post(`/api/cases/${kase.caseId}/consents`, {
        purpose: 'repatriation',
        sections: ['identity', 'family'],
        countries: ['LA'],
        givenBy: 'victim',
        givenOn: thaiToday(),
      }),
      201,
    );
    const outgoingBefore = ok(await pair.thailand.admin.get('/api/admin/federation/deliveries?direction=outgoing')).total;
    const refusals: [string, string[], string][] = [
      [randomUUID(), ['identity'], 'no_consent'],
      [services.id, ['identity'], 'purpose_not_covered'],
      [laos.id, ['identity'], 'country_not_covered'],
      [kase.consentId, ['identity', 'family'], 'section_not_covered'],
    ];
    for (const [consentId, sections, code] of refusals) {
      const refused = expectProblem(await request(kase.caseId, consentId, sections), 422, 'consent_required');
      expect(refused.errors, code).toEqual([{ path: 'consentId', code, message: expect.any(String) }]);
    }
    expect(ok(await thWorker.get(`/api/cases/${kase.caseId}/repatriations`)).items).toEqual([]);
    expect(ok(await pair.thailand.admin.get('/api/admin/federation/deliveries?direction=outgoing')).total).toBe(outgoingBefore);
    // A case not yet identified is not repatriated through a partner.
    const potential = ok(await thWorker.get('/api/cases?pageSize=100')).items.find(
      (item: any) => item.traffickingStatus === 'Potential' && item.involvement === 'owner' && item.status === 'Active',
    );
    const early = expectProblem(await request(potential.id, randomUUID()), 422, 'validation_failed');
    expect(early.errors?.map((error) => error.path)).toEqual(['traffickingStatus']);
  });

  it('withdrawing her consent before the handover withdraws the repatriation on both sides', async () => {
    const kase = await identifiedCambodianCase(thWorker, agencies);
    const asked = ok(await request(kase.caseId, kase.consentId), 201);
    await arrives(khWorker, asked.id, (copy) => copy.status === 'requested', 'the request in Cambodia');
    ok(await thWorker.post(`/api/cases/${kase.caseId}/consents/${kase.consentId}/withdraw`, { reason: 'She wants to stay in Thailand.' }));
    expect(ok(await thWorker.get(`/api/repatriations/${asked.id}`))).toMatchObject({
      status: 'withdrawn',
      consent: { withdrawn: true },
      actions: [],
    });
    const cambodian = await arrives(khWorker, asked.id, (copy) => copy.status === 'withdrawn', 'withdrawn in Cambodia', 10_000);
    expect(cambodian).toMatchObject({ consent: { withdrawn: true }, actions: [] });
    expectProblem(
      await khWorker.post(`/api/repatriations/${asked.id}/verification`, { outcome: 'confirmed', method: 'x', verifiedOn: khToday() }),
      409,
      'conflict',
    );
  });
});

describe('who may see and move a repatriation', () => {
  let sent: { id: string; caseId: string; consentId: string };

  beforeAll(async () => {
    const kase = await identifiedCambodianCase(thWorker, agencies);
    const asked = ok(await request(kase.caseId, kase.consentId), 201);
    sent = { id: asked.id, caseId: kase.caseId, consentId: kase.consentId };
    await arrives(khWorker, sent.id, (copy) => copy.status === 'requested', 'the request in Cambodia');
  });

  it('refuses Thai users outside Chiang Rai or without the repatriation role: they can neither ask nor read', async () => {
    for (const username of ['th.ngo', 'th.police', 'th.data']) {
      const client = await pair.thailand.app.login(username);
      const asked = await client.post(`/api/cases/${sent.caseId}/repatriations`, {
        partnerId: pair.thailand.partnerId,
        consentId: sent.consentId,
        sections: ['identity'],
        reason: 'x',
      });
      expect([403, 404], `${username} asks: ${asked.status}`).toContain(asked.status);
      const read = await client.get(`/api/repatriations/${sent.id}`);
      expect([403, 404], `${username} reads: ${read.status}`).toContain(read.status);
      const listed = await client.get('/api/repatriations');
      if (listed.status === 200) expect(listed.body.items, username).toEqual([]);
      else expect(listed.status, username).toBe(403);
      const ofCase = await client.get(`/api/cases/${sent.caseId}/repatriations`);
      expect([403, 404], `${username} lists the case's: ${ofCase.status}`).toContain(ofCase.status);
      const withdrawn = await client.post(`/api/repatriations/${sent.id}/withdraw`, { reason: 'x' });
      expect([403, 404], `${username} withdraws: ${withdrawn.status}`).toContain(withdrawn.status);
    }
    expect(ok(await thWorker.get(`/api/repatriations/${sent.id}`)).status).toBe('requested');
  });

  it('shows the request only to the receiving agency in Cambodia', async () => {
    const dosvy = (ok(await pair.cambodia.admin.get('/api/admin/agencies?pageSize=200')).items as any[]).find(
      (agency) => agency.acronym === 'DoSVY Banteay Meanchey',
    );
    const province = await addColleague(pair.cambodia.app, pair.cambodia.admin, 'kh.province', dosvy.id, [
      'case_manager',
      'repatriation_focal_point',
    ]);
    expect(ok(await province.get('/api/repatriations?side=receiving')).items).toEqual([]);
    expect((await province.get(`/api/repatriations/${sent.id}`)).status).toBe(404);
    expect(
      (await province.post(`/api/repatriations/${sent.id}/verification`, { outcome: 'confirmed', method: 'x', verifiedOn: khToday() }))
        .status,
    ).toBe(404);
    const police = await pair.cambodia.app.login('kh.police');
    expect((await police.get('/api/repatriations?side=receiving')).status).toBe(403);
    expect((await police.get(`/api/repatriations/${sent.id}`)).status).toBe(403);
    expect(ok(await khWorker.get(`/api/repatriations/${sent.id}`)).status).toBe('requested');
  });

  it('keeps the federation admin endpoints from a social worker (403)', async () => {
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/admin/federation'],
      ['GET', '/api/admin/federation/deliveries?direction=outgoing'],
      ['GET', '/api/admin/federation/rejections'],
      [
        'POST',
        '/api/admin/federation/partners',
        {
          documentUrl: `${pair.cambodia.app.baseUrl}/api/federation/identity`,
          confirmedFingerprint: pair.cambodia.document.fingerprint,
          receivingAgencyId: agencies.chiangrai,
        },
      ],
      ['POST', `/api/admin/federation/partners/${pair.thailand.partnerId}/status`, { status: 'suspended', reason: 'x' }],
      ['POST', '/api/admin/federation/import', { content: 'a.b.c' }],
    ];
    const [packet] = ok(await pair.thailand.admin.get('/api/admin/federation/deliveries?direction=outgoing')).items;
    calls.push(
      ['GET', `/api/admin/federation/deliveries/${packet.packetId}/file`],
      ['POST', `/api/admin/federation/deliveries/${packet.packetId}/retry`, {}],
    );
    for (const [method, path, body] of calls) {
      expectProblem(await thWorker.request(method, path, body), 403, 'forbidden');
    }
    const partner = ok(await pair.thailand.admin.get('/api/admin/federation')).partners[0];
    expect(partner).toMatchObject({ id: pair.thailand.partnerId, status: 'active' });
  });

  it('answers garbage at the inbox with a 4xx problem document, never a 500, and records the rejections', async () => {
    const inbox = `${pair.cambodia.app.baseUrl}/api/federation/inbox`;
    const post = async (body: string, contentType = 'application/json') => {
      const response = await fetch(inbox, { method: 'POST', headers: { 'content-type': contentType }, body });
      return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.json().catch(() => null) };
    };
    const garbage = [
      '{}',
      '[]',
      'null',
      'not json',
      JSON.stringify({ packet: 12 }),
      JSON.stringify({ packet: '' }),
      JSON.stringify({ packet: 'x', extra: true }),
      JSON.stringify({ packet: 'garbage' }),
      JSON.stringify({ packet: 'a.b.c' }),
      JSON.stringify({ packet: 'a.b.c.d.e' }),
      JSON.stringify({ packet: 'eyJhbGciOiJub25lIn0.e30.e30.e30.e30' }),
      JSON.stringify({ packet: '.....' }),
      JSON.stringify({ packet: `${'A'.repeat(5000)}.${'B'.repeat(5000)}.C.D.E` }),
    ];
    for (const body of garbage) {
      const answer = await post(body);
      expect(answer.status, body.slice(0, 60)).toBeGreaterThanOrEqual(400);
      expect(answer.status, body.slice(0, 60)).toBeLessThan(500);
      expect(answer.type, body.slice(0, 60)).toContain('application/problem+json');
    }
    const wrongType = await post('packet=x', 'application/x-www-form-urlencoded');
    expect(wrongType.status).toBeGreaterThanOrEqual(400);
    expect(wrongType.status).toBeLessThan(500);

    const malformed = await post(JSON.stringify({ packet: 'garbage' }));
    expect(malformed).toMatchObject({ status: 400, body: { code: 'packet_rejected', errors: [{ path: 'packet', code: 'malformed' }] } });
    const undecryptable = await post(JSON.stringify({ packet: 'a.b.c.d.e' }));
    expect(undecryptable.body).toMatchObject({ code: 'packet_rejected', errors: [{ path: 'packet', code: 'undecryptable' }] });
    const rejections = ok(await pair.cambodia.admin.get('/api/admin/federation/rejections')).items as any[];
    expect(rejections.map((item) => item.reason)).toEqual(expect.arrayContaining(['malformed', 'undecryptable']));
    expect(rejections.every((item) => item.partner === null)).toBe(true);
    expect(ok(await khWorker.get('/api/repatriations?side=receiving')).items.map((item: any) => item.id)).toContain(sent.id);
  });

  it('registers a partner only when the confirmed fingerprint is its keys', async () => {
    const identity = await fetch(`${pair.cambodia.app.baseUrl}/api/federation/identity`);
    expect(identity.status).toBe(200);
    const document = (await identity.json()) as InstanceDocument;
    expect(document).toEqual(pair.cambodia.document);
    const wrong = document.fingerprint.replace(/^[0-9A-F]/, (digit: string) => (digit === '0' ? '1' : '0'));
    const refused = expectProblem(
      await pair.thailand.admin.post('/api/admin/federation/partners', {
        document,
        confirmedFingerprint: wrong,
        receivingAgencyId: agencies.chiangrai,
      }),
      422,
      'validation_failed',
    );
    expect(refused.errors?.map((error) => error.path)).toEqual(['confirmedFingerprint']);
    // A document whose fingerprint was rewritten to match another instance's is refused too.
    const forged = { ...document, fingerprint: pair.thailand.document.fingerprint };
    expect(
      (
        await pair.thailand.admin.post('/api/admin/federation/partners', {
          document: forged,
          confirmedFingerprint: forged.fingerprint,
          receivingAgencyId: agencies.chiangrai,
        })
      ).status,
    ).toBe(422);
    expect(ok(await pair.thailand.admin.get('/api/admin/federation')).partners).toHaveLength(1);
  });
});

describe('Cambodia checks again what arrives, whoever signed it', () => {
  /** Packets Thailand's instance signs with its own keys, as a faulty or tampered sender would send them. */
  async function thailandSends() {
    const identity = await loadInstanceIdentity({ dataDir: pair.thailand.app.config.dataDir, country: 'TH' });
    expect(identity.fingerprint).toBe(pair.thailand.document.fingerprint);
    const cambodia = { ...pair.cambodia.document, id: pair.thailand.partnerId, status: 'active' as const };
    return {
      identity,
      cambodia,
      async push(packet: { kind: PacketKind; thread?: string; sequence?: number; consent?: object | null; body: Record<string, unknown> }) {
        const id = randomUUID();
        const now = Date.now();
        const sealed = await sealPacket(identity, cambodia, {
          id,
          version: PACKET_VERSION,
          from: identity.instanceId,
          to: cambodia.instanceId,
          issuedAt: new Date(now).toISOString(),
          expiresAt: new Date(now + 86_400_000).toISOString(),
          thread: packet.thread ?? randomUUID(),
          sequence: packet.sequence ?? 1,
          kind: packet.kind,
          consent: (packet.consent ?? null) as never,
          body: packet.body,
        });
        const answer = await this.resend(sealed);
        expect(answer.packetId).toBe(id);
        return { ...answer, sealed };
      },
      /** The same sealed text again, as a sender whose receipt was lost sends it. */
      async resend(sealed: string) {
        const answer = ok(await pair.cambodia.app.client().post('/api/federation/inbox', { packet: sealed }));
        return { ...answer, receipt: await verifyReceipt(identity, cambodia, answer.receipt) };
      },
    };
  }

  const consent = (overrides: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    purpose: 'repatriation',
    sections: ['identity'],
    countries: ['KH'],
    givenBy: 'victim',
    givenOn: thaiToday(),
    expiresOn: null,
    ...overrides,
  });
  const requestBody = (overrides: Record<string, unknown> = {}) => ({
    sendingCaseReference: 'TH-2026-CRAFT1',
    sections: ['identity'],
    person: { givenName: 'Bopha', familyName: 'Lim', gender: 'Feminine', citizenship: ['KH'] },
    identification: null,
    reason: 'She asks to go home.',
    proposedDate: null,
    ...overrides,
  });

  it('refuses a request whose consent does not cover it, and a step out of its place, applying nothing', async () => {
    const thailand = await thailandSends();
    const queueBefore = ok(await khWorker.get('/api/repatriations?side=receiving')).items.length;
    const refusals: [string, Parameters<typeof thailand.push>[0], string][] = [
      ['no consent', { kind: 'repatriation_request', consent: null, body: requestBody() }, 'consent_not_covering'],
      [
        'another purpose',
        { kind: 'repatriation_request', consent: consent({ purpose: 'services' }), body: requestBody() },
        'consent_not_covering',
      ],
      [
        'another country',
        { kind: 'repatriation_request', consent: consent({ countries: ['LA'] }), body: requestBody() },
        'consent_not_covering',
      ],
      [
        'expired',
        { kind: 'repatriation_request', consent: consent({ expiresOn: addCalendarDays(thaiToday(), -2) }), body: requestBody() },
        'consent_not_covering',
      ],
      [
        'a section beyond the consent',
        { kind: 'repatriation_request', consent: consent(), body: requestBody({ sections: ['identity', 'family'] }) },
        'consent_not_covering',
      ],
      [
        'her contacts without the family section',
        {
          kind: 'repatriation_request',
          consent: consent(),
          body: requestBody({ person: { ...requestBody().person, contacts: [{ kind: 'phone', value: '+855 12 345 678' }] } }),
        },
        'consent_not_covering',
      ],
      ['no reason', { kind: 'repatriation_request', consent: consent(), body: requestBody({ reason: undefined }) }, 'invalid_content'],
      [
        'a step of a thread never opened',
        { kind: 'verification_result', consent: consent(), body: { outcome: 'confirmed', method: 'x', verifiedOn: thaiToday() } },
        'unknown_thread',
      ],
    ];
    for (const [what, packet, refusal] of refusals) {
      const answer = await thailand.push(packet);
      expect(answer.outcome, what).toBe('refused');
      expect(answer.receipt, what).toMatchObject({ outcome: 'refused', refusal });
    }
    expect(ok(await khWorker.get('/api/repatriations?side=receiving')).items).toHaveLength(queueBefore);

    // The same request, covered, is applied: the refusals above were for what they carried.
    const thread = randomUUID();
    const covered = await thailand.push({ kind: 'repatriation_request', thread, consent: consent(), body: requestBody() });
    expect(covered.outcome).toBe('applied');
    expect(ok(await khWorker.get(`/api/repatriations/${thread}`))).toMatchObject({ status: 'requested', person: { name: 'Bopha Lim' } });
    // Thailand may not take Cambodia's steps, nor send another first packet on the thread.
    const verifying = await thailand.push({
      kind: 'verification_result',
      thread,
      sequence: 2,
      consent: consent(),
      body: { outcome: 'confirmed', method: 'x', verifiedOn: thaiToday() },
    });
    expect(verifying.receipt).toMatchObject({ outcome: 'refused', refusal: 'out_of_step' });
    const another = await thailand.push({ kind: 'repatriation_request', thread, sequence: 1, consent: consent(), body: requestBody() });
    expect(another.outcome).toBe('refused');
    expect(ok(await khWorker.get(`/api/repatriations/${thread}`))).toMatchObject({ status: 'requested', verification: null });
  });

  it('repeats its refusal to a refused packet sent again, rather than answering duplicate', async () => {
    const thailand = await thailandSends();
    // A sender whose receipt was lost sends the packet again: a duplicate would settle it as delivered.
    const refused = await thailand.push({ kind: 'repatriation_request', consent: consent({ countries: ['LA'] }), body: requestBody() });
    const again = await thailand.resend(refused.sealed);
    expect(again.receipt).toMatchObject({ packetId: refused.packetId, outcome: 'refused', refusal: 'consent_not_covering' });
  });
});
