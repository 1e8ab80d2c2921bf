import type { UnitAgeGroup, UnitKind, UnitSex } from '@seamless/contracts';

export interface UnitDraft {
  name: string;
  kind: UnitKind;
  sex: UnitSex;
  ageGroup: UnitAgeGroup;
  /** As the number field holds it: empty until she types. */
  beds: number | string;
  specialNeeds: boolean;
}

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
