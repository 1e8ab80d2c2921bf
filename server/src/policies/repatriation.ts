import type { RepatriationAction, RepatriationSide, RepatriationStatus } from '@seamless/contracts';
import { LIVE } from '../repatriation/steps.js';
import { type Actor, has } from './actor.js';
import { type ConsentTerms, consentRefusal } from './consent.js';

/** Repatriation is the focal point's work: case managers and repatriation focal points hold it. */
export const canRepatriate = (actor: Actor) => has(actor, 'repatriation:manage') && has(actor, 'case:read');

/**
 * A report back relies on her consent recorded on the case opened here: for follow-up, naming the
 * sending country, naming no agency here (a consent for agencies is for agencies of this country).
 */
export const followUpReportRefusal = (consent: ConsentTerms | null, partnerCountry: string, caseCountry: string, today: string) =>
  consentRefusal(consent, { agencyId: '', agencyCountry: partnerCountry, caseCountry, sections: [], purpose: 'follow_up' }, today);

/** Partners, packets and deliveries are the federation administrator's. */
export const canAdministerFederation = (actor: Actor) => has(actor, 'admin:federation');

/** A side's own notes of a bilateral meeting are about her: written by who may change her case. */
export const canNoteRepatriationMeeting = (actor: Actor) => canRepatriate(actor) && has(actor, 'case:update');

export type RepatriationStanding = {
  side: RepatriationSide;
  status: RepatriationStatus;
  caseId: string | null;
  signed: Record<RepatriationSide, boolean>;
  consentWithdrawn: boolean;
  /** Nothing can be sent to a partner suspended or revoked: only what stays here (opening the case) is left. */
  partnerTrusted: boolean;
};

const WITHDRAWABLE: readonly RepatriationStatus[] = [
  'requested',
  'nationality_verified',
  'family_assessed',
  'accepted',
  'handover_planned',
];

/**
 * What the actor's agency may do next on its side. Row-level security already limits the record
 * to the agency holding it; this decides the step. Opening the receiving case also needs
 * `case:create`; reports back stop once the person withdrew her consent.
 */
export function repatriationActions(actor: Actor, standing: RepatriationStanding): RepatriationAction[] {
  if (!canRepatriate(actor) || !has(actor, 'case:update')) return [];
  const { side, status } = standing;
  const actions: RepatriationAction[] = [];
  if (side === 'receiving') {
    if (status === 'requested') actions.push('verify');
    if (status === 'nationality_verified') actions.push('assess_family');
    if (status === 'family_assessed') actions.push('decide');
    if (status === 'accepted' || (status === 'handover_planned' && !standing.signed.sending && !standing.signed.receiving))
      actions.push('plan_handover');
    // With her consent withdrawn nothing more is made of what was sent: no case is opened from it.
    if (status === 'handed_over' && !standing.caseId && !standing.consentWithdrawn && has(actor, 'case:create')) actions.push('open_case');
    if (status === 'handed_over' && standing.caseId && !standing.consentWithdrawn) actions.push('report_follow_up');
  } else if (WITHDRAWABLE.includes(status)) {
    actions.push('withdraw');
  }
  if (status === 'handover_planned' && !standing.signed[side]) actions.push('sign_handover');
  if (LIVE.includes(status) && !standing.consentWithdrawn) actions.push('schedule_meeting', 'record_meeting');
  return standing.partnerTrusted ? actions : actions.filter((action) => action === 'open_case');
}
