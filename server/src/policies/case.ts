import { type CaseSection, sectionPermission } from '@seamless/contracts';
import { type Actor, has } from './actor.js';

export type CaseAction = 'list' | 'read' | 'create' | 'update';

/** How the actor's agency is involved in a case; null when it is not involved at all. */
export type CaseInvolvement = { owner: boolean; sections: readonly CaseSection[] } | null;

/**
 * Need to know (DESIGN.md §4): the role must allow the action and the agency must be involved.
 * Row-level security enforces the agency part again in the database.
 */
export function canCase(actor: Actor, action: CaseAction, involvement?: CaseInvolvement): boolean {
  switch (action) {
    case 'list':
      return has(actor, 'case:read');
    case 'create':
      return has(actor, 'case:create');
    case 'read':
      return has(actor, 'case:read') && !!involvement;
    case 'update':
      return has(actor, 'case:update') && !!involvement?.owner;
  }
}

/** A section is open when the role grants it and the agency owns the case or was given that section. */
export function canReadSection(actor: Actor, section: CaseSection, involvement: CaseInvolvement): boolean {
  if (!involvement || !has(actor, sectionPermission(section))) return false;
  return involvement.owner || involvement.sections.includes(section);
}
