import type { ResidentAgeGroup, ShelterFacility, ShelterKind, ShelterSex } from '@seamless/contracts';

export interface FacilityDraft {
  name: string;
  kind: ShelterKind;
  province: string;
  district: string;
  address: string;
  phone: string;
  servesSexes: ShelterSex[];
  servesAgeGroups: ResidentAgeGroup[];
  servesFamilies: boolean;
  specialNeedsCapacity: number | string;
  stayLimitDays: number | string;
  active: boolean;
}

/** A blank form for a new shelter, or the facility as its manager reads it (with its confidential address). */
export function facilityDraft(facility: ShelterFacility | null): FacilityDraft {
  return {
    name: facility?.name ?? '',
    kind: facility?.kind ?? 'ngo_shelter',
    province: facility?.province ?? '',
    district: facility?.district ?? '',
    address: facility?.confidential?.address ?? '',
    phone: facility?.confidential?.phone ?? '',
    servesSexes: facility?.servesSexes ?? ['female'],
    servesAgeGroups: facility?.servesAgeGroups ?? ['adult'],
    servesFamilies: facility?.servesFamilies ?? false,
    specialNeedsCapacity: facility?.specialNeedsCapacity ?? 0,
    stayLimitDays: facility?.stayLimitDays ?? '',
    active: facility?.active ?? true,
  };
}

const blank = (value: string) => (value.trim() ? value.trim() : null);
const count = (value: number | string) => (typeof value === 'number' ? value : undefined);

/** The body sent; empty optional text is null, an empty number is left out so the schema names its field. */
export function facilityDraftBody(draft: FacilityDraft) {
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    province: draft.province.trim(),
    district: blank(draft.district),
    address: blank(draft.address),
    phone: blank(draft.phone),
    servesSexes: draft.servesSexes,
    servesAgeGroups: draft.servesAgeGroups,
    servesFamilies: draft.servesFamilies,
    specialNeedsCapacity: count(draft.specialNeedsCapacity) ?? 0,
    stayLimitDays: draft.stayLimitDays === '' ? null : count(draft.stayLimitDays),
    active: draft.active,
  };
}
