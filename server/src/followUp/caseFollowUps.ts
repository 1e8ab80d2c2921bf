import type { FollowUp, FollowUpVisit } from '@seamless/contracts';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { agencies, followUps, followUpVisits } from '../db/schema/index.js';
import { followUpCompliance, visitStatus } from './schedule.js';

type FollowUpRow = typeof followUps.$inferSelect;
type VisitRow = typeof followUpVisits.$inferSelect;

function presentVisit(row: VisitRow, agencyName: string | null, today: string, graceDays: number): FollowUpVisit {
  return {
    id: row.id,
    sequence: row.sequence,
    scheduledOn: row.scheduledOn,
    originallyScheduledOn: row.originallyScheduledOn,
    rescheduleReason: row.rescheduleReason,
    status: visitStatus({ scheduledOn: row.scheduledOn, actualOn: row.actualOn, cancelled: !!row.cancelledAt }, today, graceDays),
    actualOn: row.actualOn,
    mode: row.mode,
    visitingAgencyId: row.visitingAgencyId,
    visitingAgencyName: agencyName,
    visitorName: row.visitorName,
    findings: row.findings,
    situation: row.situation,
    nextSteps: row.nextSteps,
    assessmentId: row.assessmentId,
    version: row.version,
  };
}

/** Planned visits by date, then those made outside the plan by the day they were made. */
const visitOrder = (a: VisitRow, b: VisitRow) =>
  (a.scheduledOn ?? a.actualOn ?? '').localeCompare(b.scheduledOn ?? b.actualOn ?? '') || (a.sequence ?? 0) - (b.sequence ?? 0);

function presentFollowUp(row: FollowUpRow, visits: { visit: VisitRow; agencyName: string | null }[], today: string): FollowUp {
  const states = visits.map(({ visit }) => ({
    sequence: visit.sequence,
    scheduledOn: visit.scheduledOn,
    actualOn: visit.actualOn,
    cancelled: !!visit.cancelledAt,
  }));
  return {
    id: row.id,
    status: row.status,
    startOn: row.startOn,
    policyId: row.policyId,
    policyName: row.policyName,
    steps: row.steps,
    defaultMode: row.defaultMode,
    graceDays: row.graceDays,
    closedOn: row.closedOn,
    closureReason: row.closureReason,
    closureNote: row.closureNote,
    reopenReason: row.reopenReason,
    visits: [...visits]
      .sort((a, b) => visitOrder(a.visit, b.visit))
      .map(({ visit, agencyName }) => presentVisit(visit, agencyName, today, row.graceDays)),
    compliance: followUpCompliance(states, today, row.graceDays),
  };
}

/** The case's follow-up periods, newest first, with visit statuses as of `today` (the country's date). */
export async function loadCaseFollowUps(tx: Tx, caseId: string, today: string): Promise<FollowUp[]> {
  const periods = await tx
    .select()
    .from(followUps)
    .where(eq(followUps.caseId, caseId))
    .orderBy(desc(followUps.recordedAt), desc(followUps.id));
  const visits = await tx
    .select({ visit: followUpVisits, agencyName: agencies.name })
    .from(followUpVisits)
    .leftJoin(agencies, eq(agencies.id, followUpVisits.visitingAgencyId))
    .where(eq(followUpVisits.caseId, caseId))
    .orderBy(asc(followUpVisits.scheduledOn));
  return periods.map((period) =>
    presentFollowUp(
      period,
      visits.filter(({ visit }) => visit.followUpId === period.id),
      today,
    ),
  );
}

/** The running follow-up of a case, locked for the change about to be made. */
export async function lockActiveFollowUp(tx: Tx, caseId: string) {
  const [row] = await tx
    .select()
    .from(followUps)
    .where(and(eq(followUps.caseId, caseId), eq(followUps.status, 'active')))
    .for('update');
  return row ?? null;
}

/** A planned visit of the follow-up that is neither made nor cancelled. */
export async function lockOpenVisit(tx: Tx, followUpId: string, visitId: string) {
  const [row] = await tx
    .select()
    .from(followUpVisits)
    .where(and(eq(followUpVisits.id, visitId), eq(followUpVisits.followUpId, followUpId)))
    .for('update');
  if (!row) return { row: null, open: false };
  return { row, open: !row.actualOn && !row.cancelledAt };
}

export const openVisitsOf = (followUpId: string) =>
  and(eq(followUpVisits.followUpId, followUpId), isNull(followUpVisits.actualOn), isNull(followUpVisits.cancelledAt));
