import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { caseTasks } from '../db/schema/index.js';
import { addCalendarDays } from '../followUp/schedule.js';

/**
 * Reintegration is reassessed every three months, the rhythm of follow-up visits after the first
 * quarter (DESIGN.md §2 step 8): a trend needs points, and a drop is only seen if someone looks.
 */
export const REASSESSMENT_DAYS = 91;

/**
 * After an assessment the assessing agency's next one falls due: its open reminder on the case is
 * settled and one for the day three months later takes its place. The agency that assessed
 * reassesses (a shelter's psychologist, the owner's social worker), so the reminder is its own
 * task, which row-level security also lets it see and settle. A late entry of an older assessment
 * never moves the reminder earlier than the one already set.
 */
export async function scheduleReassessment(
  tx: Tx,
  props: { caseId: string; agencyId: string; assessedOn: string; userId: string },
): Promise<string> {
  const dueOn = addCalendarDays(props.assessedOn, REASSESSMENT_DAYS);
  const openReminder = and(
    eq(caseTasks.caseId, props.caseId),
    eq(caseTasks.agencyId, props.agencyId),
    eq(caseTasks.kind, 'assessment_due'),
    isNull(caseTasks.doneAt),
  );
  const open = await tx.select({ id: caseTasks.id, dueOn: caseTasks.dueOn }).from(caseTasks).where(openReminder).for('update');
  const latest = open.reduce<string | null>((day, task) => (day && day > task.dueOn ? day : task.dueOn), null);
  if (latest && latest >= dueOn) return latest;
  if (open.length) {
    await tx.update(caseTasks).set({ doneAt: new Date(), doneBy: props.userId }).where(openReminder);
  }
  await tx
    .insert(caseTasks)
    .values({ caseId: props.caseId, kind: 'assessment_due', dueOn, agencyId: props.agencyId, createdBy: props.userId });
  return dueOn;
}
