import { randomUUID } from 'node:crypto';
import { sectionPermission } from '@seamless/contracts';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { openRepatriatedCase } from '../../commands/openRepatriatedCase.js';
import { reportFollowUp } from '../../commands/reportFollowUp.js';
import { requestRepatriation } from '../../commands/requestRepatriation.js';
import { type LocalBody, takeRepatriationStep } from '../../commands/takeRepatriationStep.js';
import type { Tx } from '../../db/client.js';
import { repatriations } from '../../db/schema/index.js';
import { withheldFromReceiver } from '../../federation/threads.js';
import { asPermittedActor } from '../../http/asPermittedActor.js';
import { withCase } from '../../http/caseContext.js';
import { auditContextOf } from '../../http/context.js';
import { conflict, forbidden, notFound } from '../../http/problem.js';
import { type Actor, has } from '../../policies/actor.js';
import { canNoteRepatriationMeeting, canRepatriate } from '../../policies/repatriation.js';
import { presentRepatriation, summariesOf } from '../../repatriation/present.js';
import type { StepKind } from '../../repatriation/steps.js';
import { contentOf, loadRepatriation, lockRepatriation, saveRepatriation } from '../../repatriation/thread.js';
import { sendStoredFile } from '../caseRecord/attachments.js';
import {
  caseRepatriationListRouteSchema,
  decisionRouteSchema,
  familyAssessmentRouteSchema,
  followUpReportRouteSchema,
  handoverPlanRouteSchema,
  handoverSignatureRouteSchema,
  meetingMinutesRouteSchema,
  meetingNotesRouteSchema,
  meetingScheduleRouteSchema,
  openCaseRouteSchema,
  repatriationFileRouteSchema,
  repatriationGetRouteSchema,
  repatriationListRouteSchema,
  repatriationRequestRouteSchema,
  verificationRouteSchema,
  withdrawRouteSchema,
} from './schema.js';

/**
 * Repatriation across a border (issue 12): the sending agency asks from its case, the partner's
 * receiving agency works through its queue, and each step travels as a packet. Row-level security
 * shows a repatriation only to the agency holding it on this side.
 */
export function repatriationRoutes(app: FastifyInstance, { database, keyRing, federation }: RouteDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  const asRepatriator = <T>(request: FastifyRequest, work: (tx: Tx, actor: Actor) => Promise<T>) =>
    asPermittedActor(db, request, canRepatriate, work);

  async function presentById(tx: Tx, actor: Actor, id: string) {
    const [row] = await tx.select().from(repatriations).where(eq(repatriations.id, id));
    return presentRepatriation(tx, keyRing, actor, row!);
  }

  api.get('/api/repatriations', { schema: repatriationListRouteSchema }, async (request) =>
    asRepatriator(request, async (tx) => {
      const { side, status } = request.query;
      const where: SQL | undefined = and(
        side ? eq(repatriations.side, side) : undefined,
        status ? eq(repatriations.status, status) : undefined,
      );
      const rows = await tx.select().from(repatriations).where(where).orderBy(desc(repatriations.updatedAt)).limit(200);
      await recordAudit(tx, auditContextOf(request), {
        action: 'repatriation.read',
        resourceType: 'repatriation',
        details: { side: side ?? null, repatriationIds: rows.map((row) => row.id) },
      });
      return { items: await summariesOf(tx, rows) };
    }),
  );

  api.get('/api/repatriations/:id', { schema: repatriationGetRouteSchema }, async (request) =>
    asRepatriator(request, async (tx, actor) => {
      const row = await loadRepatriation(tx, request.params.id);
      await recordAudit(tx, auditContextOf(request), { action: 'repatriation.read', resourceType: 'repatriation', resourceId: row.id });
      return presentRepatriation(tx, keyRing, actor, row);
    }),
  );

  /** A file that came with the request, for a reader whose role opens its section. */
  api.get('/api/repatriations/:id/files/:index', { schema: repatriationFileRouteSchema }, async (request, reply) => {
    const file = await asRepatriator(request, async (tx, actor) => {
      const row = await loadRepatriation(tx, request.params.id);
      const sent = withheldFromReceiver(row) ? undefined : contentOf(keyRing, row).attachments[request.params.index];
      if (!sent || !has(actor, sectionPermission(sent.section))) throw notFound();
      await recordAudit(tx, auditContextOf(request), {
        action: 'repatriation.read',
        resourceType: 'repatriation',
        resourceId: row.id,
        details: { file: request.params.index, section: sent.section },
      });
      return { ...sent, bytes: await federation.files.get(sent.sha256) };
    });
    return sendStoredFile(reply, file);
  });

  api.get('/api/cases/:id/repatriations', { schema: caseRepatriationListRouteSchema }, async (request) =>
    withCase(db, request, request.params.id, 'read', async ({ tx, actor, view, audit }) => {
      if (!canRepatriate(actor)) throw forbidden();
      const rows = await tx
        .select()
        .from(repatriations)
        .where(eq(repatriations.caseId, view.kase.id))
        .orderBy(desc(repatriations.requestedAt));
      await recordAudit(tx, audit, {
        action: 'repatriation.read',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { repatriationIds: rows.map((row) => row.id) },
      });
      return { items: await summariesOf(tx, rows) };
    }),
  );

  api.post('/api/cases/:id/repatriations', { schema: repatriationRequestRouteSchema }, async (request, reply) => {
    const presented = await withCase(db, request, request.params.id, 'update', async ({ tx, actor, view, audit }) => {
      const id = await requestRepatriation(
        { tx, keyRing, outbox: federation.outbox, files: federation.files, actor, audit, view },
        request.body,
      );
      return presentById(tx, actor, id);
    });
    federation.delivery.kick();
    return reply.status(201).send(presented);
  });

  /** One step on this side, sent to the other side in the same transaction. */
  const stepRoute = <K extends StepKind>(path: string, schema: object, kind: K) =>
    api.post(`/api/repatriations/:id/${path}`, { schema }, async (request) => {
      const { id } = request.params as { id: string };
      const presented = await asRepatriator(request, async (tx, actor) => {
        await takeRepatriationStep(
          { tx, keyRing, outbox: federation.outbox, actor, audit: auditContextOf(request) },
          id,
          kind,
          request.body as LocalBody<K>,
        );
        return presentById(tx, actor, id);
      });
      federation.delivery.kick();
      return presented;
    });
  stepRoute('verification', verificationRouteSchema, 'verification_result');
  stepRoute('family-assessment', familyAssessmentRouteSchema, 'family_assessment');
  stepRoute('decision', decisionRouteSchema, 'repatriation_decision');
  stepRoute('handover-plan', handoverPlanRouteSchema, 'handover_plan');
  stepRoute('handover-signature', handoverSignatureRouteSchema, 'handover_record');
  stepRoute('withdraw', withdrawRouteSchema, 'repatriation_withdrawal');

  api.post('/api/repatriations/:id/meetings', { schema: meetingScheduleRouteSchema }, async (request) => {
    const presented = await asRepatriator(request, async (tx, actor) => {
      const audit = auditContextOf(request);
      const body = { ...request.body, meetingId: randomUUID() };
      await takeRepatriationStep({ tx, keyRing, outbox: federation.outbox, actor, audit }, request.params.id, 'meeting_invitation', body);
      return presentById(tx, actor, request.params.id);
    });
    federation.delivery.kick();
    return presented;
  });

  api.post('/api/repatriations/:id/meetings/:meetingId/minutes', { schema: meetingMinutesRouteSchema }, async (request) => {
    const { id, meetingId } = request.params;
    const presented = await asRepatriator(request, async (tx, actor) => {
      const audit = auditContextOf(request);
      await takeRepatriationStep({ tx, keyRing, outbox: federation.outbox, actor, audit }, id, 'meeting_minutes', {
        meetingId,
        ...request.body,
      });
      return presentById(tx, actor, id);
    });
    federation.delivery.kick();
    return presented;
  });

  /** This side's own notes of a meeting: kept here, never sent. */
  api.post('/api/repatriations/:id/meetings/:meetingId/notes', { schema: meetingNotesRouteSchema }, async (request) =>
    asRepatriator(request, async (tx, actor) => {
      const { id, meetingId } = request.params;
      const row = await lockRepatriation(tx, id);
      const content = contentOf(keyRing, row);
      if (!content.meetings.some((meeting) => meeting.id === meetingId)) throw notFound();
      if (!canNoteRepatriationMeeting(actor)) throw forbidden();
      if (row.consentWithdrawnAt) throw conflict('Her consent was withdrawn: nothing more is written about this repatriation.');
      const notes = request.body.notes.trim() || null;
      const meetings = content.meetings.map((meeting) => (meeting.id === meetingId ? { ...meeting, ownNotes: notes } : meeting));
      await saveRepatriation(tx, keyRing, row, { status: row.status, content: { ...content, meetings } });
      await recordAudit(tx, auditContextOf(request), {
        action: 'repatriation.update',
        resourceType: 'repatriation',
        resourceId: row.id,
        details: { meetingId, part: 'own_notes' },
      });
      return presentById(tx, actor, id);
    }),
  );

  api.post('/api/repatriations/:id/open-case', { schema: openCaseRouteSchema }, async (request) =>
    asRepatriator(request, async (tx, actor) => {
      await openRepatriatedCase({ tx, keyRing, actor, audit: auditContextOf(request) }, request.params.id, request.body);
      return presentById(tx, actor, request.params.id);
    }),
  );

  api.post('/api/repatriations/:id/follow-up-reports', { schema: followUpReportRouteSchema }, async (request) => {
    const { consentId, ...report } = request.body;
    const presented = await asRepatriator(request, async (tx, actor) => {
      const audit = auditContextOf(request);
      await reportFollowUp({ tx, keyRing, outbox: federation.outbox, actor, audit }, request.params.id, report, consentId);
      return presentById(tx, actor, request.params.id);
    });
    federation.delivery.kick();
    return presented;
  });
}
