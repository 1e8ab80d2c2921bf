import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, demoAgencyIds, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { readPdf, renderPdfPage } from '../../../test/pdf.js';
import { isPseudonym } from '../../../test/tenancy.js';
import { asActor, asSystem } from '../../db/actorContext.js';
import { caseMeetingActions, caseMeetingItemNotes, caseMeetingItems, caseMeetings, caseTasks, users } from '../../db/schema/index.js';
import { demoCaseId, setSharedSections } from '../caseRecord/testSupport.js';

let t: TestApp;
let admin: ApiClient;
let socialworker: ApiClient;
let ngo: ApiClient;
let shelter: ApiClient;
let data: ApiClient;
let agency: Awaited<ReturnType<typeof demoAgencyIds>>;
/** A Chiang Rai case the NGO has no access to, with its romanised name as Chiang Rai reads it. */
let chiangraiOnly: { id: string; reference: string; name: string };
/** A Chiang Rai case shared with the NGO without sections. */
let sharedWithNgo: { id: string; reference: string; name: string };
/** One of the NGO's own cases. */
let ngoCase: { id: string; reference: string };

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const inAWeek = () => daysFromToday(7);
const OUTPUT_DIR = path.join(os.tmpdir(), 'seamless-minutes');

async function download(client: ApiClient, url: string) {
  const response = await fetch(`${client.baseUrl}${url}`, {
    headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '), origin: client.baseUrl },
  });
  return { status: response.status, type: response.headers.get('content-type'), bytes: new Uint8Array(await response.arrayBuffer()) };
}

beforeAll(async () => {
  t = await startTestApp();
  [admin, socialworker, ngo, shelter, data] = await Promise.all([
    t.login('admin'),
    t.login('th.socialworker'),
    t.login('th.ngo'),
    t.login('th.shelter'),
    t.login('th.data'),
  ]);
  agency = await demoAgencyIds(admin);
  const own = (await socialworker.get('/api/cases?pageSize=200')).body.items.filter((c: any) => c.ownerAgencyId === agency.chiangrai);
  const seenByNgo = (await ngo.get('/api/cases?pageSize=200')).body.items;
  const ngoIds = new Set(seenByNgo.map((c: any) => c.id));
  const hidden = own.find((c: any) => !ngoIds.has(c.id));
  const shared = own.find((c: any) => ngoIds.has(c.id));
  chiangraiOnly = { id: hidden.id, reference: hidden.reference, name: hidden.displayName };
  sharedWithNgo = { id: shared.id, reference: shared.reference, name: shared.displayName };
  const ngoOwn = seenByNgo.find((c: any) => c.ownerAgencyId === agency.ngo);
  ngoCase = { id: ngoOwn.id, reference: ngoOwn.reference };
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const meetingBody = () => ({
  title: 'Chiang Rai CMM — reintegration review',
  date: inAWeek(),
  time: '09:30',
  mode: 'hybrid',
  place: 'PSDHS Chiang Rai meeting room 2',
  onlineLink: 'https://meet.example.org/cmm-chiangrai',
  invitedAgencyIds: [agency.ngo, agency.shelter],
});

async function convene() {
  const response = await socialworker.post('/api/meetings', meetingBody());
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

describe('convening a case management meeting', () => {
  it('convenes in the country zone and invites agencies, who see it in their lists', async () => {
    const meeting = await convene();
    expect(meeting).toMatchObject({
      date: inAWeek(),
      time: '09:30',
      timeZone: 'Asia/Bangkok',
      status: 'scheduled',
      abilities: { manage: true },
    });
    // 09:30 in Bangkok (UTC+7) is 02:30 UTC.
    expect(meeting.startsAt).toBe(`${inAWeek()}T02:30:00.000Z`);
    expect(meeting.invitedAgencies.map((a: any) => a.id).sort()).toEqual([agency.ngo, agency.shelter].sort());
    const ngoList = (await ngo.get('/api/meetings?when=upcoming')).body.items;
    expect(ngoList.map((m: any) => m.id)).toContain(meeting.id);
    const ngoView = (await ngo.get(`/api/meetings/${meeting.id}`)).body;
    expect(ngoView.abilities).toEqual({ manage: false, addItems: true });
    expect((await ngo.get('/api/meetings?when=past')).body.items.map((m: any) => m.id)).not.toContain(meeting.id);
  });

  it('roles without meeting:manage cannot convene; roles without case access cannot list', async () => {
    const before = await asSystem(t.database.db, (tx) => tx.select().from(caseMeetings));
    expectProblem(await shelter.post('/api/meetings', meetingBody()), 403, 'forbidden');
    expectProblem(await data.post('/api/meetings', meetingBody()), 403, 'forbidden');
    expectProblem(await data.get('/api/meetings'), 403, 'forbidden');
    const after = await asSystem(t.database.db, (tx) => tx.select().from(caseMeetings));
    expect(after.length).toBe(before.length);
  });

  it('refuses bad input with 4xx problems naming the field, writing nothing', async () => {
    const before = await asSystem(t.database.db, (tx) => tx.select().from(caseMeetings));
    const cases: [Record<string, unknown>, string][] = [
      [{ ...meetingBody(), title: '' }, 'title'],
      [{ ...meetingBody(), time: '25:00' }, 'time'],
      [{ ...meetingBody(), date: '2026-02-30' }, 'date'],
      [{ ...meetingBody(), mode: 'carrier_pigeon' }, 'mode'],
      [{ ...meetingBody(), onlineLink: 'not a link' }, 'onlineLink'],
      // Only web links: a script or file link would run or open wherever the link is rendered.
      [{ ...meetingBody(), onlineLink: 'javascript:alert(1)' }, 'onlineLink'],
      [{ ...meetingBody(), onlineLink: 'JavaScript://meet.example.org/%0aalert(1)' }, 'onlineLink'],
      [{ ...meetingBody(), onlineLink: 'data:text/html,<script>alert(1)</script>' }, 'onlineLink'],
      [{ ...meetingBody(), onlineLink: 'file:///etc/passwd' }, 'onlineLink'],
      // A meeting is held around now: not in 1900, nor decades ahead.
      [{ ...meetingBody(), date: '1900-01-01' }, 'date'],
      [{ ...meetingBody(), date: daysFromToday(-400) }, 'date'],
      [{ ...meetingBody(), date: daysFromToday(3 * 366) }, 'date'],
    ];
    for (const [body, field] of cases) {
      const problem = expectProblem(await socialworker.post('/api/meetings', body), 400, 'validation_failed');
      expect(problem.errors?.map((e) => e.path)).toContain(field);
    }
    const unknownAgency = expectProblem(
      await socialworker.post('/api/meetings', {
        ...meetingBody(),
        invitedAgencyIds: [agency.ngo, '5d0f4a57-0000-4000-8000-000000000000'],
      }),
      422,
      'invalid_reference',
    );
    expect(unknownAgency.errors?.[0]?.path).toBe('invitedAgencyIds.1');
    const chairElsewhere = expectProblem(
      await socialworker.post('/api/meetings', { ...meetingBody(), chairUserId: (await ngo.get('/api/auth/me')).body.id }),
      422,
      'invalid_reference',
    );
    expect(chairElsewhere.errors?.[0]?.path).toBe('chairUserId');
    const after = await asSystem(t.database.db, (tx) => tx.select().from(caseMeetings));
    expect(after.length).toBe(before.length);
  });

  it('keeps to web links and plausible dates when a meeting is changed or followed up, and accepts a plain http link', async () => {
    const meeting = await convene();
    const link = expectProblem(
      await socialworker.patch(`/api/meetings/${meeting.id}`, { version: meeting.version, onlineLink: 'javascript:alert(1)' }),
      400,
      'validation_failed',
    );
    expect(link.errors?.map((e) => e.path)).toContain('onlineLink');
    const date = expectProblem(
      await socialworker.patch(`/api/meetings/${meeting.id}`, { version: meeting.version, date: '1900-01-01' }),
      400,
      'validation_failed',
    );
    expect(date.errors?.map((e) => e.path)).toContain('date');
    const followUp = expectProblem(
      await socialworker.post(`/api/meetings/${meeting.id}/follow-up`, { date: '1900-01-01', time: '10:00' }),
      400,
      'validation_failed',
    );
    expect(followUp.errors?.map((e) => e.path)).toContain('date');
    const unchanged = (await socialworker.get(`/api/meetings/${meeting.id}`)).body;
    expect(unchanged).toMatchObject({ onlineLink: meeting.onlineLink, date: meeting.date, version: meeting.version, nextMeetingId: null });
    const plain = await socialworker.patch(`/api/meetings/${meeting.id}`, {
      version: meeting.version,
      onlineLink: 'http://meet.example.org/room',
      date: daysFromToday(-30),
    });
    expect(plain.status, JSON.stringify(plain.body)).toBe(200);
    expect(plain.body).toMatchObject({ onlineLink: 'http://meet.example.org/room', date: daysFromToday(-30) });
  });
});

describe('need to know on the agenda', () => {
  let meetingId: string;
  const hiddenPurpose = 'Review safe return plan with family in Mae Sai';
  const hiddenDecision = 'Arrange family tracing visit before discharge';
  let hiddenItemId: string;

  beforeAll(async () => {
    meetingId = (await convene()).id;
    expect((await socialworker.post(`/api/meetings/${meetingId}/items`, { caseId: chiangraiOnly.id, purpose: hiddenPurpose })).status).toBe(
      201,
    );
    expect(
      (await socialworker.post(`/api/meetings/${meetingId}/items`, { caseId: sharedWithNgo.id, purpose: 'Vocational training place' }))
        .status,
    ).toBe(201);
    const withNgoItem = await ngo.post(`/api/meetings/${meetingId}/items`, { caseId: ngoCase.id, purpose: 'Start-up kit follow-up' });
    expect(withNgoItem.status, JSON.stringify(withNgoItem.body)).toBe(201);
    const item = (await socialworker.get(`/api/meetings/${meetingId}`)).body.agenda.find(
      (i: any) => i.caseReference === chiangraiOnly.reference,
    );
    hiddenItemId = item.id;
    expect((await socialworker.post(`/api/meetings/${meetingId}/items/${item.id}/decisions`, { text: hiddenDecision })).status).toBe(201);
  });

  it('the convener sees every case with its name, purpose and decisions', async () => {
    const meeting = (await socialworker.get(`/api/meetings/${meetingId}`)).body;
    const item = meeting.agenda.find((i: any) => i.caseReference === chiangraiOnly.reference);
    expect(item).toMatchObject({
      access: 'case',
      caseId: chiangraiOnly.id,
      displayName: chiangraiOnly.name,
      purpose: hiddenPurpose,
      canWrite: true,
    });
    expect(item.decisions.map((d: any) => d.text)).toEqual([hiddenDecision]);
    // Chiang Rai cannot see the NGO's own case: an item exists, nothing more.
    expect(meeting.agenda.filter((i: any) => i.access === 'none')).toMatchObject([
      { access: 'none', caseReference: null, caseAgency: null, displayName: null, purpose: null },
    ]);
    expect(JSON.stringify(meeting)).not.toContain(ngoCase.reference);
  });

  it('an invited agency without access sees that an item exists: neither reference nor owner agency', async () => {
    const meeting = (await ngo.get(`/api/meetings/${meetingId}`)).body;
    const item = meeting.agenda.find((i: any) => i.id === hiddenItemId);
    expect(item).toMatchObject({
      access: 'none',
      caseReference: null,
      caseAgency: null,
      caseId: null,
      displayName: null,
      caseStatus: null,
      purpose: null,
      notes: null,
      decisions: [],
      canWrite: false,
    });
    const text = JSON.stringify(meeting);
    expect(text).not.toContain(chiangraiOnly.reference);
    expect(text).not.toContain(chiangraiOnly.name);
    expect(text).not.toContain(hiddenPurpose);
    expect(text).not.toContain(hiddenDecision);
    expect(text).not.toContain(chiangraiOnly.id);
    // A shared case without the identity section shows the pseudonym, never the name.
    const shared = meeting.agenda.find((i: any) => i.caseReference === sharedWithNgo.reference);
    expect(shared.access).toBe('case');
    expect(isPseudonym(shared.displayName)).toBe(true);
    expect(text).not.toContain(sharedWithNgo.name);
  });

  it('an agency without access cannot write on, or put on the agenda, a case it does not work on', async () => {
    const meeting = (await ngo.get(`/api/meetings/${meetingId}`)).body;
    const item = meeting.agenda.find((i: any) => i.id === hiddenItemId);
    expectProblem(await ngo.post(`/api/meetings/${meetingId}/items/${item.id}/decisions`, { text: 'x' }), 404, 'not_found');
    expectProblem(await ngo.patch(`/api/meetings/${meetingId}/items/${item.id}`, { notes: 'x' }), 404, 'not_found');
    expectProblem(
      await ngo.post(`/api/meetings/${meetingId}/items/${item.id}/actions`, { text: 'x', ownerAgencyId: agency.ngo, dueOn: inAWeek() }),
      404,
      'not_found',
    );
    const problem = expectProblem(
      await ngo.post(`/api/meetings/${meetingId}/items`, { caseId: chiangraiOnly.id, purpose: 'x' }),
      422,
      'invalid_reference',
    );
    expect(problem.errors?.[0]?.path).toBe('caseId');
    expectProblem(await ngo.patch(`/api/meetings/${meetingId}`, { version: meeting.version, title: 'Taken over' }), 403, 'forbidden');
    const after = (await socialworker.get(`/api/meetings/${meetingId}`)).body;
    expect(after.agenda.find((i: any) => i.id === item.id).decisions.map((d: any) => d.text)).toEqual([hiddenDecision]);
    expect(after.title).toBe(meeting.title);
  });

  it('a pseudonym-only agency cannot put the case on an agenda nor write on it; a third agency sees nothing of it', async () => {
    // The NGO sees the shared Chiang Rai case by pseudonym only (no sections).
    const own = (await ngo.post('/api/meetings', { ...meetingBody(), invitedAgencyIds: [agency.shelter] })).body;
    const refused = expectProblem(
      await ngo.post(`/api/meetings/${own.id}/items`, { caseId: sharedWithNgo.id, purpose: 'Talk about her' }),
      422,
      'invalid_reference',
    );
    expect(refused.errors?.[0]?.path).toBe('caseId');
    const forShelter = (await shelter.get(`/api/meetings/${own.id}`)).body;
    expect(forShelter.agenda).toEqual([]);
    expect(JSON.stringify(forShelter)).not.toContain(sharedWithNgo.reference);
    // Row-level security refuses the same insert when the route is bypassed.
    const ngoUser = (await ngo.get('/api/auth/me')).body.id;
    const bypass = await asActor(t.database.db, { userId: ngoUser, agencyId: agency.ngo, scopes: [] }, (tx) =>
      tx.insert(caseMeetingItems).values({
        meetingId: own.id,
        caseId: sharedWithNgo.id,
        caseReference: sharedWithNgo.reference,
        caseAgencyId: agency.chiangrai,
        position: 1,
        addedByAgencyId: agency.ngo,
      }),
    ).catch((error: Error) => error);
    expect(String((bypass as Error).cause ?? bypass)).toMatch(/row-level security/);
    // Nor does the database hand the NGO what was said on that item.
    const sharedItem = (await socialworker.get(`/api/meetings/${meetingId}`)).body.agenda.find(
      (i: any) => i.caseReference === sharedWithNgo.reference,
    );
    const notesSeen = await asActor(t.database.db, { userId: ngoUser, agencyId: agency.ngo, scopes: [] }, (tx) =>
      tx.select().from(caseMeetingItemNotes).where(eq(caseMeetingItemNotes.itemId, sharedItem.id)),
    );
    expect(notesSeen).toEqual([]);
    // On the convener's meeting the NGO reads the shared item by pseudonym but cannot write on it.
    const shared = (await ngo.get(`/api/meetings/${meetingId}`)).body.agenda.find((i: any) => i.caseReference === sharedWithNgo.reference);
    expect(shared.canWrite).toBe(false);
    expectProblem(await ngo.post(`/api/meetings/${meetingId}/items/${shared.id}/decisions`, { text: 'x' }), 403, 'forbidden');
  });

  it('minutes carry per reader only what that reader may see, in the chosen language', async () => {
    const forNgo = await download(ngo, `/api/meetings/${meetingId}/minutes.pdf?locale=th`);
    expect(forNgo.status).toBe(200);
    expect(forNgo.type).toContain('application/pdf');
    const ngoText = (await readPdf(forNgo.bytes)).text;
    expect(ngoText).not.toContain(chiangraiOnly.reference);
    expect(ngoText).toContain('กรณีที่หน่วยงานของท่านไม่มีสิทธิ์เข้าถึง');
    expect(ngoText).toContain('รายงานการประชุมบริหารจัดการรายกรณี');
    expect(ngoText).not.toContain(chiangraiOnly.name);
    expect(ngoText).not.toContain(hiddenPurpose);
    expect(ngoText).not.toContain(hiddenDecision);
    expect(ngoText).not.toContain(sharedWithNgo.name);
    fs.writeFileSync(path.join(OUTPUT_DIR, 'minutes-ngo-th.pdf'), forNgo.bytes);
    fs.writeFileSync(path.join(OUTPUT_DIR, 'minutes-ngo-th.png'), (await renderPdfPage(forNgo.bytes, 1, 80)).png);

    const forChiangRai = await download(socialworker, `/api/meetings/${meetingId}/minutes.pdf?locale=en`);
    const chiangRaiText = (await readPdf(forChiangRai.bytes)).text;
    expect(chiangRaiText).toContain(chiangraiOnly.name);
    expect(chiangRaiText).toContain(hiddenDecision);
    expect(chiangRaiText).toContain('Minutes of the case management meeting');
    for (const locale of ['km', 'my', 'lo', 'ja']) {
      const pdf = await download(socialworker, `/api/meetings/${meetingId}/minutes.pdf?locale=${locale}`);
      expect(pdf.status).toBe(200);
      const page = await renderPdfPage(pdf.bytes, 1, 80);
      expect(page.inkRatio).toBeGreaterThan(0.01);
      fs.writeFileSync(path.join(OUTPUT_DIR, `minutes-chiangrai-${locale}.png`), page.png);
    }
    expectProblem(await socialworker.get(`/api/meetings/${meetingId}/minutes.pdf?locale=xx`), 400, 'validation_failed');
  });

  it('downloads and agenda reads are audited with ids, never values', async () => {
    const events = await asSystem(t.database.db, (tx) =>
      tx.execute<{ action: string; details: unknown }>(
        `select action, details::text as details from audit_events where resource_id = '${meetingId}' or details::text like '%${meetingId}%'`,
      ),
    );
    const rows = ((events as any).rows ?? events) as { action: string; details: string }[];
    expect(rows.some((row) => row.action === 'export.created')).toBe(true);
    expect(rows.some((row) => row.action === 'case.read')).toBe(true);
    for (const row of rows) {
      expect(row.details).not.toContain(chiangraiOnly.name);
      expect(row.details).not.toContain(hiddenPurpose);
    }
  });
});

describe('agenda text by case section', () => {
  const shelterPurpose = 'Room change after the incident in dormitory B';
  const shelterDecision = 'Move her to the quiet wing on Monday';
  let meetingId: string;
  let itemId: string;
  let psychologist: ApiClient;

  beforeAll(async () => {
    psychologist = await t.login('th.psychologist');
    const shelterCase = await demoCaseId(t, 0);
    // The shelter agency holds identity and shelter on this Chiang Rai case; the psychologist's role holds neither.
    await setSharedSections(t, shelterCase, agency.shelter, ['identity', 'shelter']);
    meetingId = (await convene()).id;
    const added = await socialworker.post(`/api/meetings/${meetingId}/items`, {
      caseId: shelterCase,
      section: 'shelter',
      purpose: shelterPurpose,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    itemId = added.body.agenda[0].id;
    expect(added.body.agenda[0]).toMatchObject({ section: 'shelter', textRestricted: false, purpose: shelterPurpose });
    expect((await socialworker.post(`/api/meetings/${meetingId}/items/${itemId}/decisions`, { text: shelterDecision })).status).toBe(201);
  });

  it("shows a shelter item's text to shelter staff, and to the psychologist only that a restricted item exists", async () => {
    const forShelter = (await shelter.get(`/api/meetings/${meetingId}`)).body.agenda.find((i: any) => i.id === itemId);
    expect(forShelter).toMatchObject({ access: 'case', section: 'shelter', textRestricted: false, purpose: shelterPurpose });
    expect(forShelter.decisions.map((d: any) => d.text)).toEqual([shelterDecision]);

    const meeting = (await psychologist.get(`/api/meetings/${meetingId}`)).body;
    const item = meeting.agenda.find((i: any) => i.id === itemId);
    expect(item).toMatchObject({
      access: 'case',
      section: 'shelter',
      textRestricted: true,
      purpose: null,
      notes: null,
      decisions: [],
      canWrite: false,
    });
    expect(JSON.stringify(meeting)).not.toContain(shelterPurpose);
    expect(JSON.stringify(meeting)).not.toContain(shelterDecision);

    const minutes = await download(psychologist, `/api/meetings/${meetingId}/minutes.pdf?locale=en`);
    expect(minutes.status).toBe(200);
    const text = (await readPdf(minutes.bytes)).text;
    expect(text).not.toContain(shelterPurpose);
    expect(text).not.toContain(shelterDecision);
    expect(text.replace(/\s+/g, ' ')).toContain('Restricted: this item concerns a part of the case');
  });

  it('refuses an unknown section naming the field, and a section the writer cannot read', async () => {
    const bad = expectProblem(
      await socialworker.post(`/api/meetings/${meetingId}/items`, { caseId: chiangraiOnly.id, section: 'gossip', purpose: 'x' }),
      400,
      'validation_failed',
    );
    expect(bad.errors?.[0]?.path).toBe('section');
    // The NGO owns its case but its case manager's role holds no medical section.
    const own = (await ngo.post('/api/meetings', { ...meetingBody(), invitedAgencyIds: [agency.shelter] })).body;
    const refused = expectProblem(
      await ngo.post(`/api/meetings/${own.id}/items`, { caseId: ngoCase.id, section: 'medical', purpose: 'x' }),
      403,
      'forbidden',
    );
    expect(refused.errors?.[0]?.path).toBe('section');
    expect((await ngo.get(`/api/meetings/${own.id}`)).body.agenda).toEqual([]);
  });
});

describe('action items and carry-over', () => {
  let meetingId: string;
  let sharedItemId: string;
  let hiddenItemId: string;
  let ngoItemId: string;

  beforeAll(async () => {
    meetingId = (await convene()).id;
    await socialworker.post(`/api/meetings/${meetingId}/items`, { caseId: chiangraiOnly.id, purpose: 'Safety review' });
    await socialworker.post(`/api/meetings/${meetingId}/items`, { caseId: sharedWithNgo.id, purpose: 'Training placement' });
    const meeting = (await ngo.post(`/api/meetings/${meetingId}/items`, { caseId: ngoCase.id, purpose: 'Kit delivery' })).body;
    const convener = (await socialworker.get(`/api/meetings/${meetingId}`)).body;
    sharedItemId = meeting.agenda.find((i: any) => i.caseReference === sharedWithNgo.reference).id;
    hiddenItemId = convener.agenda.find((i: any) => i.caseReference === chiangraiOnly.reference).id;
    ngoItemId = meeting.agenda.find((i: any) => i.caseReference === ngoCase.reference).id;
    // The NGO works on the shared case's care: it may read the items and be handed their actions.
    await setSharedSections(t, sharedWithNgo.id, agency.ngo, ['care']);
  });

  afterAll(async () => {
    await setSharedSections(t, sharedWithNgo.id, agency.ngo, []);
  });

  it('an action for an agency that reads the item becomes its meeting_action task; one for an agency that cannot is refused', async () => {
    const withTask = await socialworker.post(`/api/meetings/${meetingId}/items/${sharedItemId}/actions`, {
      text: 'Confirm the vocational training place',
      ownerAgencyId: agency.ngo,
      dueOn: inAWeek(),
    });
    expect(withTask.status, JSON.stringify(withTask.body)).toBe(201);
    const action = withTask.body.agenda.find((i: any) => i.id === sharedItemId).actions[0];
    expect(action).toMatchObject({ ownerAgency: { id: agency.ngo }, status: 'open' });
    expect(action.taskId).not.toBeNull();
    const [task] = await asSystem(t.database.db, (tx) => tx.select().from(caseTasks).where(eq(caseTasks.id, action.taskId)));
    expect(task).toMatchObject({ kind: 'meeting_action', agencyId: agency.ngo, caseId: sharedWithNgo.id, dueOn: inAWeek(), doneAt: null });

    // An agency that cannot read the item is not handed its work: the convener shares the case first.
    const refused = expectProblem(
      await socialworker.post(`/api/meetings/${meetingId}/items/${hiddenItemId}/actions`, {
        text: 'Send the shelter vacancy list',
        ownerAgencyId: agency.ngo,
        dueOn: inAWeek(),
      }),
      422,
      'invalid_reference',
    );
    expect(refused.errors?.map((e) => e.path)).toEqual(['ownerAgencyId']);
    const tasks = await asSystem(t.database.db, (tx) =>
      tx
        .select()
        .from(caseTasks)
        .where(and(eq(caseTasks.caseId, chiangraiOnly.id), eq(caseTasks.agencyId, agency.ngo))),
    );
    expect(tasks).toEqual([]);
    const convener = (await socialworker.get(`/api/meetings/${meetingId}`)).body.agenda.find((i: any) => i.id === hiddenItemId);
    expect(convener.actions).toEqual([]);
  });

  it('refuses bad action input naming the field', async () => {
    const noDate = expectProblem(
      await socialworker.post(`/api/meetings/${meetingId}/items/${sharedItemId}/actions`, {
        text: 'x',
        ownerAgencyId: agency.ngo,
        dueOn: 'soon',
      }),
      400,
      'validation_failed',
    );
    expect(noDate.errors?.map((e) => e.path)).toContain('dueOn');
    const strangerUser = expectProblem(
      await socialworker.post(`/api/meetings/${meetingId}/items/${sharedItemId}/actions`, {
        text: 'x',
        ownerAgencyId: agency.shelter,
        ownerUserId: (await socialworker.get('/api/auth/me')).body.id,
        dueOn: inAWeek(),
      }),
      422,
      'invalid_reference',
    );
    expect(strangerUser.errors?.[0]?.path).toBe('ownerUserId');
    const after = (await socialworker.get(`/api/meetings/${meetingId}`)).body.agenda.find((i: any) => i.id === sharedItemId);
    expect(after.actions).toHaveLength(1);
  });

  it('an action owner must be the convening or an invited agency: any other agency is a 422 naming ownerAgencyId', async () => {
    const agencies = (await admin.get('/api/admin/agencies?pageSize=200')).body.items as { id: string; agencyFunction: string }[];
    const police = agencies.find((a) => a.agencyFunction === 'police')!.id;
    const outsider = expectProblem(
      await socialworker.post(`/api/meetings/${meetingId}/items/${sharedItemId}/actions`, {
        text: 'Collect the statement',
        ownerAgencyId: police,
        dueOn: inAWeek(),
      }),
      422,
      'invalid_reference',
    );
    expect(outsider.errors?.[0]?.path).toBe('ownerAgencyId');
    const tasks = await asSystem(t.database.db, (tx) => tx.select().from(caseTasks).where(eq(caseTasks.agencyId, police)));
    expect(tasks.filter((task) => task.title === 'Collect the statement')).toEqual([]);
    const after = (await socialworker.get(`/api/meetings/${meetingId}`)).body.agenda.find((i: any) => i.id === sharedItemId);
    expect(after.actions.map((a: any) => a.ownerAgency.id)).not.toContain(police);
  });

  it('an action owner person must be an active account of the owner agency: a deactivated one is a 422 naming ownerUserId', async () => {
    const shelterUserId = (await shelter.get('/api/auth/me')).body.id;
    const body = { text: 'Book the interpreter', ownerAgencyId: agency.shelter, ownerUserId: shelterUserId, dueOn: inAWeek() };
    await asSystem(t.database.db, (tx) => tx.update(users).set({ active: false }).where(eq(users.id, shelterUserId)));
    try {
      const refused = expectProblem(
        await socialworker.post(`/api/meetings/${meetingId}/items/${sharedItemId}/actions`, body),
        422,
        'invalid_reference',
      );
      expect(refused.errors?.[0]?.path).toBe('ownerUserId');
    } finally {
      await asSystem(t.database.db, (tx) => tx.update(users).set({ active: true }).where(eq(users.id, shelterUserId)));
    }
    const after = (await socialworker.get(`/api/meetings/${meetingId}`)).body.agenda.find((i: any) => i.id === sharedItemId);
    expect(after.actions.map((a: any) => a.text)).not.toContain('Book the interpreter');
  });

  it('carries unresolved items and open actions to the follow-up meeting, linked to their origin', async () => {
    // Resolved with an open action: carried for the action. Resolved with nothing open: stays behind.
    await socialworker.patch(`/api/meetings/${meetingId}/items/${sharedItemId}`, { resolved: true, notes: 'Agreed in principle' });
    await ngo.patch(`/api/meetings/${meetingId}/items/${ngoItemId}`, { resolved: true });
    const before = (await socialworker.get(`/api/meetings/${meetingId}`)).body;
    const nextDate = new Date(Date.now() + 35 * 86_400_000).toISOString().slice(0, 10);
    const next = await socialworker.post(`/api/meetings/${meetingId}/follow-up`, { date: nextDate, time: '10:00' });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    expect(next.body).toMatchObject({ previousMeetingId: meetingId, seriesId: before.seriesId, title: before.title, mode: 'hybrid' });
    expect(next.body.invitedAgencies.map((a: any) => a.id).sort()).toEqual([agency.ngo, agency.shelter].sort());
    const carried = next.body.agenda;
    expect(carried.map((i: any) => i.carriedFromItemId).sort()).toEqual([hiddenItemId, sharedItemId].sort());
    const sharedNext = carried.find((i: any) => i.carriedFromItemId === sharedItemId);
    expect(sharedNext).toMatchObject({ resolved: false, purpose: 'Training placement', notes: null });
    const oldAction = before.agenda.find((i: any) => i.id === sharedItemId).actions[0];
    expect(sharedNext.actions).toMatchObject([{ carriedFromActionId: oldAction.id, status: 'open', taskId: oldAction.taskId }]);
    const previous = (await socialworker.get(`/api/meetings/${meetingId}`)).body;
    expect(previous.nextMeetingId).toBe(next.body.id);
    expect(previous.agenda.flatMap((i: any) => i.actions.map((a: any) => a.status))).toEqual(['carried']);
    // One follow-up per meeting; only the convener holds it.
    expectProblem(await socialworker.post(`/api/meetings/${meetingId}/follow-up`, { date: nextDate, time: '10:00' }), 409, 'conflict');
    expectProblem(await ngo.post(`/api/meetings/${meetingId}/follow-up`, { date: nextDate, time: '10:00' }), 403, 'forbidden');

    // Done on the meeting closes the owner's task.
    const done = await ngo.patch(`/api/meetings/${next.body.id}/actions/${sharedNext.actions[0].id}`, { status: 'done' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const [task] = await asSystem(t.database.db, (tx) => tx.select().from(caseTasks).where(eq(caseTasks.id, oldAction.taskId)));
    expect(task?.doneAt).not.toBeNull();
  });
});

describe("an action's text follows access to the item, not ownership of the action", () => {
  const secret = 'Call Aye Aye Khine at home';
  const withdrawn = 'Visit her at the hairdressing course';
  let police: ApiClient;
  let policeAgency: string;
  let meetingId: string;
  let hiddenItemId: string;
  let sharedItemId: string;

  beforeAll(async () => {
    police = await t.login('th.police');
    const agencies = (await admin.get('/api/admin/agencies?pageSize=200')).body.items as { id: string; agencyFunction: string }[];
    policeAgency = agencies.find((a) => a.agencyFunction === 'police')!.id;
    const convened = await socialworker.post('/api/meetings', {
      ...meetingBody(),
      invitedAgencyIds: [agency.ngo, agency.shelter, policeAgency],
    });
    expect(convened.status, JSON.stringify(convened.body)).toBe(201);
    meetingId = convened.body.id;
    await socialworker.post(`/api/meetings/${meetingId}/items`, { caseId: chiangraiOnly.id, purpose: 'Safety review' });
    const items = (await socialworker.post(`/api/meetings/${meetingId}/items`, { caseId: sharedWithNgo.id, purpose: 'Training' })).body
      .agenda;
    hiddenItemId = items.find((i: any) => i.caseId === chiangraiOnly.id).id;
    sharedItemId = items.find((i: any) => i.caseId === sharedWithNgo.id).id;
  });

  afterAll(async () => {
    await setSharedSections(t, sharedWithNgo.id, agency.ngo, []);
  });

  it('refuses to hand an action to an invited agency without access to the case, or that sees it by pseudonym only', async () => {
    const toPolice = expectProblem(
      await socialworker.post(`/api/meetings/${meetingId}/items/${hiddenItemId}/actions`, {
        text: secret,
        ownerAgencyId: policeAgency,
        dueOn: inAWeek(),
      }),
      422,
      'invalid_reference',
    );
    expect(toPolice.errors?.map((e) => e.path)).toEqual(['ownerAgencyId']);
    const toPseudonymOnly = expectProblem(
      await socialworker.post(`/api/meetings/${meetingId}/items/${sharedItemId}/actions`, {
        text: secret,
        ownerAgencyId: agency.ngo,
        dueOn: inAWeek(),
      }),
      422,
      'invalid_reference',
    );
    expect(toPseudonymOnly.errors?.map((e) => e.path)).toEqual(['ownerAgencyId']);
    const written = await asSystem(t.database.db, (tx) =>
      tx.select().from(caseMeetingActions).where(eq(caseMeetingActions.meetingId, meetingId)),
    );
    expect(written).toEqual([]);
    const tasks = await asSystem(t.database.db, (tx) => tx.select().from(caseTasks).where(eq(caseTasks.title, secret)));
    expect(tasks).toEqual([]);
  });

  it('an owner agency without access sees that the action is its own, due and open: never its text, in the meeting or the minutes', async () => {
    // An action assigned before the owner had to read the case.
    const socialworkerId = (await socialworker.get('/api/auth/me')).body.id;
    const [action] = await asSystem(t.database.db, (tx) =>
      tx
        .insert(caseMeetingActions)
        .values({
          itemId: hiddenItemId,
          meetingId,
          caseId: chiangraiOnly.id,
          text: secret,
          ownerAgencyId: policeAgency,
          dueOn: inAWeek(),
          createdBy: socialworkerId,
          createdByAgencyId: agency.chiangrai,
        })
        .returning(),
    );
    const meeting = (await police.get(`/api/meetings/${meetingId}`)).body;
    const item = meeting.agenda.find((i: any) => i.id === hiddenItemId);
    expect(item).toMatchObject({ access: 'none', purpose: null });
    expect(item.actions).toEqual([
      expect.objectContaining({
        id: action!.id,
        text: null,
        ownerAgency: { id: policeAgency, name: expect.any(String) },
        dueOn: inAWeek(),
        status: 'open',
        taskId: null,
        canUpdate: false,
      }),
    ]);
    expect(JSON.stringify(meeting)).not.toContain('Aye Aye');
    const minutes = await download(police, `/api/meetings/${meetingId}/minutes.pdf?locale=en`);
    expect(minutes.status).toBe(200);
    const text = (await readPdf(minutes.bytes)).text.replace(/\s+/g, ' ');
    expect(text).not.toContain('Aye Aye');
    expect(text).toContain('Royal Thai Police');
    // Nor can it act on work it cannot read; the action stays open.
    expectProblem(await police.patch(`/api/meetings/${meetingId}/actions/${action!.id}`, { status: 'done' }), 404, 'not_found');
    // Row-level security keeps the text in the database, whatever the route.
    const policeUser = (await police.get('/api/auth/me')).body.id;
    const seen = await asActor(t.database.db, { userId: policeUser, agencyId: policeAgency, scopes: [] }, (tx) =>
      tx.select().from(caseMeetingActions).where(eq(caseMeetingActions.id, action!.id)),
    );
    expect(seen).toEqual([]);
    const forConvener = (await socialworker.get(`/api/meetings/${meetingId}`)).body.agenda.find((i: any) => i.id === hiddenItemId);
    expect(forConvener.actions).toMatchObject([{ id: action!.id, text: secret, status: 'open', canUpdate: true }]);
  });

  it('an owner whose access narrows to the pseudonym keeps the action without its text', async () => {
    await setSharedSections(t, sharedWithNgo.id, agency.ngo, ['care']);
    const assigned = await socialworker.post(`/api/meetings/${meetingId}/items/${sharedItemId}/actions`, {
      text: withdrawn,
      ownerAgencyId: agency.ngo,
      dueOn: inAWeek(),
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
    const readable = (await ngo.get(`/api/meetings/${meetingId}`)).body.agenda.find((i: any) => i.id === sharedItemId);
    expect(readable.actions).toMatchObject([{ text: withdrawn, canUpdate: true }]);

    await setSharedSections(t, sharedWithNgo.id, agency.ngo, []);
    const meeting = (await ngo.get(`/api/meetings/${meetingId}`)).body;
    const item = meeting.agenda.find((i: any) => i.id === sharedItemId);
    expect(item).toMatchObject({ access: 'case', textRestricted: true, purpose: null });
    expect(item.actions).toMatchObject([{ text: null, ownerAgency: { id: agency.ngo }, status: 'open', canUpdate: false }]);
    expect(JSON.stringify(meeting)).not.toContain(withdrawn);
    const minutes = await download(ngo, `/api/meetings/${meetingId}/minutes.pdf?locale=en`);
    expect((await readPdf(minutes.bytes)).text.replace(/\s+/g, ' ')).not.toContain(withdrawn);
  });
});

describe('changing a meeting', () => {
  it('moves the time in the country zone, changes invitations, notifies the newly invited, and refuses a stale version', async () => {
    const meeting = await convene();
    const changed = await socialworker.patch(`/api/meetings/${meeting.id}`, {
      version: meeting.version,
      time: '13:15',
      invitedAgencyIds: [agency.shelter],
      status: 'held',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({
      time: '13:15',
      startsAt: `${inAWeek()}T06:15:00.000Z`,
      status: 'held',
      version: meeting.version + 1,
    });
    expect(changed.body.invitedAgencies.map((a: any) => a.id)).toEqual([agency.shelter]);
    // The NGO is no longer invited: the meeting is gone for it.
    expectProblem(await ngo.get(`/api/meetings/${meeting.id}`), 404, 'not_found');
    const stale = expectProblem(
      await socialworker.patch(`/api/meetings/${meeting.id}`, { version: meeting.version, title: 'Old' }),
      409,
      'conflict',
    );
    expect(stale.status).toBe(409);
    expect((await socialworker.get(`/api/meetings/${meeting.id}`)).body.title).toBe(meeting.title);
    // The NGO's meeting managers were told when they were invited; the shelter's staff may not run meetings.
    const noticesOf = async (client: ApiClient) =>
      (await client.get('/api/notifications?pageSize=100')).body.items.filter(
        (notice: any) => notice.kind === 'meeting_invited' && notice.subjectId === meeting.id,
      );
    expect(await noticesOf(ngo)).toHaveLength(1);
    expect(await noticesOf(shelter)).toHaveLength(0);
  });
});

describe('demo meetings', () => {
  it('show a held Chiang Rai CMM and its follow-up with open matters carried over, as each agency may see them', async () => {
    const past = (await ngo.get('/api/meetings?when=past')).body.items;
    const held = past.find((m: any) => m.title.startsWith('Chiang Rai provincial CMM'));
    expect(held).toBeDefined();
    const detail = (await ngo.get(`/api/meetings/${held.id}`)).body;
    expect(detail.attendees.length).toBeGreaterThan(3);
    expect(detail.nextMeetingId).not.toBeNull();
    const next = (await ngo.get(`/api/meetings/${detail.nextMeetingId}`)).body;
    expect(next.agenda.every((item: any) => item.carriedFromItemId)).toBe(true);
    expect(next.agenda.some((item: any) => item.access === 'none' && item.caseReference === null && item.displayName === null)).toBe(true);
    const upcoming = (await socialworker.get('/api/meetings?when=upcoming')).body.items.map((m: any) => m.title);
    expect(upcoming).toContain('Myanmar–Thailand CMM (online): reintegration follow-up');
    // The follow-up invites people by account; the page offers the member agencies' other colleagues.
    const invitedPeople = next.attendees.filter((a: any) => a.userId);
    expect(invitedPeople.length).toBeGreaterThanOrEqual(2);
    const people = (await socialworker.get(`/api/meetings/${next.id}/people`)).body.agencies;
    const offered = people.flatMap((g: any) => g.accounts.map((a: any) => a.id));
    for (const attendee of invitedPeople) expect(offered).toContain(attendee.userId);
    expect(offered.length).toBeGreaterThan(invitedPeople.length);
  });
});

describe('attendance', () => {
  it('records people of the member agencies and people without an account; refuses others naming the field', async () => {
    const meeting = await convene();
    const ngoUserId = (await ngo.get('/api/auth/me')).body.id;
    const withNgo = await socialworker.post(`/api/meetings/${meeting.id}/attendees`, {
      userId: ngoUserId,
      agencyId: agency.ngo,
      role: 'case manager',
    });
    expect(withNgo.status, JSON.stringify(withNgo.body)).toBe(201);
    expect(withNgo.body.attendees).toMatchObject([{ userId: ngoUserId, agency: { id: agency.ngo }, attendance: 'invited' }]);
    const marked = await socialworker.patch(`/api/meetings/${meeting.id}/attendees/${withNgo.body.attendees[0].id}`, {
      attendance: 'present',
    });
    expect(marked.body.attendees[0].attendance).toBe('present');
    const unknownAgency = expectProblem(
      await socialworker.post(`/api/meetings/${meeting.id}/attendees`, {
        externalName: 'X',
        agencyId: '5d0f4a57-0000-4000-8000-000000000000',
      }),
      422,
      'invalid_reference',
    );
    expect(unknownAgency.errors?.[0]?.path).toBe('agencyId');
    const wrongPerson = expectProblem(
      await socialworker.post(`/api/meetings/${meeting.id}/attendees`, { userId: ngoUserId, agencyId: agency.shelter }),
      422,
      'invalid_reference',
    );
    expect(wrongPerson.errors?.[0]?.path).toBe('userId');
    const nobody = expectProblem(await socialworker.post(`/api/meetings/${meeting.id}/attendees`, { role: 'x' }), 400, 'validation_failed');
    expect(nobody.errors?.map((e) => e.path)).toContain('externalName');
    expect((await socialworker.get(`/api/meetings/${meeting.id}`)).body.attendees).toHaveLength(1);
  });
});

describe('people of a meeting', () => {
  it("lists the active accounts of the convening and invited agencies by name and role to every member, and nobody else's", async () => {
    const meeting = await convene();
    const [leftShelter] = await asSystem(t.database.db, (tx) =>
      tx
        .insert(users)
        .values({
          agencyId: agency.shelter,
          username: `left.shelter.${Date.now()}`,
          displayName: 'Former shelter counsellor',
          passwordHash: 'x',
          active: false,
        })
        .returning(),
    );
    const expected = await asSystem(t.database.db, (tx) =>
      tx.select({ id: users.id, agencyId: users.agencyId, active: users.active }).from(users),
    );
    const activeOf = (agencyId: string) =>
      expected
        .filter((u) => u.agencyId === agencyId && u.active)
        .map((u) => u.id)
        .sort();

    const forConvener = await socialworker.get(`/api/meetings/${meeting.id}/people`);
    expect(forConvener.status, JSON.stringify(forConvener.body)).toBe(200);
    const groups = forConvener.body.agencies;
    // The convener first, then the invited agencies; no other agency appears.
    expect(groups[0].id).toBe(agency.chiangrai);
    expect(groups.map((g: any) => g.id).sort()).toEqual([agency.chiangrai, agency.ngo, agency.shelter].sort());
    for (const group of groups) expect(group.accounts.map((a: any) => a.id).sort()).toEqual(activeOf(group.id));
    const shelterGroup = groups.find((g: any) => g.id === agency.shelter);
    expect(shelterGroup.accounts.map((a: any) => a.id)).not.toContain(leftShelter!.id);
    expect(shelterGroup.accounts).toContainEqual({
      id: expect.any(String),
      displayName: 'Mali Srisuk',
      roles: [{ key: 'shelter_staff', name: expect.any(String) }],
    });
    // Names and roles only: no username, e-mail nor phone of a colleague crosses.
    expect(JSON.stringify(forConvener.body)).not.toMatch(/username|email|phone|th\.shelter/i);

    const forInvited = await ngo.get(`/api/meetings/${meeting.id}/people`);
    expect(forInvited.status).toBe(200);
    expect(forInvited.body).toEqual(forConvener.body);

    const police = await t.login('th.police');
    expectProblem(await police.get(`/api/meetings/${meeting.id}/people`), 404, 'not_found');
    expectProblem(await data.get(`/api/meetings/${meeting.id}/people`), 403, 'forbidden');
    expect((await t.client().get(`/api/meetings/${meeting.id}/people`)).status).toBe(401);
    expectProblem(await socialworker.get('/api/meetings/not-a-uuid/people'), 400, 'validation_failed');
  });

  it('an account the people list offers is accepted as attendee and as action owner', async () => {
    const meeting = await convene();
    const people = (await socialworker.get(`/api/meetings/${meeting.id}/people`)).body.agencies;
    const shelterGroup = people.find((g: any) => g.id === agency.shelter);
    const person = shelterGroup.accounts[0];
    const added = await socialworker.post(`/api/meetings/${meeting.id}/attendees`, { userId: person.id, agencyId: shelterGroup.id });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.attendees).toMatchObject([{ userId: person.id, name: person.displayName, agency: { id: agency.shelter } }]);
    // The shelter reads this case's items: it holds sections of it.
    const shelterCase = await demoCaseId(t, 0);
    await setSharedSections(t, shelterCase, agency.shelter, ['identity', 'shelter']);
    const withItem = await socialworker.post(`/api/meetings/${meeting.id}/items`, { caseId: shelterCase, purpose: 'Return planning' });
    expect(withItem.status, JSON.stringify(withItem.body)).toBe(201);
    const itemId = withItem.body.agenda[0].id;
    const withAction = await socialworker.post(`/api/meetings/${meeting.id}/items/${itemId}/actions`, {
      text: 'Prepare the room',
      ownerAgencyId: shelterGroup.id,
      ownerUserId: person.id,
      dueOn: inAWeek(),
    });
    expect(withAction.status, JSON.stringify(withAction.body)).toBe(201);
    expect(withAction.body.agenda[0].actions[0]).toMatchObject({ ownerUserId: person.id, ownerUserName: person.displayName });
  });

  it('emergency access shows an item on screen but never puts it in the minutes: a file that leaves the system', async () => {
    const created = await socialworker.post('/api/cases', {
      person: { givenName: 'Nang', familyName: 'Hseng', gender: 'Feminine', estimatedAge: 19 },
      intake: { channel: 'walk_in' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const reference = created.body.reference;
    const meeting = await convene();
    const purpose = 'Safe house move before the hearing';
    expect((await socialworker.post(`/api/meetings/${meeting.id}/items`, { caseId: created.body.id, purpose })).status).toBe(201);
    const grant = await ngo.post(`/api/cases/${created.body.id}/break-glass`, { reason: 'She called the outreach line tonight.' });
    expect(grant.status, JSON.stringify(grant.body)).toBe(201);

    const onScreen = (await ngo.get(`/api/meetings/${meeting.id}`)).body.agenda[0];
    expect(onScreen).toMatchObject({ access: 'case', caseReference: reference, purpose });

    const minutes = await download(ngo, `/api/meetings/${meeting.id}/minutes.pdf?locale=en`);
    expect(minutes.status).toBe(200);
    const text = (await readPdf(minutes.bytes)).text;
    expect(text).not.toContain(purpose);
    expect(text).not.toContain(reference);
    expect(text).not.toContain('Hseng');
    // The convener's own minutes still carry the item.
    expect((await readPdf((await download(socialworker, `/api/meetings/${meeting.id}/minutes.pdf?locale=en`)).bytes)).text).toContain(
      purpose,
    );
  });
});
