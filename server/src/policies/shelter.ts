import { type Actor, has } from './actor.js';
import { type CaseInvolvement, canReadSection } from './case.js';

export type ShelterAction = 'list' | 'create';
export type FacilityAction = 'manage' | 'seeResidents' | 'readConfidential' | 'seeOccupancy';
export type PlacementAction = 'read' | 'place' | 'override';

/**
 * Where there is room is no secret among those who refer people: every role that reads cases
 * sees facilities and, per group they take, whether there is room. Adding a facility is a shelter manager's, for her own agency.
 */
export function canShelters(actor: Actor, action: ShelterAction): boolean {
  if (action === 'list') return has(actor, 'case:read') || has(actor, 'shelter:manage');
  return has(actor, 'shelter:manage');
}

/**
 * Who lives in a shelter, and where it is, stay with the agency that runs it: its managers edit
 * it, its staff with the shelter section see residents, address and phone (row-level security
 * repeats the agency part on placements and on the facility's contacts).
 */
export function canFacility(actor: Actor, action: FacilityAction, facility: { agencyId: string }): boolean {
  // Beds counted narrow a person down (beds − free beds = one boy in a named dormitory; DESIGN.md
  // §4, small cells): the running agency and those who place people, choosing a unit by them, see
  // units and counts; others see only whether each group has room, banded.
  if (action === 'seeOccupancy') return facility.agencyId === actor.agencyId || has(actor, 'shelter:place');
  if (facility.agencyId !== actor.agencyId) return false;
  switch (action) {
    case 'manage':
      return has(actor, 'shelter:manage');
    case 'seeResidents':
      return has(actor, 'section:shelter');
    case 'readConfidential':
      return has(actor, 'section:shelter') || has(actor, 'shelter:manage');
  }
}

/**
 * A placement is part of the case's `shelter` section. Placing takes `shelter:place` and an agency
 * that owns the case or was given the section (emergency access only reads); overriding a rule
 * takes `shelter:manage` as well.
 */
export function canPlacement(actor: Actor, action: PlacementAction, involvement: CaseInvolvement): boolean {
  if (!canReadSection(actor, 'shelter', involvement)) return false;
  if (action === 'read') return true;
  const places =
    involvement?.kind !== 'break_glass' &&
    (involvement?.kind === 'owner' || !!involvement?.sections.includes('shelter')) &&
    has(actor, 'shelter:place');
  return action === 'place' ? places : places && has(actor, 'shelter:manage');
}
