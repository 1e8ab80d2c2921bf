import { type CareActionInput, type CarePlanInput, type FieldError, type ServiceArea, sectionOfServiceArea } from '@seamless/contracts';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { rowsOf, type Tx } from '../db/client.js';
import { agencies, carePlanActions, carePlanGoals, carePlanVersions, caseTasks } from '../db/schema/index.js';
import type { CaseContext } from '../http/caseContext.js';
import { AppError, conflict, forbidden } from '../http/problem.js';
import { type CareReach, careReach, recordsArea } from '../policies/care.js';
import { recordCaseEvent } from './recordCaseEvent.js';
import { assertCaseOpen } from './recordInterview.js';

type ActionRow = typeof carePlanActions.$inferSelect;
type GoalRow = typeof carePlanGoals.$inferSelect;
const FINISHED = ['done', 'cancelled'];
const unknownReferences = (errors: FieldError[]) => new AppError(422, 'invalid_reference', 'Some references are unknown.', errors);

/** The plan's newest version of a case, or null before the first. */
export async function currentPlanVersion(tx: Tx, caseId: string) {
  const [row] = await tx
    .select()
    .from(carePlanVersions)
    .where(eq(carePlanVersions.caseId, caseId))
    .orderBy(desc(carePlanVersions.version))
    .limit(1);
  return row ?? null;
}

/**
 * The current version's goals split by whether the reviser records their section: hers, with
 * their actions by the key that follows each action across versions, and the others (a
 * specialist's goals she may not read), which the revision carries on as they stand.
 */
async function goalsOfVersion(tx: Tx, versionId: string, reach: CareReach) {
  const goals = await tx
    .select()
    .from(carePlanGoals)
    .where(eq(carePlanGoals.planVersionId, versionId))
    .orderBy(asc(carePlanGoals.position));
  const actions = await tx
    .select({ action: carePlanActions })
    .from(carePlanActions)
    .innerJoin(carePlanGoals, eq(carePlanGoals.id, carePlanActions.goalId))
    .where(eq(carePlanGoals.planVersionId, versionId))
    .orderBy(asc(carePlanActions.position));
  const hers = new Set(goals.filter((goal) => recordsArea(reach, goal.serviceArea)).map((goal) => goal.id));
  return {
    actions: new Map(actions.filter(({ action }) => hers.has(action.goalId)).map(({ action }) => [action.actionKey, action])),
    carried: goals
      .filter((goal) => !hers.has(goal.id))
      .map((goal) => ({ goal, actions: actions.filter(({ action }) => action.goalId === goal.id).map(({ action }) => action) })),
  };
}

/** A goal the reviser may not record is carried into the new version unchanged, actions, tasks and referrals included. */
async function carryGoal(tx: Tx, versionId: string, position: number, agencyId: string, carried: { goal: GoalRow; actions: ActionRow[] }) {
  const { id: _goalId, planVersionId: _version, ...goal } = carried.goal;
  const [copy] = await tx
    .insert(carePlanGoals)
    .values({ ...goal, planVersionId: versionId, position, recordedByAgencyId: agencyId })
    .returning({ id: carePlanGoals.id });
  for (const { id: _actionId, goalId: _goalOf, ...action } of carried.actions) {
    await tx.insert(carePlanActions).values({ ...action, goalId: copy!.id, recordedByAgencyId: agencyId });
  }
}

/** Goals in a section the reviser may not record are refused by name. */
function assertGoalsInReach(input: CarePlanInput, reach: CareReach) {
  if (!reach.write.includes('care')) throw forbidden();
  const closed: FieldError[] = input.goals.flatMap((goal, g) =>
    recordsArea(reach, goal.serviceArea)
      ? []
      : [
          {
            path: `goals.${g}.serviceArea`,
            code: 'forbidden',
            message: 'Your role or agency does not hold the section of this service area.',
          },
        ],
  );
  if (closed.length) throw new AppError(403, 'forbidden', 'Your role or agency does not hold the section of these goals.', closed);
}

/** Whether the responsible agency reaches the case at all, so a task there is one it can see. */
async function agencySeesCase(tx: Tx, agencyId: string, caseId: string, ownerAgencyId: string) {
  if (agencyId === ownerAgencyId) return true;
  const result = await tx.execute(sql`select agency_granted_case(${agencyId}::uuid, ${caseId}::uuid, null) as granted`);
  return Boolean(rowsOf<{ granted: boolean }>(result)[0]?.granted);
}

/**
 * A `care_action` task for the responsible agency, for an open action with a due date it can see.
 * Every user of that agency reads its tasks, so the action's words go into the task only where
 * they are `care`; a specialist goal's action is a task without them.
 */
export async function taskForAction(
  tx: Tx,
  context: Pick<CaseContext, 'actor' | 'view'>,
  action: Pick<CareActionInput, 'what' | 'responsibleAgencyId' | 'dueOn' | 'status'>,
  serviceArea: ServiceArea,
) {
  const { actor, view } = context;
  if (!action.responsibleAgencyId || !action.dueOn || FINISHED.includes(action.status)) return null;
  if (!(await agencySeesCase(tx, action.responsibleAgencyId, view.kase.id, view.kase.ownerAgencyId))) return null;
  const [task] = await tx
    .insert(caseTasks)
    .values({
      caseId: view.kase.id,
      kind: 'care_action',
      title: sectionOfServiceArea(serviceArea) === 'care' ? action.what.slice(0, 200) : null,
      dueOn: action.dueOn,
      agencyId: action.responsibleAgencyId,
      createdBy: actor.userId,
    })
    .returning({ id: caseTasks.id });
  return task!.id;
}

/** Closes an action's open task once the action is done or cancelled. */
export async function closeActionTask(tx: Tx, actorUserId: string, taskId: string | null) {
  if (!taskId) return;
  await tx
    .update(caseTasks)
    .set({ doneAt: new Date(), doneBy: actorUserId })
    .where(and(eq(caseTasks.id, taskId), isNull(caseTasks.doneAt)));
}

async function checkAgencies(tx: Tx, input: CarePlanInput) {
  const named = input.goals.flatMap((goal, g) =>
    goal.actions.flatMap((action, a) =>
      action.responsibleAgencyId ? [{ id: action.responsibleAgencyId, path: `goals.${g}.actions.${a}.responsibleAgencyId` }] : [],
    ),
  );
  if (!named.length) return;
  const found = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(inArray(agencies.id, [...new Set(named.map((item) => item.id))]));
  const known = new Set(found.map((row) => row.id));
  const errors: FieldError[] = named
    .filter((item) => !known.has(item.id))
    .map((item) => ({ path: item.path, code: 'invalid_reference', message: 'No such agency.' }));
  if (errors.length) throw unknownReferences(errors);
}

/**
 * A revision of the individual care plan: the plan as it now stands becomes the next version,
 * earlier versions stay as they were. The plan's terms are `care`; its goals are the reviser's
 * to change where she records their section, and a specialist's goals she may not read go on
 * unchanged. Actions keep their task, referral and services across versions through their key;
 * a new action for an agency that reaches the case becomes its task.
 */
export async function reviseCarePlan(context: CaseContext, input: CarePlanInput) {
  const { tx, actor, view, audit } = context;
  assertCaseOpen(view);
  const reach = careReach(actor, view.involvement);
  assertGoalsInReach(input, reach);
  const current = await currentPlanVersion(tx, view.kase.id);
  const currentVersion = current?.version ?? 0;
  if (input.basedOnVersion !== currentVersion) throw conflict(undefined, { version: currentVersion });
  await checkAgencies(tx, input);
  const { actions: previous, carried } = current
    ? await goalsOfVersion(tx, current.id, reach)
    : { actions: new Map<string, ActionRow>(), carried: [] };
  const unknownKeys: FieldError[] = input.goals.flatMap((goal, g) =>
    goal.actions.flatMap((action, a) =>
      action.actionKey && !previous.has(action.actionKey)
        ? [{ path: `goals.${g}.actions.${a}.actionKey`, code: 'invalid_reference', message: 'Not an action of the current plan.' }]
        : [],
    ),
  );
  if (unknownKeys.length) throw unknownReferences(unknownKeys);

  const [version] = await tx
    .insert(carePlanVersions)
    .values({
      caseId: view.kase.id,
      version: currentVersion + 1,
      victimGoals: input.victimGoals,
      agreedOn: input.agreedOn ?? null,
      agreementMethod: input.agreementMethod ?? null,
      witnessedBy: input.witnessedBy || null,
      reviewOn: input.reviewOn ?? null,
      recordedBy: actor.userId,
      recordedByAgencyId: actor.agencyId,
    })
    .returning();
  const kept = new Set<string>();
  for (const [g, goalInput] of input.goals.entries()) {
    const [goal] = await tx
      .insert(carePlanGoals)
      .values({
        planVersionId: version!.id,
        caseId: view.kase.id,
        position: g,
        serviceArea: goalInput.serviceArea,
        goal: goalInput.goal,
        status: goalInput.status,
        recordedByAgencyId: actor.agencyId,
      })
      .returning({ id: carePlanGoals.id });
    for (const [a, action] of goalInput.actions.entries()) {
      const before = action.actionKey ? previous.get(action.actionKey) : undefined;
      if (before) kept.add(before.actionKey);
      const finished = FINISHED.includes(action.status);
      const reassigned =
        !before || before.responsibleAgencyId !== (action.responsibleAgencyId ?? null) || before.dueOn !== (action.dueOn ?? null);
      let taskId = before?.taskId ?? null;
      if (reassigned || finished) await closeActionTask(tx, actor.userId, taskId);
      if (reassigned) taskId = finished ? null : await taskForAction(tx, context, action, goalInput.serviceArea);
      await tx.insert(carePlanActions).values({
        goalId: goal!.id,
        caseId: view.kase.id,
        ...(before ? { actionKey: before.actionKey } : {}),
        position: a,
        what: action.what,
        responsibleAgencyId: action.responsibleAgencyId ?? null,
        responsibleOrganisation: action.responsibleOrganisation || null,
        responsiblePerson: action.responsiblePerson || null,
        dueOn: action.dueOn ?? null,
        status: action.status,
        referralId: before?.referralId ?? null,
        taskId,
        recordedByAgencyId: actor.agencyId,
      });
    }
  }
  for (const [c, goal] of carried.entries()) await carryGoal(tx, version!.id, input.goals.length + c, actor.agencyId, goal);
  // Actions left out of the revision are no longer planned: their tasks close.
  for (const action of previous.values()) if (!kept.has(action.actionKey)) await closeActionTask(tx, actor.userId, action.taskId);

  await recordCaseEvent(tx, actor, view.kase.id, 'care_plan.revised', { version: version!.version }, 'care');
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: view.kase.id,
    details: {
      part: 'care_plan',
      carePlanVersionId: version!.id,
      version: version!.version,
      goals: input.goals.length,
      carriedGoals: carried.length,
    },
  });
  return version!;
}
