import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { auditEventsOf, closeCase, countRows, demoCaseId, openTestCase } from './testSupport.js';

let t: TestApp;
let socialworker: ApiClient;
let shelter: ApiClient;
let psychologist: ApiClient;
let ngo: ApiClient;
let data: ApiClient;
let sharedCase: string;

beforeAll(async () => {
  t = await startTestApp();
  [socialworker, shelter, psychologist, ngo, data] = await Promise.all([
    t.login('th.socialworker'),
    t.login('th.shelter'),
    t.login('th.psychologist'),
    t.login('th.ngo'),
    t.login('th.data'),
  ]);
  sharedCase = await demoCaseId(t, 0);
});
afterAll(() => t?.close());

const recruitment = { eventType: 'Recruitment', country: 'MM', place: 'Tachileik', startedOn: '2024-01-10', endedOn: '2024-01-12' };

describe('trafficking events', () => {
  it('records recruitment, transit and exploitation, listed by date to everyone involved', async () => {
    const kase = await openTestCase(socialworker, { birthDate: '2000-05-01' });
    const exploitation = await socialworker.post(`/api/cases/${kase.id}/events`, {
      eventType: 'Exploitation',
      country: 'TH',
      place: 'Mae Sot garment factory',
      startedOn: '2024-02-01',
    });
    expect(exploitation.status).toBe(201);
    expect(exploitation.body).toEqual({
      id: expect.any(String),
      eventType: 'Exploitation',
      country: 'TH',
      place: 'Mae Sot garment factory',
      startedOn: '2024-02-01',
      endedOn: null,
    });
    expect((await socialworker.post(`/api/cases/${kase.id}/events`, recruitment)).status).toBe(201);
    expect((await socialworker.post(`/api/cases/${kase.id}/events`, { eventType: 'Transit' })).status).toBe(201);

    const list = await socialworker.get(`/api/cases/${kase.id}/events`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((event: { eventType: string }) => event.eventType)).toEqual(['Recruitment', 'Exploitation', 'Transit']);

    const timeline = await socialworker.get(`/api/cases/${kase.id}/timeline`);
    const added = timeline.body.items.filter((entry: { kind: string }) => entry.kind === 'event.added');
    expect(added).toHaveLength(3);
    expect(added[0]).toMatchObject({ section: null, actorName: 'Nok Wongsakul', details: { eventType: 'Transit' } });
    expect(JSON.stringify(timeline.body)).not.toContain('Mae Sot');
    const audited = await auditEventsOf(t, 'case.update', kase.id);
    expect(audited.map((event) => event.details)).toContainEqual({
      traffickingEvent: { added: exploitation.body.id, eventType: 'Exploitation' },
    });
    expect((await auditEventsOf(t, 'case.read', kase.id)).map((event) => event.details)).toContainEqual({ part: 'trafficking_events' });
  });

  it('shows the events of a shared case to the partner, who may not change them', async () => {
    const created = await socialworker.post(`/api/cases/${sharedCase}/events`, recruitment);
    expect(created.status).toBe(201);
    const seen = await shelter.get(`/api/cases/${sharedCase}/events`);
    expect(seen.body.items.map((event: { id: string }) => event.id)).toContain(created.body.id);

    const before = await countRows(t, 'trafficking_events', sharedCase);
    expectProblem(await shelter.post(`/api/cases/${sharedCase}/events`, recruitment), 403, 'forbidden');
    expectProblem(await psychologist.post(`/api/cases/${sharedCase}/events`, recruitment), 403, 'forbidden');
    expectProblem(await shelter.delete(`/api/cases/${sharedCase}/events/${created.body.id}`), 403, 'forbidden');
    expectProblem(await ngo.post(`/api/cases/${sharedCase}/events`, recruitment), 404, 'not_found');
    expectProblem(await ngo.get(`/api/cases/${sharedCase}/events`), 404, 'not_found');
    expectProblem(await data.get(`/api/cases/${sharedCase}/events`), 403, 'forbidden');
    expect(await countRows(t, 'trafficking_events', sharedCase)).toBe(before);
  });

  it('refuses impossible dates, naming the field, and writes nothing', async () => {
    const kase = await openTestCase(socialworker, { birthDate: '2009-03-14' });
    const eventsBefore = await countRows(t, 'trafficking_events', kase.id);
    const timelineBefore = await countRows(t, 'case_events', kase.id);
    const post = (body: Record<string, unknown>) => socialworker.post(`/api/cases/${kase.id}/events`, body);
    const pathOf = (problem: { errors?: { path: string }[] }) => problem.errors?.[0]?.path;

    expect(
      pathOf(expectProblem(await post({ ...recruitment, startedOn: '2024-03-01', endedOn: '2024-02-28' }), 422, 'validation_failed')),
    ).toBe('endedOn');
    expect(pathOf(expectProblem(await post({ ...recruitment, startedOn: '2009-03-13', endedOn: null }), 422, 'validation_failed'))).toBe(
      'startedOn',
    );
    expect(pathOf(expectProblem(await post({ eventType: 'Transit', endedOn: '2008-12-31' }), 422, 'validation_failed'))).toBe('endedOn');
    const nextYear = `${new Date().getUTCFullYear() + 1}-01-01`;
    expect(pathOf(expectProblem(await post({ ...recruitment, endedOn: nextYear }), 422, 'validation_failed'))).toBe('endedOn');
    expect(pathOf(expectProblem(await post({ ...recruitment, startedOn: '2023-02-29' }), 400, 'validation_failed'))).toBe('startedOn');
    expect(pathOf(expectProblem(await post({ ...recruitment, startedOn: '10/01/2024' }), 400, 'validation_failed'))).toBe('startedOn');
    expect(pathOf(expectProblem(await post({ ...recruitment, eventType: 'Kidnapping' }), 400, 'validation_failed'))).toBe('eventType');
    expect(pathOf(expectProblem(await post({ ...recruitment, country: 'Myanmar' }), 400, 'validation_failed'))).toBe('country');
    expect(pathOf(expectProblem(await post({ ...recruitment, victimName: 'Aye' }), 400, 'validation_failed'))).toBe('victimName');

    expect(await countRows(t, 'trafficking_events', kase.id)).toBe(eventsBefore);
    expect(await countRows(t, 'case_events', kase.id)).toBe(timelineBefore);
    // On the birth date itself is possible.
    expect((await post({ ...recruitment, startedOn: '2009-03-14', endedOn: null })).status).toBe(201);
  });

  it('judges an estimated age generously: a year before the estimated birth year is possible, earlier is not', async () => {
    const kase = await openTestCase(socialworker, { estimatedAge: 16 });
    const estimatedBirthYear = new Date().getUTCFullYear() - 16;
    const post = (startedOn: string) => socialworker.post(`/api/cases/${kase.id}/events`, { eventType: 'Recruitment', startedOn });
    expect((await post(`${estimatedBirthYear - 1}-06-01`)).status).toBe(201);
    const refused = expectProblem(await post(`${estimatedBirthYear - 2}-12-31`), 422, 'validation_failed');
    expect(refused.errors?.[0]?.path).toBe('startedOn');
  });

  it('removes an event of this case only', async () => {
    const first = await openTestCase(socialworker);
    const second = await openTestCase(socialworker);
    const event = await socialworker.post(`/api/cases/${first.id}/events`, recruitment);

    expectProblem(await socialworker.delete(`/api/cases/${second.id}/events/${event.body.id}`), 404, 'not_found');
    expectProblem(await socialworker.delete(`/api/cases/${first.id}/events/5d0f4a57-0000-4000-8000-000000000000`), 404, 'not_found');
    expect(await countRows(t, 'trafficking_events', first.id)).toBe(1);

    expect((await socialworker.delete(`/api/cases/${first.id}/events/${event.body.id}`)).status).toBe(204);
    expect((await socialworker.get(`/api/cases/${first.id}/events`)).body.items).toEqual([]);
    const timeline = await socialworker.get(`/api/cases/${first.id}/timeline`);
    expect(timeline.body.items[0]).toMatchObject({ kind: 'event.removed', details: { eventId: event.body.id, eventType: 'Recruitment' } });
    expectProblem(await socialworker.delete(`/api/cases/${first.id}/events/${event.body.id}`), 404, 'not_found');
  });

  it('keeps the record of a closed case as it was', async () => {
    const kase = await openTestCase(socialworker);
    const event = await socialworker.post(`/api/cases/${kase.id}/events`, recruitment);
    await closeCase(socialworker, kase.id);
    expectProblem(await socialworker.post(`/api/cases/${kase.id}/events`, recruitment), 409, 'case_closed');
    expectProblem(await socialworker.delete(`/api/cases/${kase.id}/events/${event.body.id}`), 409, 'case_closed');
    expect(await countRows(t, 'trafficking_events', kase.id)).toBe(1);
    expect((await socialworker.get(`/api/cases/${kase.id}/events`)).body.items).toHaveLength(1);
  });
});
