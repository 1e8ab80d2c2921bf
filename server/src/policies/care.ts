import { type Actor, has } from './actor.js';
import { type CaseInvolvement, canReadSection } from './case.js';

export type CareAction = 'read' | 'write';

/**
 * The care plan, services and assessments are the case's `care` section: the role needs
 * `section:care` and the agency the section (owner, a share or referral including it, or the
 * actor's own emergency access, which reads but never writes). Row-level security repeats the
 * agency part (app_holds_care / app_writes_care).
 */
export function canCare(actor: Actor, action: CareAction, involvement: CaseInvolvement): boolean {
  if (!canReadSection(actor, 'care', involvement)) return false;
  if (action === 'read') return true;
  return (
    involvement?.kind !== 'break_glass' &&
    (involvement?.kind === 'owner' || !!involvement?.sections.includes('care')) &&
    has(actor, 'case:update')
  );
}

/** Instruments are configuration, edited with the forms administration permission. */
export const canManageInstruments = (actor: Actor) => has(actor, 'admin:forms');
