import type { CrossBorderReferralAction } from '@seamless/contracts';
import { type AuditContext, recordAudit } from '../audit/record.js';
import { openReferralContent } from '../crossBorderReferral/record.js';
import { type ReferralStepBody, type ReferralStepKind, referralConsentLapsed, takeReferralStep } from '../crossBorderReferral/steps.js';
import { loadCrossBorderReferral, referralStandingOf, saveCrossBorderReferral } from '../crossBorderReferral/thread.js';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { crossBorderReferrals } from '../db/schema/index.js';
import type { OutboxSettings } from '../federation/outbox.js';
import { partnerById } from '../federation/partners.js';
import { sendOnThread } from '../federation/threads.js';
import { localToday } from '../followUp/schedule.js';
import { AppError, forbidden } from '../http/problem.js';
import type { Actor } from '../policies/actor.js';
import { consentRefused } from '../policies/consent.js';
import { canReferAcrossBorder, crossBorderReferralActions } from '../policies/crossBorderReferral.js';
import { StepOutOfOrder } from '../repatriation/steps.js';
import { recordCaseEvent } from './recordCaseEvent.js';

const ACTION_OF: Record<ReferralStepKind, CrossBorderReferralAction> = {
  referral_answer: 'answer',
  referral_outcome: 'report_outcome',
  referral_withdrawal: 'withdraw',
};

const outOfStep = () => new AppError(409, 'conflict', "This step does not fit the referral's current state; reload it.");

export type ReferralStepProps = { tx: Tx; keyRing: KeyRing; outbox: OutboxSettings; actor: Actor; audit: AuditContext; now?: Date };

/**
 * Takes one step of a referral across a border on this side — the answer, the outcome, a
 * withdrawal — and sends it to the other side in the same transaction.
 */
export async function takeCrossBorderReferralStep<K extends ReferralStepKind>(
  { tx, keyRing, outbox, actor, audit, now = new Date() }: ReferralStepProps,
  referralId: string,
  kind: K,
  body: ReferralStepBody<K>,
) {
  if (!canReferAcrossBorder(actor)) throw forbidden();
  const row = await loadCrossBorderReferral(tx, referralId, { lock: true });
  const partner = await partnerById(tx, row.partnerId);
  const standing = referralStandingOf(row, partner);
  if (kind !== 'referral_withdrawal' && referralConsentLapsed(row.consent, localToday(actor.countryCode, now))) {
    throw consentRefused('consent_expired');
  }
  if (!crossBorderReferralActions(actor, standing).includes(ACTION_OF[kind])) throw outOfStep();
  let next: ReturnType<typeof takeReferralStep>;
  try {
    next = takeReferralStep({ status: row.status, content: openReferralContent(keyRing, row) }, kind, body, row.side, now);
  } catch (error) {
    if (error instanceof StepOutOfOrder) throw outOfStep();
    throw error;
  }
  await saveCrossBorderReferral(tx, keyRing, row, next);
  const packetId = await sendOnThread(tx, outbox, crossBorderReferrals, row, {
    kind,
    consent: row.consent,
    body: body as Record<string, unknown>,
    createdBy: actor.userId,
  });
  const details = { referralId: row.id, step: kind, status: next.status, packetId };
  if (row.caseId) await recordCaseEvent(tx, actor, row.caseId, 'cross_border_referral.updated', details);
  await recordAudit(tx, audit, {
    action: 'cross_border_referral.update',
    resourceType: 'cross_border_referral',
    resourceId: row.id,
    details,
  });
  return row.id;
}
