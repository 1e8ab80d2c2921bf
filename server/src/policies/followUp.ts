import { type Actor, has } from './actor.js';
import { type CaseInvolvement, canCase, canReadSection } from './case.js';

export type FollowUpAction = 'read' | 'record' | 'closeCase';

/**
 * Follow-up is part of the case's `care` section: the role needs `section:care` and the agency
 * the section (owner, a share or referral including it, or the actor's own emergency access,
 * which reads but never writes). Closing the case with it is the owner agency's case update.
 * Row-level security repeats the agency part on follow_ups and follow_up_visits.
 */
export function canFollowUp(actor: Actor, action: FollowUpAction, involvement: CaseInvolvement): boolean {
  if (!canReadSection(actor, 'care', involvement)) return false;
  if (action === 'read') return true;
  const works =
    involvement?.kind !== 'break_glass' &&
    (involvement?.kind === 'owner' || !!involvement?.sections.includes('care')) &&
    has(actor, 'case:update');
  return action === 'record' ? works : works && canCase(actor, 'update', involvement);
}

/** Policies are configuration: edited with the forms administration permission, read by those who plan visits. */
export const canManageFollowUpPolicies = (actor: Actor) => has(actor, 'admin:forms');
export const canReadFollowUpPolicies = (actor: Actor) => has(actor, 'admin:forms') || has(actor, 'section:care');
