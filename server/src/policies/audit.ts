import { type Actor, has } from './actor.js';

export type AuditPolicyAction = 'read' | 'verify';

/**
 * Agency admins read their own agency's trail and what other agencies did with its cases
 * (row-level security narrows it); verification spans the whole chain.
 */
export function canAudit(actor: Actor, action: AuditPolicyAction): boolean {
  return action === 'read' ? has(actor, 'admin:audit') : has(actor, 'admin:audit:all_agencies');
}
