import {
  type CaseTask,
  caseTaskCreateSchema,
  caseTaskSchema,
  caseTaskUpdateSchema,
  savedCaseFilterCreateSchema,
  savedCaseFilterSchema,
  taskListQuerySchema,
} from '@seamless/contracts';
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { recordCaseEvent } from '../../commands/recordCaseEvent.js';
import { asActor } from '../../db/actorContext.js';
import { cases, caseTasks, savedCaseFilters, users } from '../../db/schema/index.js';
import { loadCaseView } from '../../db/visibleCases.js';
import { localToday } from '../../followUp/schedule.js';
import { withCase } from '../../http/caseContext.js';
import { actorOf } from '../../http/context.js';
import { fieldError, forbidden, notFound } from '../../http/problem.js';
import { dbActorOf } from '../../policies/actor.js';
import { canCase } from '../../policies/case.js';
import { caseIdParams } from './schema.js';

type TaskRow = typeof caseTasks.$inferSelect & { caseReference: string };

function presentTask(row: TaskRow, today: string): CaseTask {
  return {
    id: row.id,
    caseId: row.caseId,
    caseReference: row.caseReference,
    kind: row.kind as CaseTask['kind'],
    title: row.title,
    dueOn: row.dueOn,
    overdue: !row.doneAt && row.dueOn < today,
    assigneeUserId: row.assigneeUserId,
    doneAt: row.doneAt?.toISOString() ?? null,
  };
}

const taskColumns = {
  id: caseTasks.id,
  caseId: caseTasks.caseId,
  kind: caseTasks.kind,
  title: caseTasks.title,
  dueOn: caseTasks.dueOn,
  agencyId: caseTasks.agencyId,
  assigneeUserId: caseTasks.assigneeUserId,
  doneAt: caseTasks.doneAt,
  doneBy: caseTasks.doneBy,
  createdBy: caseTasks.createdBy,
  createdAt: caseTasks.createdAt,
  caseReference: cases.reference,
};

/** Tasks and alerts (deadlines the procedures set, and tasks people add), and saved case-list filters. */
export function caseWorkRoutes(app: FastifyInstance, { database }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const taskParams = z.object({ id: z.string().uuid() }).strict();

  api.get(
    '/api/tasks',
    {
      schema: {
        tags: ['tasks'],
        querystring: taskListQuerySchema.strict(),
        response: { 200: z.object({ items: z.array(caseTaskSchema) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!canCase(actor, 'list')) throw forbidden();
      const { scope, includeDone } = request.query;
      const mine = or(
        eq(caseTasks.assigneeUserId, actor.userId),
        and(isNull(caseTasks.assigneeUserId), eq(cases.ownerUserId, actor.userId)),
      );
      const rows = await asActor(db, dbActorOf(actor), (tx) =>
        tx
          .select(taskColumns)
          .from(caseTasks)
          .innerJoin(cases, eq(cases.id, caseTasks.caseId))
          .where(
            and(
              eq(caseTasks.agencyId, actor.agencyId),
              scope === 'mine' ? mine : undefined,
              includeDone ? undefined : isNull(caseTasks.doneAt),
            ),
          )
          .orderBy(asc(caseTasks.dueOn), asc(caseTasks.id))
          .limit(500),
      );
      const today = localToday(actor.countryCode, new Date());
      return { items: rows.map((row) => presentTask(row, today)) };
    },
  );

  api.post(
    '/api/cases/:id/tasks',
    { schema: { tags: ['tasks'], params: caseIdParams, body: caseTaskCreateSchema, response: { 201: caseTaskSchema } } },
    async (request, reply) => {
      const task = await withCase(db, request, request.params.id, 'addTask', async ({ tx, actor, view }) => {
        const { title, dueOn, assigneeUserId } = request.body;
        if (assigneeUserId) {
          const [assignee] = await tx
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.id, assigneeUserId), eq(users.agencyId, actor.agencyId), eq(users.active, true)));
          if (!assignee) throw fieldError(422, 'invalid_reference', 'assigneeUserId', 'Choose an active user of your agency.');
        }
        const [row] = await tx
          .insert(caseTasks)
          .values({
            caseId: view.kase.id,
            kind: 'custom',
            title,
            dueOn,
            agencyId: actor.agencyId,
            assigneeUserId: assigneeUserId ?? null,
            createdBy: actor.userId,
          })
          .returning();
        await recordCaseEvent(tx, actor, view.kase.id, 'task.added', { dueOn });
        return { ...row!, caseReference: view.kase.reference };
      });
      return reply.status(201).send(presentTask(task, localToday(actorOf(request).countryCode, new Date())));
    },
  );

  api.patch(
    '/api/tasks/:id',
    { schema: { tags: ['tasks'], params: taskParams, body: caseTaskUpdateSchema, response: { 200: caseTaskSchema } } },
    async (request) => {
      const actor = actorOf(request);
      if (!canCase(actor, 'list')) throw forbidden();
      const task = await asActor(db, dbActorOf(actor), async (tx) => {
        const [row] = await tx
          .select(taskColumns)
          .from(caseTasks)
          .innerJoin(cases, eq(cases.id, caseTasks.caseId))
          .where(eq(caseTasks.id, request.params.id));
        // A task belongs to one agency's worklist; another agency's task on a shared case is not theirs to close.
        if (!row || row.agencyId !== actor.agencyId) throw notFound();
        const view = await loadCaseView(tx, actor, row.caseId);
        if (!view || !canCase(actor, 'comment', view.involvement)) throw notFound();
        const done = request.body.done;
        const [updated] = await tx
          .update(caseTasks)
          .set({ doneAt: done ? new Date() : null, doneBy: done ? actor.userId : null })
          .where(eq(caseTasks.id, row.id))
          .returning();
        if (done && !row.doneAt) await recordCaseEvent(tx, actor, row.caseId, 'task.done', { kind: row.kind });
        return { ...updated!, caseReference: row.caseReference };
      });
      return presentTask(task, localToday(actor.countryCode, new Date()));
    },
  );

  api.get(
    '/api/saved-filters',
    { schema: { tags: ['cases'], response: { 200: z.object({ items: z.array(savedCaseFilterSchema) }) } } },
    async (request) => {
      const actor = actorOf(request);
      const rows = await asActor(db, dbActorOf(actor), (tx) =>
        tx.select().from(savedCaseFilters).where(eq(savedCaseFilters.userId, actor.userId)).orderBy(desc(savedCaseFilters.createdAt)),
      );
      return { items: rows.map((row) => ({ id: row.id, name: row.name, query: row.query, createdAt: row.createdAt.toISOString() })) };
    },
  );

  api.post(
    '/api/saved-filters',
    { schema: { tags: ['cases'], body: savedCaseFilterCreateSchema, response: { 201: savedCaseFilterSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!canCase(actor, 'list')) throw forbidden();
      const row = await asActor(db, dbActorOf(actor), async (tx) => {
        const [{ value }] = (await tx
          .select({ value: sql<number>`count(*)::int` })
          .from(savedCaseFilters)
          .where(eq(savedCaseFilters.userId, actor.userId))) as [{ value: number }];
        if (value >= 50) throw fieldError(422, 'validation_failed', 'name', 'You have 50 saved filters already; delete one first.');
        const [created] = await tx
          .insert(savedCaseFilters)
          .values({ userId: actor.userId, name: request.body.name, query: request.body.query })
          .returning();
        return created!;
      });
      return reply.status(201).send({ id: row.id, name: row.name, query: row.query, createdAt: row.createdAt.toISOString() });
    },
  );

  api.delete('/api/saved-filters/:id', { schema: { tags: ['cases'], params: taskParams } }, async (request, reply) => {
    const actor = actorOf(request);
    const removed = await asActor(db, dbActorOf(actor), (tx) =>
      tx
        .delete(savedCaseFilters)
        .where(and(eq(savedCaseFilters.id, request.params.id), eq(savedCaseFilters.userId, actor.userId)))
        .returning({ id: savedCaseFilters.id }),
    );
    if (!removed.length) throw notFound();
    return reply.status(204).send();
  });
}
