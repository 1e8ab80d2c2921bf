import { type Actor, has } from './actor.js';

export type AgencyAction = 'read' | 'create' | 'update';

/** The agency directory is visible to every signed-in user; only agency administrators change it. */
export function canAgency(actor: Actor, action: AgencyAction): boolean {
  switch (action) {
    case 'read':
      return true;
    case 'create':
    case 'update':
      return has(actor, 'admin:agencies');
  }
}
