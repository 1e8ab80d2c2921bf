import type { ShelterUnit, UnitAgeGroup, UnitKind, UnitSex } from '@seamless/contracts';

export interface UnitDraft {
  name: string;
  kind: UnitKind;
  sex: UnitSex;
  ageGroup: UnitAgeGroup;
  /** As the number field holds it: empty until she types. */
  beds: number | string;
  specialNeeds: boolean;
  /** Whether the unit takes people; only an existing unit can be closed. */
  active: boolean;
}

export const NEW_UNIT: UnitDraft = {
  name: '',
  kind: 'room',
  sex: 'female',
  ageGroup: 'adult',
  beds: '',
  specialNeeds: false,
  active: true,
};

export const unitDraftOf = ({ name, kind, sex, ageGroup, beds, specialNeeds, active }: ShelterUnit): UnitDraft => ({
  name,
  kind,
  sex,
  ageGroup,
  beds,
  specialNeeds,
  active,
});

/** The body the form sends; an empty or non-numeric bed count is left out so the schema names `beds`. */
export function unitDraftBody(draft: UnitDraft) {
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    sex: draft.sex,
    ageGroup: draft.ageGroup,
    beds: typeof draft.beds === 'number' ? draft.beds : undefined,
    specialNeeds: draft.specialNeeds,
  };
}

/** An edited unit: every field, whether it takes people, and the version she read. */
export const unitUpdateBody = (draft: UnitDraft, version: number) => ({ ...unitDraftBody(draft), active: draft.active, version });
