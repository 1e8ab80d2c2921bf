import { and, eq } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { statisticReports } from '../db/schema/index.js';
import { conflict, forbidden, notFound } from '../http/problem.js';
import type { Actor } from '../policies/actor.js';
import { canUseStatisticReports, reportStepRefusal } from '../policies/statisticReport.js';

type Props = { tx: Tx; actor: Actor; audit: AuditContext; now?: Date };
export type SignOff =
  | { step: 'approve'; version: number; signatoryName: string; signatoryPosition: string }
  | { step: 'release'; version: number };

/**
 * Approves (signs) or releases a report. Each step names the version the approver saw, so a
 * second click, or a colleague's step in between, is refused rather than applied twice; a
 * released report is never changed again.
 */
export async function signOffStatisticReport({ tx, actor, audit, now = new Date() }: Props, reportId: string, signOff: SignOff) {
  if (!canUseStatisticReports(actor)) throw forbidden();
  const [report] = await tx.select().from(statisticReports).where(eq(statisticReports.id, reportId));
  if (!report) throw notFound();
  const refusal = reportStepRefusal(actor, report, signOff.step);
  if (refusal === 'not_approver') throw forbidden();
  if (refusal === 'own_report') throw forbidden('A report is approved by someone other than who generated it.');
  if (refusal === 'released')
    throw conflict('This report is released already; a released report does not change.', {
      status: report.status,
      version: report.version,
    });
  if (refusal) throw conflict('This step does not follow where the report stands.', { status: report.status, version: report.version });
  if (report.version !== signOff.version)
    throw conflict('The report changed since you opened it.', { status: report.status, version: report.version });
  const changes =
    signOff.step === 'approve'
      ? {
          status: 'approved' as const,
          approvedBy: actor.userId,
          approvedByName: actor.displayName,
          signatoryName: signOff.signatoryName,
          signatoryPosition: signOff.signatoryPosition,
          approvedAt: now,
        }
      : { status: 'released' as const, releasedBy: actor.userId, releasedByName: actor.displayName, releasedAt: now };
  const released =
    signOff.step === 'release'
      ? await tx
          .select({ id: statisticReports.id })
          .from(statisticReports)
          .where(
            and(
              eq(statisticReports.countryCode, report.countryCode),
              eq(statisticReports.template, report.template),
              eq(statisticReports.periodFrom, report.periodFrom),
              eq(statisticReports.locale, report.locale),
              eq(statisticReports.status, 'released'),
            ),
          )
      : [];
  if (released.length) throw conflict('A report of this template, period and language is released already: it is not replaced.');
  // Applied only to the version the approver saw: a colleague's step in between makes this one a conflict.
  const updated = await tx
    .update(statisticReports)
    .set({ ...changes, version: report.version + 1 })
    .where(and(eq(statisticReports.id, report.id), eq(statisticReports.version, signOff.version)))
    .returning({ id: statisticReports.id });
  if (!updated.length) throw conflict('The report changed since you opened it.', { status: report.status, version: report.version });
  await recordAudit(tx, audit, {
    action: signOff.step === 'approve' ? 'statistics.report_approved' : 'statistics.report_released',
    resourceType: 'statistic_report',
    resourceId: report.id,
    details: { template: report.template, from: report.periodFrom, version: report.version + 1 },
  });
}
