import type { RepatriationAction } from '@seamless/contracts';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { type ConsentSnapshot, repatriations } from '../db/schema/index.js';
import type { OutboxSettings } from '../federation/outbox.js';
import { sendOnThread } from '../federation/threads.js';
import { localToday } from '../followUp/schedule.js';
import { AppError, forbidden } from '../http/problem.js';
import type { Actor } from '../policies/actor.js';
import { consentRefused } from '../policies/consent.js';
import { canRepatriate, repatriationActions } from '../policies/repatriation.js';
import { consentLapsed, planDigest, type StepBody, type StepKind, StepOutOfOrder, takeStep } from '../repatriation/steps.js';
import { contentOf, lockRepatriation, saveRepatriation, standingOf } from '../repatriation/thread.js';
import { recordCaseEvent } from './recordCaseEvent.js';

/** The screen's action that takes each step. */
const ACTION_OF: Record<StepKind, RepatriationAction> = {
  verification_result: 'verify',
  family_assessment: 'assess_family',
  repatriation_decision: 'decide',
  handover_plan: 'plan_handover',
  handover_record: 'sign_handover',
  follow_up_report: 'report_follow_up',
  repatriation_withdrawal: 'withdraw',
  meeting_invitation: 'schedule_meeting',
  meeting_minutes: 'record_meeting',
};

const outOfStep = () => new AppError(409, 'conflict', "This step does not fit the repatriation's current state; reload it.");

/** A step's body as a route gives it: the plan a signature signs is added here, from the record. */
export type LocalBody<K extends StepKind> = K extends 'handover_record' ? Omit<StepBody<K>, 'planDigest'> : StepBody<K>;

export type StepProps = { tx: Tx; keyRing: KeyRing; outbox: OutboxSettings; actor: Actor; audit: AuditContext; now?: Date };

/**
 * Takes one step of a repatriation on this side and sends it to the other side in the same
 * transaction: the partner's copy moves when the packet arrives. `consent` is what the packet
 * relies on when it is not the request's (a follow-up report relies on the receiving case's own).
 */
export async function takeRepatriationStep<K extends StepKind>(
  { tx, keyRing, outbox, actor, audit, now = new Date() }: StepProps,
  repatriationId: string,
  kind: K,
  body: LocalBody<K>,
  consent?: ConsentSnapshot,
) {
  if (!canRepatriate(actor)) throw forbidden();
  const row = await lockRepatriation(tx, repatriationId);
  if (kind !== 'repatriation_withdrawal' && consentLapsed(row.status, row.consent, localToday(actor.countryCode, now))) {
    throw consentRefused('consent_expired');
  }
  const content = contentOf(keyRing, row);
  if (!repatriationActions(actor, await standingOf(tx, row, content)).includes(ACTION_OF[kind])) throw outOfStep();
  // A signature says which plan it signs: the plan as this side holds it now.
  const sent = (kind === 'handover_record' ? { ...body, planDigest: planDigest(content.plan) } : body) as StepBody<K>;
  let next: ReturnType<typeof takeStep>;
  try {
    next = takeStep({ status: row.status, content }, kind, sent, row.side, now);
  } catch (error) {
    if (error instanceof StepOutOfOrder) throw outOfStep();
    throw error;
  }
  const plan = kind === 'handover_plan' ? (body as StepBody<'handover_plan'>) : null;
  await saveRepatriation(tx, keyRing, row, { ...next, ...(plan ? { handoverDate: plan.date } : {}) });
  const packetId = await sendOnThread(tx, outbox, repatriations, row, {
    kind,
    consent: consent ?? row.consent,
    body: sent as Record<string, unknown>,
    createdBy: actor.userId,
  });
  const details = { repatriationId: row.id, step: kind, status: next.status, packetId };
  if (row.caseId) await recordCaseEvent(tx, actor, row.caseId, 'repatriation.updated', details);
  await recordAudit(tx, audit, { action: 'repatriation.update', resourceType: 'repatriation', resourceId: row.id, details });
  return row.id;
}
