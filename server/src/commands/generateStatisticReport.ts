import { REPORT_TEMPLATES, type ReportRequest, reportLanguageOf } from '@seamless/contracts';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { statisticReports } from '../db/schema/index.js';
import { localToday } from '../followUp/schedule.js';
import { fieldError, forbidden } from '../http/problem.js';
import type { Actor } from '../policies/actor.js';
import { canUseStatisticReports } from '../policies/statisticReport.js';
import { computeFigure } from '../statistics/figures.js';
import { reportPeriodOf } from '../statistics/reports/reportPeriod.js';

/**
 * Computes every table of a report template for one period, suppressed as the dashboards are,
 * and keeps them in the report: what is approved and released is exactly what was generated.
 */
export async function generateStatisticReport(
  { tx, actor, audit, now = new Date() }: { tx: Tx; actor: Actor; audit: AuditContext; now?: Date },
  request: ReportRequest,
): Promise<string> {
  if (!canUseStatisticReports(actor)) throw forbidden();
  const { from, to } = reportPeriodOf(request);
  // A report is of a period that has ended: frozen earlier, it would miss what is still to be recorded.
  if (to >= localToday(actor.countryCode, now)) {
    throw fieldError(
      400,
      'validation_failed',
      REPORT_TEMPLATES[request.template].period === 'year' ? 'year' : 'part',
      'This period has not ended yet.',
    );
  }
  const tables = [];
  for (const table of REPORT_TEMPLATES[request.template].tables) {
    tables.push(await computeFigure(tx, { statistic: table.statistic, from, to, by: [...table.by] }, actor.countryCode));
  }
  const [row] = await tx
    .insert(statisticReports)
    .values({
      countryCode: actor.countryCode,
      template: request.template,
      periodFrom: from,
      periodTo: to,
      locale: request.locale ?? reportLanguageOf(actor.countryCode),
      tables,
      generatedBy: actor.userId,
      generatedByName: actor.displayName,
    })
    .returning({ id: statisticReports.id });
  await recordAudit(tx, audit, {
    action: 'statistics.report_generated',
    resourceType: 'statistic_report',
    resourceId: row!.id,
    details: { template: request.template, from, to },
  });
  return row!.id;
}
