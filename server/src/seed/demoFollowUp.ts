import type { FollowUpSituation, FollowUpStep, FollowUpVisitMode } from '@seamless/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { cases, caseTasks, followUpPolicies, followUps, followUpVisits } from '../db/schema/index.js';
import { addCalendarDays, followUpDates, localToday } from '../followUp/schedule.js';
import type { DemoIds } from './demoIds.js';

type DemoVisit = { mode: FollowUpVisitMode; situation: FollowUpSituation; findings: string; nextSteps: string };

const MADE: DemoVisit[] = [
  {
    mode: 'in_person',
    situation: 'safe',
    findings: 'Back with her family in the village; sleeping well. Started the sewing course the plan arranged.',
    nextSteps: 'Check that the course stipend arrives.',
  },
  {
    mode: 'phone',
    situation: 'safe',
    findings: 'Course going well; the stipend arrived. Her mother asked about school for her younger brother.',
    nextSteps: 'Pass the school question to the district education office.',
  },
  {
    mode: 'in_person',
    situation: 'at_risk',
    findings: 'A broker came to the village offering work across the border again. She refused but is worried about debts.',
    nextSteps: 'Debt counselling referral; ask the village head to watch for the broker; visit again within the month.',
  },
  {
    mode: 'partner_visit',
    situation: 'safe',
    findings: 'Visited by the NGO outreach worker: debt plan agreed, working at a tailor shop in town.',
    nextSteps: 'Continue as planned.',
  },
];

/** A 24-month policy for the demo NGO, to show an agency's own policy beside the country's (demo default). */
const NGO_LONG_TERM: FollowUpStep[] = [
  { everyMonths: 1, times: 3 },
  { everyMonths: 3, untilMonths: 12 },
  { everyMonths: 6, untilMonths: 24 },
];

/**
 * Follow-up in the demo (Thailand): one case of Chiang Rai in its eighth month (three visits made,
 * one at risk, the six-month visit missed, a phone call outside the plan), one finished after a
 * year and closed, and the NGO's own long-term policy.
 */
export async function seedDemoFollowUp(tx: Tx, ids: DemoIds) {
  if (ids.countryCode !== 'TH') return;
  const ngo = ids.agencyIds.get('ngo');
  if (ngo) {
    await tx.insert(followUpPolicies).values({
      countryCode: 'TH',
      agencyId: ngo,
      name: 'NGO long-term reintegration follow-up (up to 24 months)',
      steps: NGO_LONG_TERM,
      defaultMode: 'in_person',
      source: 'Demo default.',
    });
  }
  const [policy] = await tx
    .select()
    .from(followUpPolicies)
    .where(and(eq(followUpPolicies.countryCode, 'TH'), isNull(followUpPolicies.agencyId)));
  const chiangrai = ids.agencyIds.get('chiangrai');
  const worker = ids.userIds.get('chiangrai');
  if (!policy || !chiangrai || !worker) return;
  const today = localToday('TH', ids.now);
  const running = ids.caseIds[5];
  const finished = ids.caseIds[13];
  if (running)
    await seedFollowUp(tx, {
      ...ids,
      caseId: running,
      policy,
      agencyId: chiangrai,
      userId: worker,
      startOn: addCalendarDays(today, -225),
      today,
    });
  if (finished)
    await seedFollowUp(tx, {
      ...ids,
      caseId: finished,
      policy,
      agencyId: chiangrai,
      userId: worker,
      startOn: addCalendarDays(today, -400),
      today,
    });
}

async function seedFollowUp(
  tx: Tx,
  demo: DemoIds & {
    caseId: string;
    policy: typeof followUpPolicies.$inferSelect;
    agencyId: string;
    userId: string;
    startOn: string;
    today: string;
  },
) {
  const { caseId, policy, agencyId, userId, startOn, today } = demo;
  const dates = followUpDates(startOn, policy.steps);
  const allPast = dates.every((date) => date < today);
  const [followUp] = await tx
    .insert(followUps)
    .values({
      caseId,
      policyId: policy.id,
      policyName: policy.name,
      steps: policy.steps,
      defaultMode: policy.defaultMode,
      graceDays: policy.graceDays,
      startOn,
      recordedBy: userId,
      recordedByAgencyId: agencyId,
      ...(allPast
        ? {
            status: 'closed' as const,
            closedOn: addCalendarDays(dates.at(-1)!, 3),
            closureReason: 'plan_completed' as const,
            closedBy: userId,
          }
        : {}),
    })
    .returning();
  const ngo = demo.agencyIds.get('ngo') ?? null;
  for (const [index, scheduledOn] of dates.entries()) {
    // The running case's fourth visit (six months) was not made: it shows as missed.
    const made = allPast ? MADE[index % MADE.length]! : index < 3 ? MADE[index]! : null;
    const [task] = await tx
      .insert(caseTasks)
      .values({
        caseId,
        kind: 'follow_up_visit',
        dueOn: scheduledOn,
        agencyId,
        createdBy: userId,
        doneAt: made || allPast ? demo.now : null,
      })
      .returning({ id: caseTasks.id });
    await tx.insert(followUpVisits).values({
      followUpId: followUp!.id,
      caseId,
      sequence: index + 1,
      scheduledOn,
      taskId: task!.id,
      recordedBy: userId,
      recordedByAgencyId: agencyId,
      ...(made
        ? {
            ...made,
            actualOn: addCalendarDays(scheduledOn, index % 3),
            visitorName: 'Khun Siriporn (social worker)',
            visitingAgencyId: made.mode === 'partner_visit' ? ngo : null,
            mode: made.mode === 'partner_visit' && !ngo ? 'in_person' : made.mode,
          }
        : {}),
    });
  }
  if (!allPast) {
    await tx.insert(followUpVisits).values({
      followUpId: followUp!.id,
      caseId,
      actualOn: addCalendarDays(today, -20),
      mode: 'phone',
      visitorName: 'Khun Siriporn (social worker)',
      situation: 'safe',
      findings: 'She called after the missed visit: her mother was ill, she is fine and working.',
      nextSteps: 'Agree a new date for the next home visit.',
      recordedBy: userId,
      recordedByAgencyId: agencyId,
    });
  }
  const status = allPast ? 'Closed' : 'FollowUp';
  await tx
    .update(cases)
    .set({ status, closureReason: allPast ? 'follow_up_period_ended' : null, closedAt: allPast ? demo.now : null })
    .where(eq(cases.id, caseId));
}
