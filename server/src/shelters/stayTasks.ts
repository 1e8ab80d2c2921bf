import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { caseTasks } from '../db/schema/index.js';

/** The hosting agency's task on the day the stay reaches the facility's limit. */
export async function addStayLimitTask(tx: Tx, props: { caseId: string; agencyId: string; dueOn: string; userId: string }) {
  const [task] = await tx
    .insert(caseTasks)
    .values({ caseId: props.caseId, kind: 'stay_limit', dueOn: props.dueOn, agencyId: props.agencyId, createdBy: props.userId })
    .returning({ id: caseTasks.id });
  return task!.id;
}

/** The owner's reminder that the reflection and recovery period ends, once per end date. */
export async function ensureReflectionEndTask(tx: Tx, props: { caseId: string; ownerAgencyId: string; dueOn: string; userId: string }) {
  const open = await tx
    .select({ id: caseTasks.id })
    .from(caseTasks)
    .where(
      and(
        eq(caseTasks.caseId, props.caseId),
        eq(caseTasks.kind, 'reflection_period_end'),
        eq(caseTasks.dueOn, props.dueOn),
        isNull(caseTasks.doneAt),
      ),
    );
  if (open.length) return;
  await tx.insert(caseTasks).values({
    caseId: props.caseId,
    kind: 'reflection_period_end',
    dueOn: props.dueOn,
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
