import { shelterUnitInputSchema } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { validate } from '../../lib/validation';
import { type UnitDraft, unitDraftBody } from './unitDraft';

const draft = (more: Partial<UnitDraft> = {}): UnitDraft => ({
  name: ' Room 4 ',
  kind: 'room',
  sex: 'female',
  ageGroup: 'adult',
  beds: 4,
  specialNeeds: false,
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
