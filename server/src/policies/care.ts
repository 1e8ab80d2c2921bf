import { CARE_PART_SECTIONS, type CarePartSection, type ServiceArea, sectionOfServiceArea } from '@seamless/contracts';
import { type Actor, has } from './actor.js';
import { type CaseInvolvement, canReadSection } from './case.js';

export type CareAction = 'read' | 'write';

/** The parts of a case's care work the actor reads and records, by section. */
export type CareReach = { read: readonly CarePartSection[]; write: readonly CarePartSection[] };

/**
 * The care plan, services and assessments are the case's `care` section, except what belongs to
 * a specialist discipline: a psychosocial, medical or legal goal, service or assessment domain is
 * that section's (DESIGN.md §4). Each part needs its section in the actor's role and for her
 * agency (owner, given it by a share or referral, or her emergency access): `care` alone does not
 * open a specialist part, and a specialist section opens its parts without `care`, so a shelter
 * given psychosocial lets its psychologist work on the psychosocial parts. Row-level security
 * opens the rows the same way (app_holds_care, app_holds_specialist_part). Recording also takes
 * `case:update` and the section held by the agency itself, never through emergency access.
 */
export function careReach(actor: Actor, involvement: CaseInvolvement): CareReach {
  if (!involvement) return { read: [], write: [] };
  const read = CARE_PART_SECTIONS.filter((section) => canReadSection(actor, section, involvement));
  const works = involvement.kind !== 'break_glass' && has(actor, 'case:update');
  const write = works ? read.filter((section) => involvement.kind === 'owner' || involvement.sections.includes(section)) : [];
  return { read, write };
}

/** Whether any part of the care work is open to the action at all. */
export const canCare = (actor: Actor, action: CareAction, involvement: CaseInvolvement): boolean =>
  careReach(actor, involvement)[action].length > 0;

export const readsArea = (reach: CareReach, area: string) => reach.read.includes(sectionOfServiceArea(area as ServiceArea));
export const recordsArea = (reach: CareReach, area: string) => reach.write.includes(sectionOfServiceArea(area as ServiceArea));

/** Instruments are configuration, edited with the forms administration permission. */
export const canManageInstruments = (actor: Actor) => has(actor, 'admin:forms');
