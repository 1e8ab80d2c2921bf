import type { RecordSection } from '@seamless/contracts';
import { type Actor, has } from './actor.js';
import { type CaseInvolvement, canReadSection, holdsCaseSection } from './case.js';

export type MeetingAction = 'list' | 'convene' | 'manage' | 'addItem' | 'writeItem' | 'updateAction' | 'downloadMinutes';

/** What the policy needs to know of a meeting and the actor's place in it. */
export type MeetingStanding = {
  conveningAgencyId: string;
  /** The actor's agency convenes or was invited. */
  member: boolean;
};

/** Working on a case (not only reading it in an emergency) is what lets an agency speak about it. */
const worksOn = (involvement: CaseInvolvement) => !!involvement && involvement.kind !== 'break_glass';

/**
 * Putting a case on an agenda, and writing what is said about it, shows it to every attendee:
 * only its owner or an agency a share opened a section to may do so, never one that sees a pseudonym.
 */
const speaksFor = (involvement: CaseInvolvement) =>
  involvement?.kind === 'owner' ||
  ((involvement?.kind === 'shared' || involvement?.kind === 'referral') && involvement.sections.length > 0);

/**
 * Case management meetings: convening and running one takes `meeting:manage`; everyone invited
 * reads the meeting, but what is said about a case follows access to that case (need to know).
 * Row-level security applies the agency part again in the database.
 */
export function canMeeting(actor: Actor, action: MeetingAction, meeting?: MeetingStanding, involvement: CaseInvolvement = null): boolean {
  switch (action) {
    case 'list':
    case 'downloadMinutes':
      return has(actor, 'case:read') && (action === 'list' || !!meeting?.member);
    case 'convene':
      return has(actor, 'meeting:manage');
    case 'manage':
      return has(actor, 'meeting:manage') && meeting?.conveningAgencyId === actor.agencyId;
    case 'addItem':
      return has(actor, 'meeting:manage') && !!meeting?.member;
    case 'writeItem':
      return has(actor, 'meeting:manage') && !!meeting?.member && speaksFor(involvement);
    // Owning an action is not enough: closing work one cannot read is not knowing it was done.
    case 'updateAction':
      return has(actor, 'case:read') && !!meeting?.member && worksOn(involvement);
  }
}

/**
 * What is said about a case on an agenda item (purpose, notes, decisions, action texts) belongs to
 * the section the item concerns: the reader's role and agency must hold it; `general` takes any section.
 */
export const readsItemText = (actor: Actor, section: RecordSection, involvement: CaseInvolvement) =>
  section === 'general' ? holdsCaseSection(involvement) : canReadSection(actor, section, involvement);
