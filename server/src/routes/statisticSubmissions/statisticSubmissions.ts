import fastifyMultipart from '@fastify/multipart';
import { type StatisticSubmission, SUBMISSION_MAX_BYTES } from '@seamless/contracts';
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import {
  figureProblems,
  refusedFigure,
  type SubmittedFigure,
  submitStatisticFigures,
  unknownValues,
} from '../../commands/submitStatisticFigures.js';
import { asActor } from '../../db/actorContext.js';
import type { Tx } from '../../db/client.js';
import { agencies, statisticSubmissions } from '../../db/schema/index.js';
import { asPermittedActor } from '../../http/asPermittedActor.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/problem.js';
import { uploadProblem } from '../../http/upload.js';
import { type Actor, dbActorOf } from '../../policies/actor.js';
import { canListFigureCases, canReadStatistics } from '../../policies/statistics.js';
import { cellKeyProblem } from '../../statistics/cellCases.js';
import { computeFigure } from '../../statistics/figures.js';
import { reconcile } from '../../statistics/reconciliation.js';
import { explainReportedLine } from '../../statistics/recordExplanation.js';
import { readSubmissionSheet, submissionTemplate } from '../../statistics/submissionSheet.js';
import {
  reconciliationRecordsRouteSchema,
  reconciliationRouteSchema,
  submissionCreateRouteSchema,
  submissionListRouteSchema,
  submissionTemplateRouteSchema,
  submissionUploadRouteSchema,
} from './schema.js';

const RECENT_SUBMISSIONS = 200;
const MULTIPART_LIMITS = { fileSize: SUBMISSION_MAX_BYTES, files: 1, fields: 0, parts: 1 };
const SPREADSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function loadSubmissions(tx: Tx, id?: string): Promise<StatisticSubmission[]> {
  const rows = await tx
    .select({ submission: statisticSubmissions, agencyName: agencies.name })
    .from(statisticSubmissions)
    .innerJoin(agencies, eq(agencies.id, statisticSubmissions.sourceAgencyId))
    .where(id ? eq(statisticSubmissions.id, id) : undefined)
    .orderBy(desc(statisticSubmissions.submittedAt), desc(statisticSubmissions.version))
    .limit(RECENT_SUBMISSIONS);
  return rows.map(({ submission, agencyName }) => ({
    id: submission.id,
    sourceAgency: { id: submission.sourceAgencyId, name: agencyName },
    statistic: submission.statistic,
    from: submission.periodFrom,
    to: submission.periodTo,
    by: submission.by,
    source: submission.source,
    cells: submission.cells,
    total: submission.total,
    version: submission.version,
    submittedBy: submission.submittedByName,
    submittedAt: submission.submittedAt.toISOString(),
  }));
}

/** Reads the one file of the form (field `file`, at most SUBMISSION_MAX_BYTES). */
async function readUpload(request: FastifyRequest): Promise<Buffer> {
  let bytes: Buffer | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field' || part.fieldname !== 'file')
        throw fieldError(400, 'validation_failed', part.fieldname, 'Send the file in the field "file".');
      bytes = await part.toBuffer();
    }
  } catch (error) {
    throw uploadProblem(error, SUBMISSION_MAX_BYTES);
  }
  if (!bytes) throw fieldError(400, 'validation_failed', 'file', 'Attach an XLSX or CSV file.');
  return bytes;
}

/**
 * Reconciliation (issue 13): figures agencies reported elsewhere, entered by the statistics role
 * as a form or a workbook, and each set beside the figure computed from that agency's records.
 */
export function statisticSubmissionRoutes(app: FastifyInstance, { database, keyRing }: AppDeps) {
  const { db } = database;

  const asStatisticsUser = <T>(request: FastifyRequest, work: (tx: Tx, actor: Actor) => Promise<T>) =>
    asPermittedActor(db, request, canReadStatistics, work);

  const keep = (request: FastifyRequest, tx: Tx, actor: Actor, figure: SubmittedFigure) =>
    submitStatisticFigures({ tx, actor, audit: auditContextOf(request) }, figure).then(async (id) => (await loadSubmissions(tx, id))[0]!);

  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: MULTIPART_LIMITS, throwFileSizeLimit: true });
    const api = scope.withTypeProvider<ZodTypeProvider>();

    api.get('/api/statistics/submissions', { schema: submissionListRouteSchema }, async (request) =>
      asStatisticsUser(request, async (tx) => {
        const items = await loadSubmissions(tx);
        await recordAudit(tx, auditContextOf(request), {
          action: 'statistics.submissions_listed',
          resourceType: 'statistic_submission',
          details: { submissionIds: items.map((item) => item.id) },
        });
        return { items };
      }),
    );

    api.post('/api/statistics/submissions', { schema: submissionCreateRouteSchema }, async (request, reply) => {
      const figure = request.body;
      const submission = await asStatisticsUser(request, async (tx, actor) => {
        const { problems, known } = await figureProblems(tx, actor, figure, 'body');
        const all = [...problems, ...(problems.length ? [] : unknownValues(figure.cells, figure.by, known))];
        if (all.length) throw refusedFigure(all);
        return keep(request, tx, actor, figure);
      });
      return reply.status(201).send(submission);
    });

    api.post('/api/statistics/submissions/workbook', { schema: submissionUploadRouteSchema }, async (request, reply) => {
      const actor = actorOf(request);
      if (!canReadStatistics(actor)) throw forbidden();
      const bytes = await readUpload(request);
      const { by } = request.query;
      const submission = await asStatisticsUser(request, async (tx) => {
        const { problems, known } = await figureProblems(tx, actor, request.query, 'query');
        if (problems.length) throw refusedFigure(problems);
        const sheet = await readSubmissionSheet(bytes, by, known);
        if (sheet.problems.length) {
          throw new AppError(
            400,
            'validation_failed',
            `The file has ${sheet.problems.length} problem(s); nothing was kept.`,
            [{ path: 'file', code: 'validation_failed', message: sheet.problems[0]!.message }],
            undefined,
            { problems: sheet.problems },
          );
        }
        return keep(request, tx, actor, { ...request.query, cells: sheet.cells, total: sheet.total });
      });
      return reply.status(201).send(submission);
    });

    api.get('/api/statistics/submissions/template', { schema: submissionTemplateRouteSchema }, async (request, reply) => {
      const { statistic, from, to, by } = request.query;
      const bytes = await asStatisticsUser(request, async (tx, actor) => {
        const { problems, known } = await figureProblems(tx, actor, { statistic, from, to, by, sourceAgencyId: actor.agencyId }, 'query');
        if (problems.length) throw refusedFigure(problems);
        return submissionTemplate(by, known);
      });
      return reply
        .header('content-type', SPREADSHEET)
        .header('content-disposition', `attachment; filename="${statistic}-${from}-${to}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(bytes);
    });

    api.get('/api/statistics/submissions/:id/reconciliation', { schema: reconciliationRouteSchema }, async (request) =>
      asStatisticsUser(request, async (tx, actor) => {
        const [submission] = await loadSubmissions(tx, request.params.id);
        if (!submission) throw notFound();
        const table = await computeFigure(
          tx,
          {
            statistic: submission.statistic,
            from: submission.from,
            to: submission.to,
            by: submission.by,
            agencyId: submission.sourceAgency.id,
          },
          actor.countryCode,
        );
        await recordAudit(tx, auditContextOf(request), {
          action: 'statistics.reconciliation_read',
          resourceType: 'statistic_submission',
          resourceId: submission.id,
        });
        return reconcile(submission, table);
      }),
    );

    api.get('/api/statistics/submissions/:id/records', { schema: reconciliationRecordsRouteSchema }, async (request) => {
      const actor = actorOf(request);
      if (!canListFigureCases(actor)) throw forbidden();
      return asActor(db, dbActorOf(actor), async (tx) => {
        const [submission] = await loadSubmissions(tx, request.params.id);
        if (!submission) throw notFound();
        const keys = request.query.keys;
        if (keys.length !== submission.by.length)
          throw fieldError(400, 'validation_failed', 'query.keys', 'Name the line by one value of each breakdown of the figure.');
        const unknownKey = await cellKeyProblem(tx, actor.countryCode, submission, submission.by, keys);
        if (unknownKey) throw fieldError(400, 'validation_failed', 'query.keys', unknownKey);
        const explained = await explainReportedLine(tx, actor, keyRing, submission, keys);
        await recordAudit(tx, auditContextOf(request), {
          action: 'case.list',
          resourceType: 'case',
          details: { caseIds: explained.records.map((record) => record.case.id), submissionId: submission.id, keys },
        });
        return explained;
      });
    });
  });
}
