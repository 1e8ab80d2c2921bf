import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { cases, traffickingStatusDecisions } from '../db/schema/index.js';
import { addCalendarDays, localToday } from '../followUp/schedule.js';
import type { DemoIds } from './demoIds.js';

/** Owners whose demo cases went through identification; Chiang Rai's and the hotline's still wait for it. */
const IDENTIFIED_BY_OWNER = ['police', 'ngo', 'shelter'];

/**
 * Identified victims, as the Thai procedure makes them: the multidisciplinary team presumes, the
 * police inquiry officer identifies, each a dated decision. The figures of identified victims
 * count these decisions, so the data officer's first look at the demo shows its victims.
 */
export async function seedDemoStatistics(tx: Tx, { caseIds, agencyIds, userIds, countryCode, now }: DemoIds) {
  const owners = IDENTIFIED_BY_OWNER.map((key) => agencyIds.get(key)!);
  const identified = await tx
    .select({ id: cases.id, openedAt: cases.openedAt })
    .from(cases)
    .where(and(inArray(cases.id, caseIds), inArray(cases.ownerAgencyId, owners)))
    .orderBy(cases.openedAt);
  const today = localToday(countryCode, now);
  const notAfterToday = (day: string) => (day < today ? day : today);
  const decision = {
    decidingAgencyId: agencyIds.get('police')!,
    decidedByName: 'Pol. Lt. Col. Anan Suksawat (inquiry officer, MDT chair)',
    recordedBy: userIds.get('police')!,
  };
  for (const [index, kase] of identified.entries()) {
    const opened = localToday(countryCode, kase.openedAt);
    const presumedOn = notAfterToday(addCalendarDays(opened, 2 + (index % 4)));
    await tx.insert(traffickingStatusDecisions).values([
      {
        ...decision,
        caseId: kase.id,
        fromStatus: 'Potential',
        toStatus: 'Presumed',
        decidedOn: presumedOn,
        reasons: 'Indicators of act, means and purpose at pre-screening; referred to the multidisciplinary team.',
      },
      {
        ...decision,
        caseId: kase.id,
        fromStatus: 'Presumed',
        toStatus: 'Identified',
        decidedOn: notAfterToday(addCalendarDays(presumedOn, 7 + ((index * 5) % 30))),
        reasons: 'The multidisciplinary team interview confirmed act, means and purpose.',
      },
    ]);
    await tx.update(cases).set({ traffickingStatus: 'Identified' }).where(eq(cases.id, kase.id));
  }
}
