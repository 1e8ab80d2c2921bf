import type { CaseStatus, CaseUpdate } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import { type AuditContext, changedFields, recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { cases } from '../db/schema/index.js';
import { saveVersion } from '../db/versioned.js';
import { fieldError, notFound } from '../http/problem.js';
import type { Actor } from '../policies/actor.js';
import { recordCaseEvent } from './recordCaseEvent.js';

export const CLOSED_CASE_STATUSES: readonly CaseStatus[] = ['Closed', 'ClosedReferred'];
const isClosed = (status: string) => CLOSED_CASE_STATUSES.includes(status as CaseStatus);

type CaseRow = typeof cases.$inferSelect;

/** Case status (`cas_Status`): closing needs a reason, reopening clears it. */
export function statusChanges(current: Pick<CaseRow, 'status'>, body: Pick<CaseUpdate, 'status' | 'closureReason'>) {
  if (!body.status || body.status === current.status) {
    if (body.closureReason !== undefined && !isClosed(current.status)) {
      throw fieldError(422, 'validation_failed', 'closureReason', 'Only a closed case has a reason for closure.');
    }
    return body.closureReason !== undefined ? { closureReason: body.closureReason } : {};
  }
  if (isClosed(body.status)) {
    if (!body.closureReason) throw fieldError(422, 'validation_failed', 'closureReason', 'Say why the case is closed.');
    return { status: body.status, closureReason: body.closureReason, closedAt: new Date() };
  }
  if (body.closureReason) throw fieldError(422, 'validation_failed', 'closureReason', 'Only a closed case has a reason for closure.');
  return { status: body.status, closureReason: null, closedAt: null };
}

/**
 * A status move made as part of other work (follow-up starting or ending): the same rules as
 * the case's own update, its timeline entry and audit, in the caller's transaction. The caller
 * has checked that the actor may update the case.
 */
export async function changeCaseStatus(props: {
  tx: Tx;
  actor: Actor;
  audit: AuditContext;
  caseId: string;
  status: CaseStatus;
  closureReason?: CaseUpdate['closureReason'];
}) {
  const { tx, actor, audit, caseId, status, closureReason } = props;
  const [current] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  if (!current) throw notFound();
  const changes = statusChanges(current, { status, closureReason });
  if (!changes.status) return current;
  const saved = await saveVersion(tx, cases, current, changes);
  await recordCaseEvent(tx, actor, caseId, 'case.status_changed', {
    from: current.status,
    to: changes.status,
    closureReason: changes.closureReason ?? null,
  });
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: caseId,
    details: { changes: changedFields(current, changes) },
  });
  return saved;
}
