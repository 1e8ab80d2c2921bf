import type { FollowUpReschedule } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { caseTasks, followUpVisits } from '../db/schema/index.js';
import { lockActiveFollowUp, lockOpenVisit } from '../followUp/caseFollowUps.js';
import type { CaseContext } from '../http/caseContext.js';
import { conflict, fieldError, notFound } from '../http/problem.js';
import { recordCaseEvent } from './recordCaseEvent.js';

/** Moves a planned visit (and its task) to another day; the first planned day is kept. */
export async function rescheduleFollowUpVisit(context: CaseContext & { visitId: string; input: FollowUpReschedule }) {
  const { tx, actor, audit, view, visitId, input } = context;
  const followUp = await lockActiveFollowUp(tx, view.kase.id);
  if (!followUp) throw notFound();
  const { row, open } = await lockOpenVisit(tx, followUp.id, visitId);
  if (!row) throw notFound();
  if (row.version !== input.version) throw conflict(undefined, { version: row.version, updatedAt: row.updatedAt.toISOString() });
  if (!open || row.sequence === null) throw conflict('Only a planned visit not yet made can be moved.');
  if (input.scheduledOn < followUp.startOn)
    throw fieldError(422, 'validation_failed', 'scheduledOn', 'The day is before follow-up started.');
  await tx
    .update(followUpVisits)
    .set({
      scheduledOn: input.scheduledOn,
      originallyScheduledOn: row.originallyScheduledOn ?? row.scheduledOn,
      rescheduleReason: input.reason,
      version: row.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(followUpVisits.id, row.id));
  if (row.taskId) await tx.update(caseTasks).set({ dueOn: input.scheduledOn }).where(eq(caseTasks.id, row.taskId));
  await recordCaseEvent(tx, actor, view.kase.id, 'follow_up.visit_rescheduled', { followUpId: followUp.id, visitId: row.id }, 'care');
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: view.kase.id,
    details: {
      part: 'follow_up',
      change: 'visit_rescheduled',
      followUpId: followUp.id,
      visitId: row.id,
      fields: ['scheduledOn', 'rescheduleReason'],
    },
  });
}
