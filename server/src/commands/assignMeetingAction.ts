import type { MeetingActionInput } from '@seamless/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import { rowsOf, type Tx } from '../db/client.js';
import { caseMeetingActions, caseMeetingAgencies, type caseMeetingItems, caseTasks } from '../db/schema/index.js';
import { fieldError } from '../http/problem.js';
import { notify } from '../notifications/notify.js';
import type { Actor } from '../policies/actor.js';

type ItemRow = typeof caseMeetingItems.$inferSelect;
type ActionRow = typeof caseMeetingActions.$inferSelect;

async function ask(tx: Tx, query: ReturnType<typeof sql>): Promise<boolean> {
  return Boolean(rowsOf<{ ok: boolean }>(await tx.execute(query))[0]?.ok);
}

/** The convening agency or one invited: nobody outside the meeting is handed its work. */
async function takesPart(tx: Tx, meeting: { id: string; conveningAgencyId: string }, agencyId: string): Promise<boolean> {
  if (agencyId === meeting.conveningAgencyId) return true;
  const [invited] = await tx
    .select({ agencyId: caseMeetingAgencies.agencyId })
    .from(caseMeetingAgencies)
    .where(and(eq(caseMeetingAgencies.meetingId, meeting.id), eq(caseMeetingAgencies.agencyId, agencyId)));
  return !!invited;
}

/**
 * An action item with an owner agency of the meeting (and optionally one of its people) and a due
 * date, handed only to an agency that reads the item (its case and section): it becomes that
 * agency's `meeting_action` task on the case, so neither the task nor the meeting carries the
 * action's text to an agency without access.
 */
export async function assignMeetingAction(props: {
  tx: Tx;
  actor: Actor;
  audit: AuditContext;
  meeting: { id: string; conveningAgencyId: string };
  item: ItemRow;
  input: MeetingActionInput;
}) {
  const { tx, actor, audit, meeting, item, input } = props;
  if (!(await takesPart(tx, meeting, input.ownerAgencyId))) {
    throw fieldError(422, 'invalid_reference', 'ownerAgencyId', 'Not the convening or an invited agency.');
  }
  if (input.ownerUserId && !(await ask(tx, sql`select user_in_agency(${input.ownerUserId}::uuid, ${input.ownerAgencyId}::uuid) as ok`))) {
    throw fieldError(422, 'invalid_reference', 'ownerUserId', 'Not a person of the owner agency.');
  }
  // What the action asks is read under the item's rule: a CMM shares the case before handing it work.
  if (!(await ask(tx, sql`select agency_reads_item(${input.ownerAgencyId}::uuid, ${item.id}::uuid) as ok`))) {
    throw fieldError(
      422,
      'invalid_reference',
      'ownerAgencyId',
      'This agency cannot read this item of the case: share the case with it first.',
    );
  }
  const [task] = await tx
    .insert(caseTasks)
    .values({
      caseId: item.caseId,
      kind: 'meeting_action',
      title: input.text,
      dueOn: input.dueOn,
      agencyId: input.ownerAgencyId,
      assigneeUserId: input.ownerUserId ?? null,
      createdBy: actor.userId,
    })
    .returning({ id: caseTasks.id });
  const [action] = await tx
    .insert(caseMeetingActions)
    .values({
      itemId: item.id,
      meetingId: item.meetingId,
      caseId: item.caseId,
      text: input.text,
      ownerAgencyId: input.ownerAgencyId,
      ownerUserId: input.ownerUserId ?? null,
      dueOn: input.dueOn,
      taskId: task!.id,
      createdBy: actor.userId,
      createdByAgencyId: actor.agencyId,
    })
    .returning();
  await notify(tx, {
    kind: 'meeting_action_assigned',
    agencyId: input.ownerAgencyId,
    userId: input.ownerUserId ?? null,
    caseId: item.caseId,
    subjectId: item.meetingId,
    dueOn: input.dueOn,
  });
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: item.caseId,
    details: {
      part: 'meeting_action',
      meetingId: item.meetingId,
      actionId: action!.id,
      taskId: task!.id,
      ownerAgencyId: input.ownerAgencyId,
    },
  });
  return action!;
}

/** Done or cancelled on the meeting closes the owner's task too; reopening opens it again. */
export async function setMeetingActionStatus(props: {
  tx: Tx;
  actor: Actor;
  audit: AuditContext;
  action: ActionRow;
  status: 'open' | 'done' | 'cancelled';
}) {
  const { tx, actor, audit, action, status } = props;
  await tx.update(caseMeetingActions).set({ status, updatedAt: new Date() }).where(eq(caseMeetingActions.id, action.id));
  if (action.taskId) {
    const closed = status !== 'open';
    await tx
      .update(caseTasks)
      .set({ doneAt: closed ? new Date() : null, doneBy: closed ? actor.userId : null })
      .where(eq(caseTasks.id, action.taskId));
  }
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: action.caseId,
    details: { part: 'meeting_action', meetingId: action.meetingId, actionId: action.id, status },
  });
}
