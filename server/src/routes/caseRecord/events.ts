import type { traffickingEventInputSchema } from '@seamless/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { isoDay } from '../../commands/openCase.js';
import { recordCaseEvent } from '../../commands/recordCaseEvent.js';
import type { KeyRing } from '../../crypto/keyRing.js';
import { personIdentityValue } from '../../db/cipherPlace.js';
import { traffickingEvents } from '../../db/schema/index.js';
import type { PersonRow } from '../../db/visibleCases.js';
import { withCase } from '../../http/caseContext.js';
import { AppError, fieldError, notFound } from '../../http/problem.js';
import { presentTraffickingEvent } from '../../presenters/caseRecord.js';
import { assertOpen, touchCase } from './guards.js';
import { eventCreateSchema, eventDeleteSchema, eventListSchema } from './schema.js';

type EventInput = z.infer<typeof traffickingEventInputSchema>;

/** The latest date that is already today somewhere: UTC+14 is the first time zone to begin each day. */
const FURTHEST_ZONE_AHEAD_MS = 14 * 3_600_000;

/** The earliest day the person can have been born: the birth date, or the first day of a birth year (a year earlier when estimated from an age). */
function bornNoEarlierThan(person: PersonRow, keyRing: KeyRing): string | null {
  const birthDate = personIdentityValue(keyRing, person, 'birthDateEnc');
  if (birthDate) return birthDate;
  if (person.birthYear == null) return null;
  const year = person.birthYear - (person.birthYearEstimated ? 1 : 0);
  return `${String(year).padStart(4, '0')}-01-01`;
}

/** An event is a real stretch of days, in the past, in the person's lifetime. */
function assertEventDates(event: EventInput, person: PersonRow, keyRing: KeyRing, now: Date) {
  const dated = (['startedOn', 'endedOn'] as const).filter((path) => event[path]);
  for (const path of dated) {
    const day = event[path]!;
    if (isoDay(new Date(`${day}T00:00:00Z`)) !== day) throw fieldError(400, 'validation_failed', path, 'Not a calendar date.');
  }
  const latestToday = isoDay(new Date(now.getTime() + FURTHEST_ZONE_AHEAD_MS));
  for (const path of dated) {
    if (event[path]! > latestToday) throw fieldError(422, 'validation_failed', path, 'The date is in the future.');
  }
  if (event.startedOn && event.endedOn && event.endedOn < event.startedOn) {
    throw new AppError(422, 'validation_failed', 'The event ends before it starts.', [
      { path: 'endedOn', code: 'ends_before_start', message: 'The event ends before it starts.' },
    ]);
  }
  const born = bornNoEarlierThan(person, keyRing);
  const first = dated[0];
  if (born && first && event[first]! < born) {
    throw fieldError(422, 'validation_failed', first, 'The event is dated before the person was born.');
  }
}

/** HTCDS historic trafficking events (`hte_`): where and when the person was recruited, moved and exploited. */
export function eventRoutes(app: FastifyInstance, { database, keyRing }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/cases/:id/events', { schema: eventListSchema }, async (request) =>
    withCase(db, request, request.params.id, 'read', async ({ tx, view, audit }) => {
      const rows = await tx
        .select()
        .from(traffickingEvents)
        .where(eq(traffickingEvents.caseId, view.kase.id))
        .orderBy(sql`${traffickingEvents.startedOn} asc nulls last`, asc(traffickingEvents.createdAt), asc(traffickingEvents.id));
      await recordAudit(tx, audit, {
        action: 'case.read',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { part: 'trafficking_events' },
      });
      return { items: rows.map(presentTraffickingEvent) };
    }),
  );

  api.post('/api/cases/:id/events', { schema: eventCreateSchema }, async (request, reply) => {
    const event = await withCase(db, request, request.params.id, 'update', async ({ tx, actor, view, audit }) => {
      assertOpen(view);
      const input = request.body;
      assertEventDates(input, view.person, keyRing, new Date());
      const [row] = await tx
        .insert(traffickingEvents)
        .values({
          caseId: view.kase.id,
          eventType: input.eventType,
          country: input.country ?? null,
          place: input.place ?? null,
          startedOn: input.startedOn ?? null,
          endedOn: input.endedOn ?? null,
          createdBy: actor.userId,
        })
        .returning();
      await touchCase(tx, view.kase.id);
      await recordCaseEvent(tx, actor, view.kase.id, 'event.added', { eventId: row!.id, eventType: row!.eventType });
      await recordAudit(tx, audit, {
        action: 'case.update',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { traffickingEvent: { added: row!.id, eventType: row!.eventType } },
      });
      return row!;
    });
    return reply.status(201).send(presentTraffickingEvent(event));
  });

  api.delete('/api/cases/:id/events/:eventId', { schema: eventDeleteSchema }, async (request, reply) => {
    await withCase(db, request, request.params.id, 'update', async ({ tx, actor, view, audit }) => {
      assertOpen(view);
      const [removed] = await tx
        .delete(traffickingEvents)
        .where(and(eq(traffickingEvents.id, request.params.eventId), eq(traffickingEvents.caseId, view.kase.id)))
        .returning({ id: traffickingEvents.id, eventType: traffickingEvents.eventType });
      if (!removed) throw notFound();
      await touchCase(tx, view.kase.id);
      await recordCaseEvent(tx, actor, view.kase.id, 'event.removed', { eventId: removed.id, eventType: removed.eventType });
      await recordAudit(tx, audit, {
        action: 'case.update',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { traffickingEvent: { removed: removed.id, eventType: removed.eventType } },
      });
    });
    return reply.status(204).send();
  });
}
