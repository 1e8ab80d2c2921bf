import type { FollowUpReopen } from '@seamless/contracts';
import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { followUps } from '../db/schema/index.js';
import type { CaseContext } from '../http/caseContext.js';
import { conflict, forbidden } from '../http/problem.js';
import { canCase } from '../policies/case.js';
import { CLOSED_CASE_STATUSES, changeCaseStatus } from './changeCaseStatus.js';
import { recordCaseEvent } from './recordCaseEvent.js';
import { startFollowUp } from './startFollowUp.js';

/**
 * Reopens the last closed follow-up (she needs support again, or contact came back): a closed
 * case is reopened by its owner, and a new schedule starts now or later. The closed period and
 * its visits stay as they were.
 */
export async function reopenFollowUp(context: CaseContext & { input: FollowUpReopen }) {
  const { tx, actor, audit, view, input } = context;
  const [last] = await tx
    .select()
    .from(followUps)
    .where(eq(followUps.caseId, view.kase.id))
    .orderBy(desc(followUps.recordedAt), desc(followUps.id))
    .limit(1)
    .for('update');
  if (last?.status !== 'closed') throw conflict('Only follow-up that has ended can be reopened.');
  const caseClosed = CLOSED_CASE_STATUSES.includes(view.kase.status);
  if (caseClosed && !canCase(actor, 'update', view.involvement)) throw forbidden('Only the agency that owns the case reopens it.');
  await tx
    .update(followUps)
    .set({ status: 'reopened', reopenReason: input.reason, reopenedBy: actor.userId, version: last.version + 1, updatedAt: new Date() })
    .where(and(eq(followUps.id, last.id), eq(followUps.status, 'closed')));
  if (caseClosed) await changeCaseStatus({ tx, actor, audit, caseId: view.kase.id, status: 'Active' });
  await recordCaseEvent(tx, actor, view.kase.id, 'follow_up.reopened', { followUpId: last.id, caseReopened: caseClosed }, 'care');
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: view.kase.id,
    details: { part: 'follow_up', change: 'reopened', followUpId: last.id, caseReopened: caseClosed },
  });
  if (!input.restart) return null;
  const kase = caseClosed ? { ...view.kase, status: 'Active' as const } : view.kase;
  return startFollowUp({ ...context, view: { ...view, kase }, input: input.restart });
}
