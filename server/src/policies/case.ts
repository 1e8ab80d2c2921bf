import { CASE_SECTIONS, type CaseAbilities, type CaseInvolvementKind, type CaseSection, sectionPermission } from '@seamless/contracts';
import { type Actor, has } from './actor.js';

export type CaseAction =
  | 'list'
  | 'create'
  | 'read'
  | 'update'
  | 'identify'
  | 'recordConsent'
  | 'share'
  | 'comment'
  | 'addTask'
  | 'breakGlass'
  | 'merge';

/**
 * How the actor's agency reaches a case: owner, referral or sharing (with the sections granted),
 * or the actor's own emergency access. Null when there is no way in at all.
 */
export type CaseInvolvement = {
  kind: CaseInvolvementKind;
  /** Sections granted to a referred or sharing agency; the owner's reach is its roles'. */
  sections: readonly CaseSection[];
  /** The actor's break-the-glass access is active until then (opens every section). */
  breakGlassUntil: Date | null;
} | null;

const works = (involvement: CaseInvolvement) => !!involvement && involvement.kind !== 'break_glass';
const owns = (involvement: CaseInvolvement) => involvement?.kind === 'owner';

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
    // Identification changes the case's status, which only its owner agency records (the MDT's
    // or inquiry officer's decision is entered by the owner, naming the deciding organisation).
    case 'update':
    case 'identify':
    case 'recordConsent':
    case 'share':
    case 'merge':
      return has(actor, 'case:update') && owns(involvement ?? null);
    case 'comment':
      return has(actor, 'case:read') && works(involvement ?? null);
    // A task is case work for the agency's worklist: a role that only reads the case (a
    // specialist, a hotline operator) may note on it but does not plan work on it.
    case 'addTask':
      return has(actor, 'case:read') && has(actor, 'case:update') && works(involvement ?? null);
    case 'breakGlass':
      return has(actor, 'case:break_glass');
  }
}

/**
 * A section is open when the role grants it and the agency owns the case or was given that
 * section — or when the actor's break-the-glass access is running, which opens what her role
 * could hold on a case of her own and nothing more.
 */
export function canReadSection(actor: Actor, section: CaseSection, involvement: CaseInvolvement): boolean {
  if (!involvement || !has(actor, sectionPermission(section))) return false;
  if (involvement.breakGlassUntil && involvement.breakGlassUntil > new Date()) return true;
  return involvement.kind === 'owner' || involvement.sections.includes(section);
}

/**
 * The agency reaches the case beyond its pseudonym: it owns it, holds at least one section, or
 * the actor's emergency access runs. Free text may carry a name, so without this it stays unread.
 */
export function holdsCaseSection(involvement: CaseInvolvement): boolean {
  if (!involvement) return false;
  if (involvement.breakGlassUntil && involvement.breakGlassUntil > new Date()) return true;
  return involvement.kind === 'owner' || involvement.sections.length > 0;
}

export const readableSections = (actor: Actor, involvement: CaseInvolvement): CaseSection[] =>
  CASE_SECTIONS.filter((section) => canReadSection(actor, section, involvement));

/**
 * Emergency access is worth offering only when it would open a section her role holds and she
 * cannot read now: never to the case's own worker, nor while a grant runs.
 */
function breakGlassWouldOpen(actor: Actor, involvement: CaseInvolvement): boolean {
  const roleSections = CASE_SECTIONS.filter((section) => has(actor, sectionPermission(section)));
  return roleSections.length > readableSections(actor, involvement).length;
}

/** What the UI may offer on this case; the server checks each action again when it is taken. */
export function caseAbilities(actor: Actor, involvement: CaseInvolvement): CaseAbilities {
  return {
    update: canCase(actor, 'update', involvement),
    readIdentity: canReadSection(actor, 'identity', involvement),
    sections: readableSections(actor, involvement),
    identify: canCase(actor, 'identify', involvement),
    recordConsent: canCase(actor, 'recordConsent', involvement),
    share: canCase(actor, 'share', involvement),
    comment: canCase(actor, 'comment', involvement),
    breakGlass: canCase(actor, 'breakGlass', involvement) && breakGlassWouldOpen(actor, involvement),
    merge: canCase(actor, 'merge', involvement),
  };
}
