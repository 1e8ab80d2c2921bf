import type { CaseTask, TaskBoard, TaskBoardQuery, TaskCaseGroup } from '@seamless/contracts';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { cases, caseTasks } from '../db/schema/index.js';
import { loadCaseViews } from '../db/visibleCases.js';
import { localToday } from '../followUp/schedule.js';
import type { Actor } from '../policies/actor.js';
import { presentCaseSummary } from '../presenters/case.js';

/** A worklist longer than this is a data problem, not a screen. */
const MAX_OPEN_TASKS = 1000;

/**
 * The agency's open tasks from every source, one card per case: the person as the reader may
 * see her, then her tasks, overdue first. "Overdue" is judged by the case's own calendar.
 */
export async function loadTaskBoard(tx: Tx, actor: Actor, keyRing: KeyRing, query: TaskBoardQuery, now: Date): Promise<TaskBoard> {
  const mine = or(eq(caseTasks.assigneeUserId, actor.userId), and(isNull(caseTasks.assigneeUserId), eq(cases.ownerUserId, actor.userId)));
  const rows = await tx
    .select({ task: caseTasks, countryCode: cases.countryCode, caseReference: cases.reference })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .where(
      and(
        eq(caseTasks.agencyId, actor.agencyId),
        isNull(caseTasks.doneAt),
        query.scope === 'mine' ? mine : undefined,
        query.kind ? eq(caseTasks.kind, query.kind) : undefined,
      ),
    )
    .orderBy(asc(caseTasks.dueOn), asc(caseTasks.id))
    .limit(MAX_OPEN_TASKS);

  const todayByCountry = new Map<string, string>();
  const todayOf = (country: string) => {
    if (!todayByCountry.has(country)) todayByCountry.set(country, localToday(country, now));
    return todayByCountry.get(country)!;
  };
  const tasks = rows
    .map(
      ({ task, countryCode, caseReference }): CaseTask => ({
        id: task.id,
        caseId: task.caseId,
        caseReference,
        kind: task.kind as CaseTask['kind'],
        title: task.title,
        dueOn: task.dueOn,
        overdue: task.dueOn < todayOf(countryCode),
        assigneeUserId: task.assigneeUserId,
        doneAt: null,
      }),
    )
    .filter((task) => query.overdue === undefined || task.overdue === (query.overdue === 'true'));

  const groups = new Map<string, TaskCaseGroup>();
  for (const task of tasks) {
    const group = groups.get(task.caseId) ?? {
      caseId: task.caseId,
      caseReference: task.caseReference,
      displayName: task.caseReference,
      overdue: 0,
      tasks: [],
    };
    group.tasks.push(task);
    if (task.overdue) group.overdue += 1;
    groups.set(task.caseId, group);
  }
  // Tasks arrive by due date, so each card is already "overdue first, then soonest"; cards follow their first task.
  const ordered = [...groups.values()].sort((a, b) => b.overdue - a.overdue || a.tasks[0]!.dueOn.localeCompare(b.tasks[0]!.dueOn));
  // Names are read (and decrypted) only for the cards shown.
  const shown = ordered.slice(0, query.cases);
  const caseIds = shown.map((group) => group.caseId);
  const views = caseIds.length ? await loadCaseViews(tx, actor, inArray(cases.id, caseIds), [sql`1`], caseIds.length, 0) : [];
  const byCase = new Map(shown.map((group) => [group.caseId, group]));
  for (const view of views) {
    const group = byCase.get(view.kase.id);
    if (group) group.displayName = presentCaseSummary(view, actor, keyRing).displayName;
  }
  return { groups: shown, caseCount: ordered.length, total: tasks.length, overdue: tasks.filter((task) => task.overdue).length };
}
