import { type StatisticReport, type StatisticReportSummary, timeZoneOfCountry } from '@seamless/contracts';
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { generateStatisticReport } from '../../commands/generateStatisticReport.js';
import { shareStatisticRelease } from '../../commands/shareStatisticRelease.js';
import { type SignOff, signOffStatisticReport } from '../../commands/signOffStatisticReport.js';
import type { Tx } from '../../db/client.js';
import { agencies, statisticReports } from '../../db/schema/index.js';
import { asPermittedActor } from '../../http/asPermittedActor.js';
import { auditContextOf } from '../../http/context.js';
import { notFound } from '../../http/problem.js';
import type { Actor } from '../../policies/actor.js';
import { canUseStatisticReports, statisticReportActions } from '../../policies/statisticReport.js';
import { renderReportPdf } from '../../statistics/reports/reportPdf.js';
import { renderReportWorkbook } from '../../statistics/reports/reportWorkbook.js';
import {
  reportApproveRouteSchema,
  reportFileRouteSchema,
  reportGenerateRouteSchema,
  reportListRouteSchema,
  reportReleaseRouteSchema,
  reportRouteSchema,
} from './schema.js';

type ReportRow = typeof statisticReports.$inferSelect;

/** Who signed the report off, as printed on it; null until it is approved. */
function signatureOf(row: ReportRow) {
  return row.approvedAt && row.signatoryName && row.signatoryPosition
    ? { signatoryName: row.signatoryName, signatoryPosition: row.signatoryPosition, at: row.approvedAt }
    : null;
}

function summaryOf(row: ReportRow): StatisticReportSummary {
  const signature = signatureOf(row);
  return {
    id: row.id,
    template: row.template,
    from: row.periodFrom,
    to: row.periodTo,
    locale: row.locale,
    status: row.status,
    version: row.version,
    generated: { name: row.generatedByName, at: row.generatedAt.toISOString() },
    approved: signature && { ...signature, name: row.approvedByName ?? '', at: signature.at.toISOString() },
    released: row.releasedAt ? { name: row.releasedByName ?? '', at: row.releasedAt.toISOString() } : null,
  };
}

const presentReport = (row: ReportRow, actor: Actor): StatisticReport => ({
  ...summaryOf(row),
  tables: row.tables,
  actions: statisticReportActions(actor, row),
});

async function loadReport(tx: Tx, id: string): Promise<ReportRow> {
  const [row] = await tx.select().from(statisticReports).where(eq(statisticReports.id, id));
  if (!row) throw notFound();
  return row;
}

/**
 * Statistical reports (issue 13): generated from a template for one period with the figures
 * frozen, approved by a second person, released once; downloadable as PDF and XLSX.
 */
export function statisticReportRoutes(app: FastifyInstance, { database, federation }: RouteDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  const asReportUser = <T>(request: FastifyRequest, work: (tx: Tx, actor: Actor) => Promise<T>) =>
    asPermittedActor(db, request, canUseStatisticReports, work);

  api.get('/api/statistics/reports', { schema: reportListRouteSchema }, async (request) =>
    asReportUser(request, async (tx) => {
      const rows = await tx
        .select()
        .from(statisticReports)
        .orderBy(desc(statisticReports.periodFrom), desc(statisticReports.generatedAt))
        .limit(200);
      return { items: rows.map(summaryOf) };
    }),
  );

  api.post('/api/statistics/reports', { schema: reportGenerateRouteSchema }, async (request, reply) => {
    const report = await asReportUser(request, async (tx, actor) => {
      const id = await generateStatisticReport({ tx, actor, audit: auditContextOf(request) }, request.body);
      return presentReport(await loadReport(tx, id), actor);
    });
    return reply.status(201).send(report);
  });

  api.get('/api/statistics/reports/:id', { schema: reportRouteSchema }, async (request) =>
    asReportUser(request, async (tx, actor) => {
      const row = await loadReport(tx, request.params.id);
      await recordAudit(tx, auditContextOf(request), {
        action: 'statistics.report_read',
        resourceType: 'statistic_report',
        resourceId: row.id,
      });
      return presentReport(row, actor);
    }),
  );

  const signOffRoute = async (request: FastifyRequest<{ Params: { id: string } }>, signOff: SignOff) => {
    const { report, shared } = await asReportUser(request, async (tx, actor) => {
      const context = { tx, actor, audit: auditContextOf(request) };
      await signOffStatisticReport(context, request.params.id, signOff);
      // Released, the figures go to the partner countries with the release (shareStatisticRelease says why).
      const partners =
        signOff.step === 'release' ? await shareStatisticRelease({ ...context, outbox: federation.outbox }, request.params.id) : 0;
      return { report: presentReport(await loadReport(tx, request.params.id), actor), shared: partners > 0 };
    });
    if (shared) federation.delivery.kick();
    return report;
  };

  api.post('/api/statistics/reports/:id/approve', { schema: reportApproveRouteSchema }, async (request) =>
    signOffRoute(request, { step: 'approve', ...request.body }),
  );

  api.post('/api/statistics/reports/:id/release', { schema: reportReleaseRouteSchema }, async (request) =>
    signOffRoute(request, { step: 'release', ...request.body }),
  );

  api.get('/api/statistics/reports/:id/file', { schema: reportFileRouteSchema }, async (request, reply) => {
    const { format, locale } = request.query;
    const { row, agencyNames } = await asReportUser(request, async (tx) => {
      const found = await loadReport(tx, request.params.id);
      const names = await tx
        .select({ id: agencies.id, name: agencies.name })
        .from(agencies)
        .where(eq(agencies.countryCode, found.countryCode));
      await recordAudit(tx, auditContextOf(request), {
        action: 'statistics.report_read',
        resourceType: 'statistic_report',
        resourceId: found.id,
        details: { format, locale: locale ?? found.locale },
      });
      return { row: found, agencyNames: new Map(names.map((agency) => [agency.id, agency.name])) };
    });
    const document = {
      template: row.template,
      from: row.periodFrom,
      to: row.periodTo,
      locale: locale ?? row.locale,
      status: row.status,
      tables: row.tables,
      generatedAt: row.generatedAt,
      generatedByName: row.generatedByName,
      approval: signatureOf(row),
      releasedAt: row.releasedAt,
      agencyNames,
      timeZone: timeZoneOfCountry(row.countryCode),
    };
    const name = `${row.template}-${row.periodFrom}-${row.status}`;
    if (format === 'pdf') {
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .header('cache-control', 'no-store')
        .send(await renderReportPdf(document));
    }
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(await renderReportWorkbook(document));
  });
}
