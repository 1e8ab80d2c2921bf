import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { recordCaseEvent } from '../../commands/recordCaseEvent.js';
import { placeOf } from '../../db/cipherPlace.js';
import { agencies, caseComments } from '../../db/schema/index.js';
import { withCase } from '../../http/caseContext.js';
import { offsetOf } from '../../http/listing.js';
import { presentComment } from '../../presenters/caseRecord.js';
import { assertMayWriteSection, assertOpen, readableRecordSections } from './guards.js';
import { commentCreateSchema, commentListSchema } from './schema.js';

/** HTCDS case comments (`cco_`): notes under the general record or a need-to-know section, encrypted, newest first. */
export function commentRoutes(app: FastifyInstance, { database, keyRing }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/cases/:id/comments', { schema: commentListSchema }, async (request) =>
    withCase(db, request, request.params.id, 'read', async ({ tx, actor, view, audit }) => {
      const { page, pageSize } = request.query;
      const sections = readableRecordSections(actor, view.involvement);
      const where = and(eq(caseComments.caseId, view.kase.id), inArray(caseComments.section, sections));
      const rows = await tx
        .select({
          comment: caseComments,
          authorName: sql<string | null>`app_user_display_name(${caseComments.authorUserId})`,
          authorAgencyName: agencies.name,
        })
        .from(caseComments)
        .innerJoin(agencies, eq(agencies.id, caseComments.authorAgencyId))
        .where(where)
        .orderBy(desc(caseComments.createdAt), desc(caseComments.id))
        .limit(pageSize)
        .offset(offsetOf(page, pageSize));
      const [count] = await tx.select({ value: sql<number>`count(*)::int` }).from(caseComments).where(where);
      await recordAudit(tx, audit, {
        action: 'case.read',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { part: 'comments', sections, commentIds: rows.map((row) => row.comment.id) },
      });
      return {
        items: rows.map((row) =>
          presentComment({ ...row.comment, authorName: row.authorName, authorAgencyName: row.authorAgencyName }, keyRing),
        ),
        total: count?.value ?? 0,
        page,
        pageSize,
      };
    }),
  );

  api.post('/api/cases/:id/comments', { schema: commentCreateSchema }, async (request, reply) => {
    const comment = await withCase(db, request, request.params.id, 'comment', async ({ tx, actor, view, audit }) => {
      assertOpen(view);
      const { section, body } = request.body;
      assertMayWriteSection(actor, section, view.involvement);
      const id = randomUUID();
      const [row] = await tx
        .insert(caseComments)
        .values({
          id,
          caseId: view.kase.id,
          section,
          bodyEnc: keyRing.encrypt(body, placeOf(caseComments.bodyEnc, id)),
          authorUserId: actor.userId,
          authorAgencyId: actor.agencyId,
        })
        .returning();
      await recordCaseEvent(tx, actor, view.kase.id, 'comment.added', { commentId: row!.id }, section === 'general' ? null : section);
      await recordAudit(tx, audit, {
        action: 'case.comment',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { commentId: row!.id, section },
      });
      return { ...row!, authorName: actor.displayName, authorAgencyName: actor.agencyName };
    });
    return reply.status(201).send(presentComment(comment, keyRing));
  });
}
