import { PLACEMENT_RULES, type PlacementRule, type ShelterFacility, type ShelterUnit } from '@seamless/contracts';
import { ApiProblem } from '../../api/problem';

/** The rules a refused placement broke, as the server named them (problem `placement_rule`). */
export function brokenRules(error: unknown): PlacementRule[] {
  if (!(error instanceof ApiProblem) || error.code !== 'placement_rule') return [];
  return error.errors
    .map((item) => item.code)
    .filter((code): code is PlacementRule => (PLACEMENT_RULES as readonly string[]).includes(code));
}

/** Share of beds taken, 0–100, for a bed bar (an over-full unit after an override shows full). */
export const takenPercent = (occupied: number, beds: number) => (beds <= 0 ? 0 : Math.min(100, Math.round((occupied / beds) * 100)));

/** Colour of a bed bar: room to spare, nearly full, full. */
export function bedBarColor(occupied: number, beds: number): 'teal' | 'orange' | 'red' {
  const free = beds - occupied;
  if (free <= 0) return 'red';
  return free / beds <= 0.15 || free === 1 ? 'orange' : 'teal';
}

/** How close a countdown is: past, within the warning week, or later. */
export function countdownTone(daysLeft: number | null): 'red' | 'orange' | 'gray' {
  if (daysLeft === null) return 'gray';
  if (daysLeft < 0) return 'red';
  return daysLeft <= 7 ? 'orange' : 'gray';
}

/** The catalogue key of a unit's group, e.g. `female_child` (girls) or `any_family` (families). */
export const groupKey = (group: { sex: string; ageGroup: string }) => `${group.sex}_${group.ageGroup}`;

/** Units she could be placed in, with free beds first; inactive facilities and units left out. */
export function placeableUnits(facility: ShelterFacility | undefined): ShelterUnit[] {
  if (!facility?.active) return [];
  return facility.units.filter((unit) => unit.active).sort((a, b) => b.free - a.free || a.name.localeCompare(b.name));
}
