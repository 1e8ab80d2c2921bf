import { expect } from 'vitest';
import type { ApiClient, ApiResponse } from '../../../test/harness.js';
import { expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';

type Fixture = { meetingId: string; sharedItemId: string; hiddenItemId: string; attendeeId: string; actionId: string; version: number };

/**
 * Case management meetings: a meeting exists only for its convener and the agencies it invites;
 * an invited agency sees that agenda items exist but a case's reference and content only through its own
 * access to that case; only the convener changes the meeting.
 */
export function caseMeetingsMatrix(c: TenancyContext): RouteMatrix {
  const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  /** Person 0's case is Chiang Rai's shared with the shelter; person 5's is Chiang Rai's alone. */
  const sharedWithShelter = () => c.caseOf[0]!;
  const chiangraiOnly = () => c.caseOf[5]!;
  let fixture: Promise<Fixture> | null = null;

  /** A Chiang Rai meeting inviting the shelter only, with both cases on the agenda and one action. */
  const meeting = () => {
    fixture ??= (async () => {
      const created = expectStatus(
        await c.socialworker.post('/api/meetings', {
          title: 'Tenancy CMM',
          date: inAWeek(),
          time: '14:00',
          mode: 'in_person',
          invitedAgencyIds: [c.agency.shelter],
        }),
        201,
      );
      const meetingId = created.id as string;
      await c.socialworker.post(`/api/meetings/${meetingId}/items`, { caseId: sharedWithShelter(), purpose: 'Shelter stay review' });
      const withItems = expectStatus(
        await c.socialworker.post(`/api/meetings/${meetingId}/items`, { caseId: chiangraiOnly(), purpose: 'Confidential safety plan' }),
        201,
      );
      const sharedItemId = withItems.agenda.find((i: any) => i.caseId === sharedWithShelter()).id;
      const hiddenItemId = withItems.agenda.find((i: any) => i.caseId === chiangraiOnly()).id;
      const withAction = expectStatus(
        await c.socialworker.post(`/api/meetings/${meetingId}/items/${sharedItemId}/actions`, {
          text: 'Confirm the stay extension',
          ownerAgencyId: c.agency.shelter,
          dueOn: inAWeek(),
        }),
        201,
      );
      const withAttendee = expectStatus(
        await c.socialworker.post(`/api/meetings/${meetingId}/attendees`, { externalName: 'Interpreter on call', role: 'interpreter' }),
        201,
      );
      return {
        meetingId,
        sharedItemId,
        hiddenItemId,
        attendeeId: withAttendee.attendees[0].id,
        actionId: withAction.agenda.find((i: any) => i.id === sharedItemId).actions[0].id,
        version: withAttendee.version,
      };
    })();
    return fixture;
  };
  const asConvener = async () => ok(c.socialworker.get(`/api/meetings/${(await meeting()).meetingId}`));
  /** Agencies that were not invited, and a role without case access. */
  const outsiders = (): ApiClient[] => [c.ngo, c.police, c.hotline];

  const refusedEverywhere = async (send: (client: ApiClient, f: Fixture) => Promise<ApiResponse>) => {
    const f = await meeting();
    const before = await asConvener();
    for (const client of outsiders()) expectStatus(await send(client, f), 404, 'not_found');
    expectStatus(await send(c.data, f), 403, 'forbidden');
    expect(await asConvener()).toEqual(before);
  };

  return {
    'GET /api/meetings': {
      why: 'lists only meetings the agency convenes or is invited to; roles without case access 403',
      anonymous: { path: '/api/meetings' },
      probe: async () => {
        const { meetingId } = await meeting();
        expect((await ok(c.shelter.get('/api/meetings'))).items.map((m: any) => m.id)).toContain(meetingId);
        for (const client of outsiders())
          expect((await ok(client.get('/api/meetings'))).items.map((m: any) => m.id)).not.toContain(meetingId);
        expect((await ok(c.ngo.get(`/api/meetings?caseId=${chiangraiOnly()}`))).items.map((m: any) => m.id)).not.toContain(meetingId);
        expectStatus(await c.data.get('/api/meetings'), 403, 'forbidden');
      },
    },
    'POST /api/meetings': {
      why: 'convening takes meeting:manage; the meeting belongs to the convener’s own agency',
      anonymous: { path: '/api/meetings', body: {} },
      probe: async () => {
        const body = { title: 'Rogue', date: inAWeek(), time: '10:00', mode: 'online' };
        expectStatus(await c.shelter.post('/api/meetings', body), 403, 'forbidden');
        expectStatus(await c.data.post('/api/meetings', body), 403, 'forbidden');
        expectStatus(await c.agencyadmin.post('/api/meetings', body), 403, 'forbidden');
        const created = expectStatus(await c.ngo.post('/api/meetings', body), 201);
        expect(created.conveningAgency.id).toBe(c.agency.ngo);
        expectStatus(await c.socialworker.get(`/api/meetings/${created.id}`), 404, 'not_found');
      },
    },
    'GET /api/meetings/:id': {
      why: 'members see that agenda items exist; reference, owner and content only through their own access to each case',
      anonymous: { path: `/api/meetings/${UNKNOWN_ID}` },
      probe: async () => {
        const f = await meeting();
        for (const client of outsiders()) expectStatus(await client.get(`/api/meetings/${f.meetingId}`), 404, 'not_found');
        expectStatus(await c.data.get(`/api/meetings/${f.meetingId}`), 403, 'forbidden');
        const seen = await ok(c.shelter.get(`/api/meetings/${f.meetingId}`));
        const hidden = seen.agenda.find((i: any) => i.id === f.hiddenItemId);
        expect(hidden).toMatchObject({
          access: 'none',
          caseId: null,
          caseReference: null,
          caseAgency: null,
          displayName: null,
          purpose: null,
          decisions: [],
        });
        expect(JSON.stringify(seen)).not.toContain('Confidential safety plan');
        expect(seen.agenda.find((i: any) => i.id === f.sharedItemId).access).toBe('case');
      },
    },
    'GET /api/meetings/:id/people': {
      why: "names of the member agencies' active accounts go only to members; no agency outside the meeting is listed",
      anonymous: { path: `/api/meetings/${UNKNOWN_ID}/people` },
      probe: async () => {
        const f = await meeting();
        for (const client of outsiders()) expectStatus(await client.get(`/api/meetings/${f.meetingId}/people`), 404, 'not_found');
        expectStatus(await c.data.get(`/api/meetings/${f.meetingId}/people`), 403, 'forbidden');
        const seen = await ok(c.shelter.get(`/api/meetings/${f.meetingId}/people`));
        expect(seen.agencies.map((a: any) => a.id)).toEqual([c.agency.chiangrai, c.agency.shelter]);
        expect(JSON.stringify(seen)).not.toMatch(/username|email|phone/i);
      },
    },
    'PATCH /api/meetings/:id': {
      why: 'only the convening agency changes a meeting',
      anonymous: { path: `/api/meetings/${UNKNOWN_ID}`, body: {} },
      probe: async () => {
        const f = await meeting();
        await refusedEverywhere((client, m) => client.patch(`/api/meetings/${m.meetingId}`, { version: m.version, title: 'Taken' }));
        const before = await asConvener();
        expectStatus(await c.shelter.patch(`/api/meetings/${f.meetingId}`, { version: before.version, title: 'Taken' }), 403, 'forbidden');
        expect((await asConvener()).title).toBe('Tenancy CMM');
      },
    },
    'POST /api/meetings/:id/follow-up': {
      why: 'only the convener holds the next meeting of its series',
      anonymous: { path: `/api/meetings/${UNKNOWN_ID}/follow-up`, body: {} },
      probe: async () => {
        const f = await meeting();
        const body = { date: inAWeek(), time: '15:00' };
        await refusedEverywhere((client, m) => client.post(`/api/meetings/${m.meetingId}/follow-up`, body));
        expectStatus(await c.shelter.post(`/api/meetings/${f.meetingId}/follow-up`, body), 403, 'forbidden');
        expect((await asConvener()).nextMeetingId).toBeNull();
      },
    },
    'POST /api/meetings/:id/attendees': {
      why: 'only the convener records who attends',
      anonymous: { path: `/api/meetings/${UNKNOWN_ID}/attendees`, body: {} },
      probe: async () => {
        const f = await meeting();
        const body = { externalName: 'Someone', attendance: 'present' };
        await refusedEverywhere((client, m) => client.post(`/api/meetings/${m.meetingId}/attendees`, body));
        expectStatus(await c.shelter.post(`/api/meetings/${f.meetingId}/attendees`, body), 403, 'forbidden');
      },
    },
    'PATCH /api/meetings/:id/attendees/:attendeeId': {
      why: 'only the convener records attendance',
      anonymous: { path: `/api/meetings/${UNKNOWN_ID}/attendees/${UNKNOWN_ID}`, body: {} },
      probe: async () => {
        const f = await meeting();
        await refusedEverywhere((client, m) =>
          client.patch(`/api/meetings/${m.meetingId}/attendees/${m.attendeeId}`, { attendance: 'absent' }),
        );
        expectStatus(
          await c.shelter.patch(`/api/meetings/${f.meetingId}/attendees/${f.attendeeId}`, { attendance: 'absent' }),
          403,
          'forbidden',
        );
      },
    },
    'DELETE /api/meetings/:id/attendees/:attendeeId': {
      why: 'only the convener removes an attendee',
      anonymous: { path: `/api/meetings/${UNKNOWN_ID}/attendees/${UNKNOWN_ID}` },
      probe: async () => {
        const f = await meeting();
        await refusedEverywhere((client, m) => client.delete(`/api/meetings/${m.meetingId}/attendees/${m.attendeeId}`));
        expectStatus(await c.shelter.delete(`/api/meetings/${f.meetingId}/attendees/${f.attendeeId}`), 403, 'forbidden');
        expect((await asConvener()).attendees.map((a: any) => a.id)).toContain(f.attendeeId);
      },
    },
    'POST /api/meetings/:id/items': {
      why: 'a member puts only cases its agency works on onto the agenda',
      anonymous: { path: `/api/meetings/${UNKNOWN_ID}/items`, body: {} },
      probe: async () => {
        await refusedEverywhere((client, m) => client.post(`/api/meetings/${m.meetingId}/items`, { caseId: c.caseOf[4], purpose: 'x' }));
        const f = await meeting();
        // The shelter's role may not run meetings, whatever case it names.
        expectStatus(await c.shelter.post(`/api/meetings/${f.meetingId}/items`, { caseId: c.caseOf[7], purpose: 'x' }), 403, 'forbidden');
      },
    },
    'PATCH /api/meetings/:id/items/:itemId': {
      why: 'notes and resolution of an item are written by agencies working on its case',
      anonymous: { path: `/api/meetings/${UNKNOWN_ID}/items/${UNKNOWN_ID}`, body: {} },
      probe: async () => {
        const f = await meeting();
        await refusedEverywhere((client, m) => client.patch(`/api/meetings/${m.meetingId}/items/${m.hiddenItemId}`, { notes: 'x' }));
        expectStatus(await c.shelter.patch(`/api/meetings/${f.meetingId}/items/${f.hiddenItemId}`, { notes: 'x' }), 404, 'not_found');
        expectStatus(await c.shelter.patch(`/api/meetings/${f.meetingId}/items/${f.sharedItemId}`, { notes: 'x' }), 403, 'forbidden');
      },
    },
    'POST /api/meetings/:id/items/:itemId/decisions': {
      why: 'decisions are case content: written only by agencies working on the case, with meeting:manage',
      anonymous: { path: `/api/meetings/${UNKNOWN_ID}/items/${UNKNOWN_ID}/decisions`, body: {} },
      probe: async () => {
        const f = await meeting();
        await refusedEverywhere((client, m) =>
          client.post(`/api/meetings/${m.meetingId}/items/${m.sharedItemId}/decisions`, { text: 'x' }),
        );
        expectStatus(
          await c.shelter.post(`/api/meetings/${f.meetingId}/items/${f.hiddenItemId}/decisions`, { text: 'x' }),
          404,
          'not_found',
        );
        expect((await asConvener()).agenda.flatMap((i: any) => i.decisions)).toEqual([]);
      },
    },
    'POST /api/meetings/:id/items/:itemId/actions': {
      why: 'actions are assigned only by agencies working on the case',
      anonymous: { path: `/api/meetings/${UNKNOWN_ID}/items/${UNKNOWN_ID}/actions`, body: {} },
      probe: async () => {
        const f = await meeting();
        const body = { text: 'x', ownerAgencyId: c.agency.ngo, dueOn: inAWeek() };
        await refusedEverywhere((client, m) => client.post(`/api/meetings/${m.meetingId}/items/${m.sharedItemId}/actions`, body));
        expectStatus(await c.shelter.post(`/api/meetings/${f.meetingId}/items/${f.hiddenItemId}/actions`, body), 404, 'not_found');
      },
    },
    'PATCH /api/meetings/:id/actions/:actionId': {
      why: 'an action is closed by an agency working on the case that reads its item (not by owning it), and only within the meeting',
      anonymous: { path: `/api/meetings/${UNKNOWN_ID}/actions/${UNKNOWN_ID}`, body: {} },
      probe: async () => {
        const f = await meeting();
        await refusedEverywhere((client, m) => client.patch(`/api/meetings/${m.meetingId}/actions/${m.actionId}`, { status: 'done' }));
        // The NGO's own meeting does not reach another meeting's action.
        const own = expectStatus(
          await c.ngo.post('/api/meetings', { title: 'NGO CMM', date: inAWeek(), time: '09:00', mode: 'online' }),
          201,
        );
        expectStatus(await c.ngo.patch(`/api/meetings/${own.id}/actions/${f.actionId}`, { status: 'done' }), 404, 'not_found');
        const action = (await asConvener()).agenda.find((i: any) => i.id === f.sharedItemId).actions[0];
        expect(action.status).toBe('open');
      },
    },
    'GET /api/meetings/:id/minutes.pdf': {
      why: 'minutes go only to members, each with what that reader may see',
      anonymous: { path: `/api/meetings/${UNKNOWN_ID}/minutes.pdf` },
      probe: async () => {
        const f = await meeting();
        for (const client of outsiders()) expectStatus(await client.get(`/api/meetings/${f.meetingId}/minutes.pdf`), 404, 'not_found');
        expectStatus(await c.data.get(`/api/meetings/${f.meetingId}/minutes.pdf`), 403, 'forbidden');
        expect((await c.shelter.get(`/api/meetings/${f.meetingId}/minutes.pdf`)).status).toBe(200);
      },
    },
  };
}
