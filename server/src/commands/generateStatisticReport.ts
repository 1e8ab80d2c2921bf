import {
  type FigureTable,
  REPORT_TEMPLATES,
  type ReportRequest,
  type ReportTemplate,
  reportLanguageOf,
  reportPrivacyOf,
} from '@seamless/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { statisticReports } from '../db/schema/index.js';
import { localToday } from '../followUp/schedule.js';
import { fieldError, forbidden } from '../http/problem.js';
import type { Actor } from '../policies/actor.js';
import { canUseStatisticReports } from '../policies/statisticReport.js';
import { computeFigure } from '../statistics/figures.js';
import { privateFigure } from '../statistics/privateRelease.js';
import { reportPeriodOf } from '../statistics/reports/reportPeriod.js';

/**
 * Computes every table of a report template for one period, suppressed as the dashboards are (or,
 * for a public release, with differential privacy), and keeps them in the report: what is
 * approved and released is exactly what was generated.
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
  const tables = await tablesOf(tx, request.template, { from, to }, actor.countryCode);
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

/**
 * The tables of a template for a period. A differentially private release draws its noise once:
 * a second draw would let a reader average the two, and the same noise over counts that changed
 * since would show exactly what changed. So the first report of a private template for a period
 * fixes its numbers, and every later one — another language, a new draft — carries the same.
 */
async function tablesOf(
  tx: Tx,
  template: ReportTemplate,
  period: { from: string; to: string },
  countryCode: string,
): Promise<FigureTable[]> {
  const privacy = reportPrivacyOf(template);
  if (privacy) {
    const [first] = await tx
      .select({ tables: statisticReports.tables })
      .from(statisticReports)
      .where(
        and(
          eq(statisticReports.countryCode, countryCode),
          eq(statisticReports.template, template),
          eq(statisticReports.periodFrom, period.from),
        ),
      )
      .orderBy(asc(statisticReports.generatedAt))
      .limit(1);
    if (first) return first.tables;
  }
  const tables: FigureTable[] = [];
  const templateTables = REPORT_TEMPLATES[template].tables;
  for (const table of templateTables) {
    const query = { statistic: table.statistic, ...period, by: [...table.by] };
    tables.push(
      privacy
        ? await privateFigure(tx, query, countryCode, {
            epsilon: privacy.epsilonPerTable,
            releaseEpsilon: privacy.epsilonPerTable * templateTables.length,
          })
        : await computeFigure(tx, query, countryCode),
    );
  }
  return tables;
}
