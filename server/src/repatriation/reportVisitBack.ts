import type { FollowUpSituation, ReintegrationOutlook } from '@seamless/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { reportFollowUp } from '../commands/reportFollowUp.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { consents, repatriations } from '../db/schema/index.js';
import type { OutboxSettings } from '../federation/outbox.js';
import { partnerById } from '../federation/partners.js';
import { localToday } from '../followUp/schedule.js';
import type { CaseContext } from '../http/caseContext.js';
import { canRepatriate, followUpReportRefusal } from '../policies/repatriation.js';

const OUTLOOK_OF: Record<FollowUpSituation, ReintegrationOutlook> = {
  safe: 'reintegrating',
  at_risk: 'at_risk',
  unreachable: 'lost_contact',
};

export type VisitReported = { actualOn: string; situation: FollowUpSituation; findings: string; nextSteps: string };

/**
 * Follow-up comes back (issue 12): a visit recorded on a case this agency opened from a
 * repatriation goes to the sending country as a report, when her consent on this case is for
 * follow-up, names that country and names no agency here. Without such a consent nothing leaves;
 * the focal point's role sends it (others record the visit, and the focal point may report it).
 */
export async function reportVisitBack(
  { tx, actor, audit, view }: CaseContext,
  keyRing: KeyRing,
  outbox: OutboxSettings,
  visit: VisitReported,
): Promise<string[]> {
  if (!canRepatriate(actor)) return [];
  const returned = await tx
    .select()
    .from(repatriations)
    .where(
      and(
        eq(repatriations.caseId, view.kase.id),
        eq(repatriations.side, 'receiving'),
        eq(repatriations.status, 'handed_over'),
        isNull(repatriations.consentWithdrawnAt),
      ),
    );
  const today = localToday(view.kase.countryCode, new Date());
  const followUpConsents = await tx
    .select()
    .from(consents)
    .where(and(eq(consents.caseId, view.kase.id), eq(consents.purpose, 'follow_up'), isNull(consents.withdrawnAt)));
  const reported: string[] = [];
  for (const row of returned) {
    const partner = await partnerById(tx, row.partnerId);
    if (partner?.status !== 'active') continue;
    const consent = followUpConsents.find(
      (candidate) => followUpReportRefusal(candidate, partner.countryCode, view.kase.countryCode, today) === null,
    );
    if (!consent) continue;
    const summary = [visit.findings, visit.nextSteps].filter((text) => text.trim()).join('\n\n') || '—';
    const report = { visitedOn: visit.actualOn, outlook: OUTLOOK_OF[visit.situation], summary };
    await reportFollowUp({ tx, keyRing, outbox, actor, audit }, row.id, report, consent.id);
    reported.push(row.id);
  }
  return reported;
}
