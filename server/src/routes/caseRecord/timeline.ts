import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { agencies, caseEvents } from '../../db/schema/index.js';
import { withCase } from '../../http/caseContext.js';
import { offsetOf } from '../../http/listing.js';
import { readableSections } from '../../policies/case.js';
import { presentTimelineEntry } from '../../presenters/caseRecord.js';
import { timelineSchema } from './schema.js';

/** What happened to the case, newest first; an entry about a need-to-know section only for those who may read it. */
export function timelineRoutes(app: FastifyInstance, { database }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/cases/:id/timeline', { schema: timelineSchema }, async (request) =>
    withCase(db, request, request.params.id, 'read', async ({ tx, actor, view, audit }) => {
      const { page, pageSize } = request.query;
      const sections = readableSections(actor, view.involvement);
      const visible = sections.length ? or(isNull(caseEvents.section), inArray(caseEvents.section, sections)) : isNull(caseEvents.section);
      const where = and(eq(caseEvents.caseId, view.kase.id), visible);
      const rows = await tx
        .select({
          event: caseEvents,
          actorName: sql<string | null>`app_user_display_name(${caseEvents.actorUserId})`,
          actorAgencyName: agencies.name,
        })
        .from(caseEvents)
        .leftJoin(agencies, eq(agencies.id, caseEvents.actorAgencyId))
        .where(where)
        .orderBy(desc(caseEvents.occurredAt), desc(caseEvents.id))
        .limit(pageSize)
        .offset(offsetOf(page, pageSize));
      const [count] = await tx.select({ value: sql<number>`count(*)::int` }).from(caseEvents).where(where);
      await recordAudit(tx, audit, {
        action: 'case.timeline_read',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { sections, page },
      });
      return {
        items: rows.map((row) => presentTimelineEntry({ ...row.event, actorName: row.actorName, actorAgencyName: row.actorAgencyName })),
        total: count?.value ?? 0,
        page,
        pageSize,
      };
    }),
  );
}
