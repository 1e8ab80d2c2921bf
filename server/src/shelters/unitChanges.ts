import type { FieldError, ShelterUnit, ShelterUnitUpdate } from '@seamless/contracts';

/** The field-error code of a change the people living in the unit forbid; the form words it. */
export const UNIT_OCCUPIED = 'unit_occupied';

const WHOM_IT_TAKES = ['kind', 'sex', 'ageGroup'] as const;

/**
 * A unit with people in it keeps whom it takes and enough beds for them, and stays open: she
 * moves them first (a transfer), so nobody is left placed against the rules or in a closed room.
 */
export function unitChangeErrors(
  unit: Pick<ShelterUnit, 'kind' | 'sex' | 'ageGroup'>,
  occupied: number,
  next: ShelterUnitUpdate,
): FieldError[] {
  if (occupied === 0) return [];
  const staying = `${occupied} ${occupied === 1 ? 'person lives' : 'people live'} in this unit`;
  const errors: FieldError[] = WHOM_IT_TAKES.filter((field) => next[field] !== unit[field]).map((path) => ({
    path,
    code: UNIT_OCCUPIED,
    message: `${staying}: move them before changing whom it takes.`,
  }));
  if (next.beds < occupied) errors.push({ path: 'beds', code: UNIT_OCCUPIED, message: `${staying}: it needs at least that many beds.` });
  if (!next.active) errors.push({ path: 'active', code: UNIT_OCCUPIED, message: `${staying}: move them before closing it.` });
  return errors;
}
