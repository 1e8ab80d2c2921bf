import { and, between, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { caseTasks } from '../db/schema/index.js';
import { addCalendarDays } from './countdown.js';

/** The hosting agency's task on the day the stay reaches the facility's limit. */
export async function addStayLimitTask(tx: Tx, props: { caseId: string; agencyId: string; dueOn: string; userId: string }) {
  const [task] = await tx
    .insert(caseTasks)
    .values({ caseId: props.caseId, kind: 'stay_limit', dueOn: props.dueOn, agencyId: props.agencyId, createdBy: props.userId })
    .returning({ id: caseTasks.id });
  return task!.id;
}

/** How long before the reflection period ends the owner is reminded: time to plan what comes next. */
export const REFLECTION_NOTICE_DAYS = 3;

/**
 * The owner's reminder, a few days ahead, that the reflection and recovery period ends; once per
 * end date (a task an identification decision already set for that end counts).
 */
export async function ensureReflectionEndTask(tx: Tx, props: { caseId: string; ownerAgencyId: string; endsOn: string; userId: string }) {
  const remindOn = addCalendarDays(props.endsOn, -REFLECTION_NOTICE_DAYS);
  const open = await tx
    .select({ id: caseTasks.id })
    .from(caseTasks)
    .where(
      and(
        eq(caseTasks.caseId, props.caseId),
        eq(caseTasks.kind, 'reflection_period_end'),
        between(caseTasks.dueOn, remindOn, props.endsOn),
        isNull(caseTasks.doneAt),
      ),
    );
  if (open.length) return;
  await tx.insert(caseTasks).values({
    caseId: props.caseId,
    kind: 'reflection_period_end',
    dueOn: remindOn,
    agencyId: props.ownerAgencyId,
    createdBy: props.userId,
  });
}

/** A stay that ended no longer needs its limit watched. */
export async function closeStayLimitTasks(tx: Tx, taskIds: (string | null)[], userId: string) {
  const ids = taskIds.filter((id): id is string => !!id);
  if (!ids.length) return;
  await tx
    .update(caseTasks)
    .set({ doneAt: new Date(), doneBy: userId })
    .where(and(inArray(caseTasks.id, ids), isNull(caseTasks.doneAt)));
}
