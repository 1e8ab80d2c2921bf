import type { followUpReportInputSchema } from '@seamless/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { consents } from '../db/schema/index.js';
import { partnerById } from '../federation/partners.js';
import { localToday } from '../followUp/schedule.js';
import { consentRefused } from '../policies/consent.js';
import { followUpReportRefusal } from '../policies/repatriation.js';
import { consentSnapshotOf } from '../repatriation/record.js';
import { lockRepatriation } from '../repatriation/thread.js';
import { type StepProps, takeRepatriationStep } from './takeRepatriationStep.js';

export type FollowUpReport = Omit<z.output<typeof followUpReportInputSchema>, 'consentId'>;

/**
 * Follow-up comes back (issue 12): a report on the person sent home goes to the sending country on
 * the strength of her follow-up consent recorded on the case opened here, written by hand or from
 * a visit recorded on that case.
 */
export async function reportFollowUp(props: StepProps, repatriationId: string, report: FollowUpReport, consentId: string) {
  const { tx, actor, now = new Date() } = props;
  const row = await lockRepatriation(tx, repatriationId);
  const partner = await partnerById(tx, row.partnerId);
  const [consent] = row.caseId
    ? await tx
        .select()
        .from(consents)
        .where(and(eq(consents.id, consentId), eq(consents.caseId, row.caseId)))
    : [];
  const refusal = followUpReportRefusal(consent ?? null, partner!.countryCode, actor.countryCode, localToday(actor.countryCode, now));
  if (refusal) throw consentRefused(refusal);
  await takeRepatriationStep(props, row.id, 'follow_up_report', report, consentSnapshotOf(consent!));
}
