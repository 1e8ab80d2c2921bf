import { TZDate } from '@date-fns/tz';
import { timeZoneOfCountry } from '@seamless/contracts';
import { startOfDay } from 'date-fns';
import { and, asc, desc, eq, exists, gte, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { type AuditContext, recordAudit } from '../../audit/record.js';
import { addMeetingItem, recordMeetingDecision, updateMeetingItem } from '../../commands/addMeetingItem.js';
import { assignMeetingAction, setMeetingActionStatus } from '../../commands/assignMeetingAction.js';
import { conveneMeeting, updateMeeting } from '../../commands/conveneMeeting.js';
import { holdFollowUpMeeting } from '../../commands/holdFollowUpMeeting.js';
import { addMeetingAttendee } from '../../commands/recordMeetingAttendance.js';
import type { KeyRing } from '../../crypto/keyRing.js';
import { asActor } from '../../db/actorContext.js';
import type { Db, Tx } from '../../db/client.js';
import { caseMeetingActions, caseMeetingAttendees, caseMeetingItems, caseMeetings } from '../../db/schema/index.js';
import { loadCaseView } from '../../db/visibleCases.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { fieldError, forbidden, notFound } from '../../http/problem.js';
import { type Actor, dbActorOf } from '../../policies/actor.js';
import { canCase } from '../../policies/case.js';
import { canMeeting, type MeetingAction, readsItemText } from '../../policies/caseMeeting.js';
import { loadMeetingPeople } from './meetingPeople.js';
import { itemOf, listMeetings, loadMeeting, loadMeetingRow } from './meetingView.js';
import { sendMinutes } from './minutes.js';
import {
  actionCreateRouteSchema,
  actionUpdateRouteSchema,
  attendeeCreateRouteSchema,
  attendeeDeleteRouteSchema,
  attendeeUpdateRouteSchema,
  decisionCreateRouteSchema,
  itemCreateRouteSchema,
  itemUpdateRouteSchema,
  meetingCreateRouteSchema,
  meetingFollowUpRouteSchema,
  meetingListRouteSchema,
  meetingPeopleRouteSchema,
  meetingReadRouteSchema,
  meetingUpdateRouteSchema,
  minutesRouteSchema,
} from './schema.js';

export type MeetingContext = { tx: Tx; actor: Actor; audit: AuditContext; meeting: Awaited<ReturnType<typeof loadMeetingRow>> };

/**
 * The one way a route works on a meeting: as the actor under row-level security; a meeting the
 * actor's agency neither convenes nor was invited to is 404, an action the role or agency may
 * not take on it 403.
 */
async function withMeeting<T>(
  db: Db,
  request: FastifyRequest,
  meetingId: string,
  action: MeetingAction,
  work: (context: MeetingContext) => Promise<T>,
): Promise<T> {
  const actor = actorOf(request);
  if (!canMeeting(actor, 'list')) throw forbidden();
  return asActor(db, dbActorOf(actor), async (tx) => {
    const meeting = await loadMeetingRow(tx, meetingId);
    if (!canMeeting(actor, action, meeting.standing)) throw forbidden();
    return work({ tx, actor, audit: auditContextOf(request), meeting });
  });
}

/** The meeting as the reader may see it; showing an agenda case's content is a read of that case. */
async function readMeeting(tx: Tx, actor: Actor, keyRing: KeyRing, audit: AuditContext, meetingId: string) {
  const { detail, casesRead } = await loadMeeting(tx, actor, keyRing, meetingId);
  for (const caseId of casesRead) {
    await recordAudit(tx, audit, {
      action: 'case.read',
      resourceType: 'case',
      resourceId: caseId,
      details: { part: 'meeting', meetingId },
    });
  }
  return detail;
}

/** Case management meetings: convene, invite, agenda of cases, attendance, decisions, actions, minutes. */
export function caseMeetingRoutes(app: FastifyInstance, { database, keyRing }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/meetings', { schema: meetingListRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canMeeting(actor, 'list')) throw forbidden();
    const { when, caseId } = request.query;
    // "Today" is today where the actor works, whatever the server's clock zone.
    const today = startOfDay(new TZDate(Date.now(), timeZoneOfCountry(actor.countryCode)));
    const onCase = caseId
      ? exists(
          db
            .select({ id: caseMeetingItems.id })
            .from(caseMeetingItems)
            .where(and(eq(caseMeetingItems.meetingId, caseMeetings.id), eq(caseMeetingItems.caseId, caseId))),
        )
      : undefined;
    const timing = when === 'upcoming' ? gte(caseMeetings.startsAt, today) : lt(caseMeetings.startsAt, today);
    const order = when === 'upcoming' ? asc(caseMeetings.startsAt) : desc(caseMeetings.startsAt);
    return asActor(db, dbActorOf(actor), async (tx) => ({ items: await listMeetings(tx, and(timing, onCase), order) }));
  });

  api.post('/api/meetings', { schema: meetingCreateRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    if (!canMeeting(actor, 'convene')) throw forbidden();
    const audit = auditContextOf(request);
    const detail = await asActor(db, dbActorOf(actor), async (tx) => {
      const meeting = await conveneMeeting({ tx, actor, audit, input: request.body });
      return readMeeting(tx, actor, keyRing, audit, meeting.id);
    });
    return reply.status(201).send(detail);
  });

  api.get('/api/meetings/:id', { schema: meetingReadRouteSchema }, async (request) =>
    withMeeting(db, request, request.params.id, 'list', ({ tx, actor, audit }) =>
      readMeeting(tx, actor, keyRing, audit, request.params.id),
    ),
  );

  /** Colleagues' names are not victim data: like the meeting's attendee names, listing them is not audited. */
  api.get('/api/meetings/:id/people', { schema: meetingPeopleRouteSchema }, async (request) =>
    withMeeting(db, request, request.params.id, 'list', ({ tx, meeting }) => loadMeetingPeople(tx, meeting.row)),
  );

  api.patch('/api/meetings/:id', { schema: meetingUpdateRouteSchema }, async (request) =>
    withMeeting(db, request, request.params.id, 'manage', async ({ tx, actor, audit, meeting }) => {
      await updateMeeting({ tx, actor, audit, meeting: meeting.row, input: request.body });
      return readMeeting(tx, actor, keyRing, audit, meeting.row.id);
    }),
  );

  api.post('/api/meetings/:id/follow-up', { schema: meetingFollowUpRouteSchema }, async (request, reply) => {
    const detail = await withMeeting(db, request, request.params.id, 'manage', async ({ tx, actor, audit, meeting }) => {
      const next = await holdFollowUpMeeting({ tx, actor, audit, previous: meeting.row, input: request.body });
      return readMeeting(tx, actor, keyRing, audit, next.id);
    });
    return reply.status(201).send(detail);
  });

  api.post('/api/meetings/:id/attendees', { schema: attendeeCreateRouteSchema }, async (request, reply) => {
    const detail = await withMeeting(db, request, request.params.id, 'manage', async ({ tx, actor, audit, meeting }) => {
      await addMeetingAttendee({ tx, audit, meeting: meeting.row, input: request.body });
      return readMeeting(tx, actor, keyRing, audit, meeting.row.id);
    });
    return reply.status(201).send(detail);
  });

  api.patch('/api/meetings/:id/attendees/:attendeeId', { schema: attendeeUpdateRouteSchema }, async (request) =>
    withMeeting(db, request, request.params.id, 'manage', async ({ tx, actor, audit, meeting }) => {
      const [updated] = await tx
        .update(caseMeetingAttendees)
        .set({ attendance: request.body.attendance, ...(request.body.role !== undefined ? { role: request.body.role } : {}) })
        .where(and(eq(caseMeetingAttendees.meetingId, meeting.row.id), eq(caseMeetingAttendees.id, request.params.attendeeId)))
        .returning({ id: caseMeetingAttendees.id });
      if (!updated) throw notFound();
      await recordAudit(tx, audit, {
        action: 'case.update',
        resourceType: 'case_meeting',
        resourceId: meeting.row.id,
        details: { change: 'attendance', attendeeId: updated.id, attendance: request.body.attendance },
      });
      return readMeeting(tx, actor, keyRing, audit, meeting.row.id);
    }),
  );

  api.delete('/api/meetings/:id/attendees/:attendeeId', { schema: attendeeDeleteRouteSchema }, async (request) =>
    withMeeting(db, request, request.params.id, 'manage', async ({ tx, actor, audit, meeting }) => {
      const [removed] = await tx
        .delete(caseMeetingAttendees)
        .where(and(eq(caseMeetingAttendees.meetingId, meeting.row.id), eq(caseMeetingAttendees.id, request.params.attendeeId)))
        .returning({ id: caseMeetingAttendees.id });
      if (!removed) throw notFound();
      await recordAudit(tx, audit, {
        action: 'case.update',
        resourceType: 'case_meeting',
        resourceId: meeting.row.id,
        details: { change: 'attendee_removed', attendeeId: removed.id },
      });
      return readMeeting(tx, actor, keyRing, audit, meeting.row.id);
    }),
  );

  api.post('/api/meetings/:id/items', { schema: itemCreateRouteSchema }, async (request, reply) => {
    const detail = await withMeeting(db, request, request.params.id, 'addItem', async ({ tx, actor, audit, meeting }) => {
      const view = await loadCaseView(tx, actor, request.body.caseId);
      // A case the agency cannot work on is reported like one that does not exist.
      if (!view || !canCase(actor, 'read', view.involvement) || !canMeeting(actor, 'writeItem', meeting.standing, view.involvement)) {
        throw fieldError(422, 'invalid_reference', 'caseId', 'No such case, or not one your agency works on.');
      }
      if (!readsItemText(actor, request.body.section, view.involvement)) {
        throw fieldError(403, 'forbidden', 'section', 'Only those who may read this section may put it on an agenda.');
      }
      await addMeetingItem({ tx, actor, audit, meetingId: meeting.row.id, view, input: request.body });
      return readMeeting(tx, actor, keyRing, audit, meeting.row.id);
    });
    return reply.status(201).send(detail);
  });

  /** An agenda item the actor's agency works on (its case content is what the write touches). */
  async function writableItem(tx: Tx, actor: Actor, meeting: MeetingContext['meeting'], itemId: string) {
    const item = await itemOf(tx, meeting.row.id, itemId);
    const view = await loadCaseView(tx, actor, item.caseId);
    if (!view || !canCase(actor, 'read', view.involvement)) throw notFound();
    if (!canMeeting(actor, 'writeItem', meeting.standing, view.involvement) || !readsItemText(actor, item.section, view.involvement)) {
      throw forbidden();
    }
    return item;
  }

  api.patch('/api/meetings/:id/items/:itemId', { schema: itemUpdateRouteSchema }, async (request) =>
    withMeeting(db, request, request.params.id, 'list', async ({ tx, actor, audit, meeting }) => {
      const item = await writableItem(tx, actor, meeting, request.params.itemId);
      await updateMeetingItem({ tx, actor, audit, item, input: request.body });
      return readMeeting(tx, actor, keyRing, audit, meeting.row.id);
    }),
  );

  api.post('/api/meetings/:id/items/:itemId/decisions', { schema: decisionCreateRouteSchema }, async (request, reply) => {
    const detail = await withMeeting(db, request, request.params.id, 'list', async ({ tx, actor, audit, meeting }) => {
      const item = await writableItem(tx, actor, meeting, request.params.itemId);
      await recordMeetingDecision({ tx, actor, audit, item, text: request.body.text });
      return readMeeting(tx, actor, keyRing, audit, meeting.row.id);
    });
    return reply.status(201).send(detail);
  });

  api.post('/api/meetings/:id/items/:itemId/actions', { schema: actionCreateRouteSchema }, async (request, reply) => {
    const detail = await withMeeting(db, request, request.params.id, 'list', async ({ tx, actor, audit, meeting }) => {
      const item = await writableItem(tx, actor, meeting, request.params.itemId);
      await assignMeetingAction({ tx, actor, audit, meeting: meeting.row, item, input: request.body });
      return readMeeting(tx, actor, keyRing, audit, meeting.row.id);
    });
    return reply.status(201).send(detail);
  });

  api.patch('/api/meetings/:id/actions/:actionId', { schema: actionUpdateRouteSchema }, async (request) =>
    withMeeting(db, request, request.params.id, 'list', async ({ tx, actor, audit, meeting }) => {
      const [action] = await tx
        .select()
        .from(caseMeetingActions)
        .where(and(eq(caseMeetingActions.meetingId, meeting.row.id), eq(caseMeetingActions.id, request.params.actionId)));
      if (!action) throw notFound();
      const item = await itemOf(tx, meeting.row.id, action.itemId);
      const view = await loadCaseView(tx, actor, action.caseId);
      const involvement = view && canCase(actor, 'read', view.involvement) ? view.involvement : null;
      if (
        action.status === 'carried' ||
        !canMeeting(actor, 'updateAction', meeting.standing, involvement) ||
        !readsItemText(actor, item.section, involvement)
      ) {
        throw forbidden();
      }
      await setMeetingActionStatus({ tx, actor, audit, action, status: request.body.status });
      return readMeeting(tx, actor, keyRing, audit, meeting.row.id);
    }),
  );

  api.get('/api/meetings/:id/minutes.pdf', { schema: minutesRouteSchema }, async (request, reply) =>
    withMeeting(db, request, request.params.id, 'downloadMinutes', async ({ tx, actor, audit, meeting }) => {
      const locale = request.query.locale ?? actor.locale;
      const { detail, casesRead } = await loadMeeting(tx, actor, keyRing, meeting.row.id, 'minutes');
      return sendMinutes(reply, { tx, audit, detail, casesRead, locale, readerName: actor.displayName, readerAgency: actor.agencyName });
    }),
  );
}
