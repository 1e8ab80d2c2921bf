import type { CaseFollowUp, FollowUp, FollowUpStep, FollowUpVisit, FollowUpVisitStatus } from '@seamless/contracts';

export const VISIT_STATUS_COLORS: Record<FollowUpVisitStatus, string> = {
  upcoming: 'gray',
  due: 'yellow',
  missed: 'red',
  done: 'green',
  cancelled: 'dark',
};

/** What the tab offers: start (nothing running), record and close (running), reopen (the last one ended). */
export type FollowUpStage = 'none' | 'active' | 'closed' | 'reopened';

export function followUpStage(data: Pick<CaseFollowUp, 'followUps'>): FollowUpStage {
  return data.followUps[0]?.status ?? 'none';
}

/** The planned visits still to be made, the most pressing first (missed, then due, then upcoming). */
export function openVisits(followUp: FollowUp): FollowUpVisit[] {
  const rank: Partial<Record<FollowUpVisitStatus, number>> = { missed: 0, due: 1, upcoming: 2 };
  return followUp.visits
    .filter((visit) => visit.sequence !== null && rank[visit.status] !== undefined)
    .sort((a, b) => rank[a.status]! - rank[b.status]! || (a.scheduledOn ?? '').localeCompare(b.scheduledOn ?? ''));
}

/** One stretch of a policy for a sentence: how often, and how many times or until when. */
export type StepParts = { every: number; times: number | null; until: number | null };
export const stepParts = (step: FollowUpStep): StepParts => ({
  every: step.everyMonths,
  times: step.times ?? null,
  until: step.untilMonths ?? null,
});

/** The compliance rate shown beside the counts, whole percent; null before any visit was due. */
export function complianceRate(followUp: Pick<FollowUp, 'compliance'>): number | null {
  const { dueSoFar, done } = followUp.compliance;
  return dueSoFar === 0 ? null : Math.round((Math.min(done, dueSoFar) / dueSoFar) * 100);
}
