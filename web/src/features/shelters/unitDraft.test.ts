import { type ShelterUnit, shelterUnitInputSchema, shelterUnitUpdateSchema } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { validate } from '../../lib/validation';
import { type UnitDraft, unitDraftBody, unitDraftOf, unitUpdateBody } from './unitDraft';

const draft = (more: Partial<UnitDraft> = {}): UnitDraft => ({
  name: ' Room 4 ',
  kind: 'room',
  sex: 'female',
  ageGroup: 'adult',
  beds: 4,
  specialNeeds: false,
  active: true,
  ...more,
});

const paths = (value: UnitDraft) => {
  const checked = validate(shelterUnitInputSchema, unitDraftBody(value));
  return checked.ok ? [] : checked.errors.map((error) => error.path);
};

describe('unitDraftBody', () => {
  it('sends a trimmed name and the bed count', () => {
    expect(unitDraftBody(draft())).toEqual({
      name: 'Room 4',
      kind: 'room',
      sex: 'female',
      ageGroup: 'adult',
      beds: 4,
      specialNeeds: false,
    });
    expect(paths(draft())).toEqual([]);
  });

  it('names the field the manager must fix', () => {
    expect(paths(draft({ beds: '' }))).toEqual(['beds']);
    expect(paths(draft({ beds: 0 }))).toEqual(['beds']);
    expect(paths(draft({ name: '  ' }))).toEqual(['name']);
    expect(paths(draft({ kind: 'family_unit', ageGroup: 'adult' }))).toEqual(['ageGroup']);
  });
});

describe('editing a unit', () => {
  const unit: ShelterUnit = {
    id: '5d0f4a57-0000-4000-8000-000000000001',
    name: 'Room 4',
    kind: 'room',
    sex: 'female',
    ageGroup: 'adult',
    beds: 4,
    specialNeeds: false,
    active: true,
    version: 3,
    occupied: 2,
    free: 2,
    occupiedBy: [{ sex: 'female', ageGroup: 'adult', count: 2 }],
  };

  it('starts from the unit and sends every field with the version she read', () => {
    const body = unitUpdateBody({ ...unitDraftOf(unit), beds: 6, active: false }, unit.version);
    expect(body).toEqual({
      name: 'Room 4',
      kind: 'room',
      sex: 'female',
      ageGroup: 'adult',
      beds: 6,
      specialNeeds: false,
      active: false,
      version: 3,
    });
    expect(validate(shelterUnitUpdateSchema, body).ok).toBe(true);
  });
});
