import type { ReportStatus } from '@seamless/contracts';
import { type Actor, has } from './actor.js';
import { canReadStatistics } from './statistics.js';

/** Who reads and generates reports: the statistics role, as for the figures they hold. */
export const canUseStatisticReports = canReadStatistics;

export type ReportStanding = { status: ReportStatus; generatedBy: string };
export type ReportStep = 'approve' | 'release';
export type ReportStepRefusal = 'not_approver' | 'own_report' | 'released' | 'out_of_step';

/**
 * Why the reader may not take this step on a report, or null. Approving is signing the figures
 * off: it takes the approver's permission and a second person, never the one who generated them.
 * Releasing follows approval; a released report takes no step.
 */
export function reportStepRefusal(
  actor: Pick<Actor, 'permissions' | 'userId'>,
  standing: ReportStanding,
  step: ReportStep,
): ReportStepRefusal | null {
  if (!canUseStatisticReports(actor) || !has(actor, 'stats:approve')) return 'not_approver';
  if (standing.status === 'released') return 'released';
  if (step === 'approve' && standing.generatedBy === actor.userId) return 'own_report';
  const from: ReportStatus = step === 'approve' ? 'draft' : 'approved';
  return standing.status === from ? null : 'out_of_step';
}

export const statisticReportActions = (actor: Pick<Actor, 'permissions' | 'userId'>, standing: ReportStanding): ReportStep[] =>
  (['approve', 'release'] as const).filter((step) => reportStepRefusal(actor, standing, step) === null);
