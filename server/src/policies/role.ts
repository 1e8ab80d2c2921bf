import { type Actor, has } from './actor.js';

export type RoleAction = 'read' | 'create' | 'update';

export function canRole(actor: Actor, action: RoleAction): boolean {
  return action === 'read' ? true : has(actor, 'admin:roles');
}
