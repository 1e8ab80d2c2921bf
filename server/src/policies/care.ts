import { CARE_PART_SECTIONS, type CarePartSection, type ServiceArea, sectionOfServiceArea } from '@seamless/contracts';
import { type Actor, has } from './actor.js';
import { type CaseInvolvement, canReadSection } from './case.js';

export type CareAction = 'read' | 'write';

/** The parts of a case's care work the actor reads and records, by section. */
export type CareReach = { read: readonly CarePartSection[]; write: readonly CarePartSection[] };

/**
 * The care plan, services and assessments are the case's `care` section, except what belongs to
 * a specialist discipline: a psychosocial, medical or legal goal, service or assessment domain is
 * that section's (DESIGN.md §4), so `care` alone does not open it and the specialist section alone
 * opens just that. Each needs the role's section and the agency's (owner, a share or referral
 * including it, or the actor's own emergency access, which reads but never writes). Recording
 * takes working on the case with that section and `case:update`. Row-level security repeats the
 * agency part for the care section as a whole (app_holds_care / app_writes_care).
 */
export function careReach(actor: Actor, involvement: CaseInvolvement): CareReach {
  const read = CARE_PART_SECTIONS.filter((section) => canReadSection(actor, section, involvement));
  const works = !!involvement && involvement.kind !== 'break_glass' && has(actor, 'case:update');
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
