import type { RegionalQuery, ReleaseSharing } from '@seamless/contracts';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { rowsOf, type Tx } from '../../db/client.js';
import { statisticReports } from '../../db/schema/index.js';
import { partnerNames } from '../../federation/partners.js';
import { asPermittedActor } from '../../http/asPermittedActor.js';
import { auditContextOf } from '../../http/context.js';
import { notFound } from '../../http/problem.js';
import type { Actor } from '../../policies/actor.js';
import { canReadStatistics } from '../../policies/statistics.js';
import { countryColumns } from '../../statistics/regional/countryReleases.js';
import { regionalReportOf } from '../../statistics/regional/regionalReport.js';
import { renderRegionalWorkbook } from '../../statistics/regional/regionalWorkbook.js';
import { reportPeriodOf } from '../../statistics/reports/reportPeriod.js';
import { regionalFileRouteSchema, regionalReportRouteSchema, releaseSharingRouteSchema } from './schema.js';

/**
 * The regional report (issue 13): the reader's country's released report and each partner
 * country's, of one template and period, side by side; and, on a released report, where it stands
 * with each partner it was sent to. For the statistics role (stats:read) only.
 */
export function regionalStatisticsRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  const asStatisticsReader = <T>(request: FastifyRequest, work: (tx: Tx, actor: Actor) => Promise<T>) =>
    asPermittedActor(db, request, canReadStatistics, work);

  const regionalReport = (request: FastifyRequest, query: RegionalQuery, format: 'json' | 'xlsx') =>
    asStatisticsReader(request, async (tx, actor) => {
      const period = reportPeriodOf(query);
      const columns = await countryColumns(tx, actor.countryCode, query.template, period.from);
      await recordAudit(tx, auditContextOf(request), {
        action: 'statistics.regional_read',
        resourceType: 'regional_statistics',
        details: { template: query.template, from: period.from, format, countries: columns.filter((column) => column.release).length },
      });
      return { report: regionalReportOf(query.template, period, columns), actor };
    });

  api.get('/api/statistics/regional', { schema: regionalReportRouteSchema }, async (request) => {
    const { report } = await regionalReport(request, request.query, 'json');
    return report;
  });

  api.get('/api/statistics/regional.xlsx', { schema: regionalFileRouteSchema }, async (request, reply) => {
    const { report, actor } = await regionalReport(request, request.query, 'xlsx');
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="regional-${report.template}-${report.from}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(await renderRegionalWorkbook(report, request.query.locale ?? actor.locale, actor.countryCode));
  });

  api.get('/api/statistics/reports/:id/sharing', { schema: releaseSharingRouteSchema }, async (request) =>
    asStatisticsReader(request, async (tx): Promise<ReleaseSharing> => {
      const [report] = await tx
        .select({ id: statisticReports.id })
        .from(statisticReports)
        .where(eq(statisticReports.id, request.params.id));
      if (!report) throw notFound();
      const deliveries = rowsOf<{
        partner_id: string;
        status: ReleaseSharing['items'][number]['status'];
        sent_at: Date | string;
        settled_at: Date | string | null;
      }>(await tx.execute(sql`select * from statistic_release_deliveries(${report.id}::uuid)`));
      const names = await partnerNames(tx);
      await recordAudit(tx, auditContextOf(request), {
        action: 'statistics.release_sharing_read',
        resourceType: 'statistic_report',
        resourceId: report.id,
      });
      return {
        items: deliveries.map((delivery) => ({
          partner: names.get(delivery.partner_id)!,
          status: delivery.status,
          sentAt: new Date(delivery.sent_at).toISOString(),
          settledAt: delivery.settled_at === null ? null : new Date(delivery.settled_at).toISOString(),
        })),
      };
    }),
  );
}
