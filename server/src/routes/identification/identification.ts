import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { recordRefusedRead } from '../../audit/refusedReads.js';
import { issueVictimCertificate } from '../../commands/issueVictimCertificate.js';
import { recordInterview, requestInterpreter, updateInterpreterRequest, updateInterview } from '../../commands/recordInterview.js';
import { recordPrescreening } from '../../commands/recordPrescreening.js';
import { recordStatusDecision } from '../../commands/recordStatusDecision.js';
import type { KeyRing } from '../../crypto/keyRing.js';
import { type CaseContext, withCase } from '../../http/caseContext.js';
import { forbidden, notFound } from '../../http/problem.js';
import { canReadSection } from '../../policies/case.js';
import { CASE_DOCUMENT_REFUSALS, caseDocumentRefusal } from '../../policies/caseDocument.js';
import {
  type IdentificationReader,
  loadIdentificationRecord,
  loadInterpreterRequest,
  loadInterview,
  presentPrescreening,
  presentStatusDecision,
} from '../../presenters/identification.js';
import { contentDisposition } from '../caseRecord/attachments.js';
import {
  certificateRouteSchema,
  identificationGetSchema,
  interpreterRequestCreateSchema,
  interpreterRequestUpdateRouteSchema,
  interviewCreateRouteSchema,
  interviewUpdateRouteSchema,
  prescreeningCreateSchema,
  statusDecisionRouteSchema,
} from './schema.js';

const readerOf = ({ actor, view }: CaseContext, keyRing: KeyRing): IdentificationReader => ({
  keyRing,
  withIdentity: canReadSection(actor, 'identity', view.involvement),
});

/** Re-reads what was just written, as the caller may see it. */
function found<T>(value: T | null): T {
  if (!value) throw notFound();
  return value;
}

/**
 * Identification (DESIGN.md §2 step 2): pre-screening, the interview recorded once with its
 * interpreter requests, status decisions, and the victim certificate.
 */
export function identificationRoutes(app: FastifyInstance, { database, keyRing }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/cases/:id/identification', { schema: identificationGetSchema }, async (request) =>
    withCase(db, request, request.params.id, 'read', async (context) => {
      const reader = readerOf(context, keyRing);
      const record = await loadIdentificationRecord(context.tx, context.view.kase.id, reader);
      await recordAudit(context.tx, context.audit, {
        action: 'case.read',
        resourceType: 'case',
        resourceId: context.view.kase.id,
        details: { part: 'identification', identity: reader.withIdentity },
      });
      return record;
    }),
  );

  api.post('/api/cases/:id/prescreenings', { schema: prescreeningCreateSchema }, async (request, reply) => {
    const prescreening = await withCase(db, request, request.params.id, 'identify', async (context) => {
      const row = await recordPrescreening({ context, answers: request.body.answers });
      return presentPrescreening(row, context.actor.displayName);
    });
    return reply.status(201).send(prescreening);
  });

  api.post('/api/cases/:id/interviews', { schema: interviewCreateRouteSchema }, async (request, reply) => {
    const interview = await withCase(db, request, request.params.id, 'identify', async (context) => {
      const row = await recordInterview({ context, keyRing, input: request.body });
      return found(await loadInterview(context.tx, row.id, readerOf(context, keyRing)));
    });
    return reply.status(201).send(interview);
  });

  api.patch('/api/cases/:id/interviews/:interviewId', { schema: interviewUpdateRouteSchema }, async (request) =>
    withCase(db, request, request.params.id, 'identify', async (context) => {
      await updateInterview({ context, keyRing, interviewId: request.params.interviewId, input: request.body });
      return found(await loadInterview(context.tx, request.params.interviewId, readerOf(context, keyRing)));
    }),
  );

  api.post(
    '/api/cases/:id/interviews/:interviewId/interpreter-requests',
    { schema: interpreterRequestCreateSchema },
    async (request, reply) => {
      const created = await withCase(db, request, request.params.id, 'identify', async (context) => {
        const row = await requestInterpreter({ context, interviewId: request.params.interviewId, language: request.body.language });
        return found(await loadInterpreterRequest(context.tx, row.id, readerOf(context, keyRing)));
      });
      return reply.status(201).send(created);
    },
  );

  api.patch('/api/cases/:id/interpreter-requests/:requestId', { schema: interpreterRequestUpdateRouteSchema }, async (request) =>
    withCase(db, request, request.params.id, 'identify', async (context) => {
      await updateInterpreterRequest({ context, keyRing, requestId: request.params.requestId, input: request.body });
      return found(await loadInterpreterRequest(context.tx, request.params.requestId, readerOf(context, keyRing)));
    }),
  );

  api.post('/api/cases/:id/trafficking-status', { schema: statusDecisionRouteSchema }, async (request, reply) => {
    const result = await withCase(db, request, request.params.id, 'identify', async (context) => {
      const { decision, decidingAgencyName, caseVersion } = await recordStatusDecision({ context, keyRing, input: request.body });
      return { ...presentStatusDecision(decision, decidingAgencyName), caseVersion };
    });
    return reply.status(201).send(result);
  });

  api.get('/api/cases/:id/certificate', { schema: certificateRouteSchema }, async (request, reply) => {
    const issued = await withCase(db, request, request.params.id, 'read', async (context) => {
      const refusal = caseDocumentRefusal(context.actor, context.view.involvement);
      if (!refusal) {
        return issueVictimCertificate({ context, keyRing, decisionId: request.query.decisionId, locale: request.query.locale });
      }
      // Recorded in the case's transaction, which commits: the refusal is answered after it.
      await recordRefusedRead(context.tx, context.audit, { read: 'victim_certificate', caseId: context.view.kase.id, reason: refusal });
      return refusal;
    });
    if (typeof issued === 'string') throw forbidden(CASE_DOCUMENT_REFUSALS[issued]);
    return reply.type('application/pdf').header('content-disposition', contentDisposition(issued.fileName)).send(issued.pdf);
  });
}
