import { CARE_PART_SECTIONS, type CarePartSection, type ServiceArea, sectionOfServiceArea } from '@seamless/contracts';
import { type Actor, has } from './actor.js';
import { type CaseInvolvement, canReadSection } from './case.js';

export type CareAction = 'read' | 'write';

/** The parts of a case's care work the actor reads and records, by section. */
export type CareReach = { read: readonly CarePartSection[]; write: readonly CarePartSection[] };

/**
 * The agency holds the care work of the case: it owns the case, was given `care` by a share or
 * referral, or the actor's emergency access runs. Row-level security requires the same of every
 * care row (app_holds_care; app_writes_care without emergency access).
 */
const agencyHoldsCare = (involvement: NonNullable<CaseInvolvement>) =>
  (!!involvement.breakGlassUntil && involvement.breakGlassUntil > new Date()) ||
  involvement.kind === 'owner' ||
  involvement.sections.includes('care');

/**
 * The care plan, services and assessments are the case's `care` section, except what belongs to
 * a specialist discipline: a psychosocial, medical or legal goal, service or assessment domain is
 * that section's (DESIGN.md §4), so `care` alone does not open it, and a specialist role without
 * `care` reads just her section's parts. Within the care work her agency holds, each part needs
 * its section in her role and for her agency. Recording also takes `case:update`.
 */
export function careReach(actor: Actor, involvement: CaseInvolvement): CareReach {
  if (!involvement || !agencyHoldsCare(involvement)) return { read: [], write: [] };
  const read = CARE_PART_SECTIONS.filter((section) => canReadSection(actor, section, involvement));
  // Writing takes the agency's own hold on the care work, never emergency access (app_writes_care).
  const works =
    (involvement.kind === 'owner' || (involvement.kind !== 'break_glass' && involvement.sections.includes('care'))) &&
    has(actor, 'case:update');
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
