import { sql } from 'drizzle-orm';
import { asSystem } from '../src/db/actorContext.js';
import { caseTasks } from '../src/db/schema/index.js';
import { addCalendarDays, localToday } from '../src/followUp/schedule.js';
import { type Bench, latencyEntries, timeEach } from './context.js';

const KINDS = ['follow_up_visit', 'care_action', 'referral_response', 'meeting_action', 'assessment_due', 'stay_limit'] as const;

/**
 * The caseload with tasks: GET /api/tasks/board?scope=team over HTTP as a caseworker (session,
 * row-level security, open tasks of every source, the names the reader may see, one card per case,
 * audit) against the raw SQL reading the same open tasks joined to their cases and persons, as the
 * schema owner. A third of the caseworker's synthetic cases get two or three open tasks first.
 */
export const caseloadTasks: Bench = {
  name: 'caseload-tasks',
  async run({ app, quick, client, actor, caseIds, random }) {
    const today = localToday('TH', new Date());
    const withTasks = caseIds.slice(0, Math.floor(caseIds.length / 3));
    await asSystem(app.database.db, async (tx) => {
      const rows = withTasks.flatMap((caseId) =>
        Array.from({ length: 2 + Math.floor(random() * 2) }, () => ({
          caseId,
          agencyId: actor.agencyId,
          kind: KINDS[Math.floor(random() * KINDS.length)]!,
          dueOn: addCalendarDays(today, Math.floor(random() * 60) - 20),
        })),
      );
      for (let start = 0; start < rows.length; start += 1000) await tx.insert(caseTasks).values(rows.slice(start, start + 1000));
      await tx.execute(sql`analyze case_tasks`);
    });
    const requests = Array.from({ length: quick ? 20 : 60 }, (_, index) => index);
    const ours = await timeEach(requests, async () => {
      const response = await client.get('/api/tasks/board?scope=team');
      if (response.status !== 200) throw new Error(`GET /api/tasks/board answered ${response.status}`);
    });
    const baseline = await timeEach(requests, () =>
      asSystem(app.database.db, (tx) =>
        tx.execute(sql`
          select t.id, t.case_id, t.kind, t.due_on, c.reference, p.pseudonym, p.given_name_enc, p.family_name_enc
          from case_tasks t join cases c on c.id = t.case_id join persons p on p.id = c.person_id
          where t.agency_id = ${actor.agencyId} and t.done_at is null
          order by t.due_on, t.id limit 1000`),
      ),
    );
    return latencyEntries('caseload-tasks', ours, baseline);
  },
};
