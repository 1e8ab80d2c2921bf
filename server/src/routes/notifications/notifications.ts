import type { Notification } from '@seamless/contracts';
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { asActor } from '../../db/actorContext.js';
import type { Tx } from '../../db/client.js';
import { cases, notificationPreferences, notifications } from '../../db/schema/index.js';
import { actorOf } from '../../http/context.js';
import { offsetOf } from '../../http/listing.js';
import { notFound } from '../../http/problem.js';
import { dbActorOf } from '../../policies/actor.js';
import {
  markAllReadRouteSchema,
  markReadRouteSchema,
  notificationListRouteSchema,
  preferencesReadRouteSchema,
  preferencesWriteRouteSchema,
  unreadCountRouteSchema,
} from './schema.js';

type NotificationRow = typeof notifications.$inferSelect & { caseReference: string | null };

function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    caseId: row.caseId,
    caseReference: row.caseReference,
    subjectId: row.subjectId,
    dueOn: row.dueOn,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** The case reference shows only when row-level security lets the reader see the case. */
const noticeColumns = {
  id: notifications.id,
  kind: notifications.kind,
  agencyId: notifications.agencyId,
  userId: notifications.userId,
  caseId: notifications.caseId,
  subjectId: notifications.subjectId,
  dueOn: notifications.dueOn,
  onceKey: notifications.onceKey,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
  caseReference: cases.reference,
};

async function unreadOf(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ value: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.value ?? 0;
}

/**
 * The notification centre: every signed-in user's own notices (kind, ids, dates — no personal
 * data, so reading them is not a read of victim data), and her digest preference.
 */
export function notificationRoutes(app: FastifyInstance, { database }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/notifications', { schema: notificationListRouteSchema }, async (request) => {
    const actor = actorOf(request);
    const { page, pageSize, unread } = request.query;
    return asActor(db, dbActorOf(actor), async (tx) => {
      const where = and(eq(notifications.userId, actor.userId), unread === 'true' ? isNull(notifications.readAt) : undefined);
      const rows = await tx
        .select(noticeColumns)
        .from(notifications)
        .leftJoin(cases, eq(cases.id, notifications.caseId))
        .where(where)
        .orderBy(sql`${notifications.readAt} is not null`, desc(notifications.createdAt), asc(notifications.id))
        .limit(pageSize)
        .offset(offsetOf(page, pageSize));
      const [total] = await tx.select({ value: count() }).from(notifications).where(where);
      return { items: rows.map(presentNotification), total: total?.value ?? 0, unread: await unreadOf(tx, actor.userId) };
    });
  });

  api.get('/api/notifications/unread-count', { schema: unreadCountRouteSchema }, async (request) => {
    const actor = actorOf(request);
    return { unread: await asActor(db, dbActorOf(actor), (tx) => unreadOf(tx, actor.userId)) };
  });

  api.post('/api/notifications/:id/read', { schema: markReadRouteSchema }, async (request) => {
    const actor = actorOf(request);
    return asActor(db, dbActorOf(actor), async (tx) => {
      // Row-level security limits the update to the caller's own notices: another's is "not found".
      await tx
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
        .where(eq(notifications.id, request.params.id));
      const [row] = await tx
        .select(noticeColumns)
        .from(notifications)
        .leftJoin(cases, eq(cases.id, notifications.caseId))
        .where(eq(notifications.id, request.params.id));
      if (!row) throw notFound();
      return presentNotification(row);
    });
  });

  api.post('/api/notifications/read-all', { schema: markAllReadRouteSchema }, async (request) => {
    const actor = actorOf(request);
    const marked = await asActor(db, dbActorOf(actor), (tx) =>
      tx
        .update(notifications)
        .set({ readAt: sql`now()` })
        .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
        .returning({ id: notifications.id }),
    );
    return { marked: marked.length };
  });

  api.get('/api/notifications/preferences', { schema: preferencesReadRouteSchema }, async (request) => {
    const actor = actorOf(request);
    const [row] = await asActor(db, dbActorOf(actor), (tx) =>
      tx.select().from(notificationPreferences).where(eq(notificationPreferences.userId, actor.userId)),
    );
    return { dailyDigest: row?.dailyDigest ?? false };
  });

  api.put('/api/notifications/preferences', { schema: preferencesWriteRouteSchema }, async (request) => {
    const actor = actorOf(request);
    const { dailyDigest } = request.body;
    await asActor(db, dbActorOf(actor), (tx) =>
      tx
        .insert(notificationPreferences)
        .values({ userId: actor.userId, dailyDigest })
        .onConflictDoUpdate({ target: notificationPreferences.userId, set: { dailyDigest, updatedAt: sql`now()` } }),
    );
    return { dailyDigest };
  });
}
