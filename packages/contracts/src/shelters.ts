import { z } from 'zod';
import { isoDate, plainText } from './plausibility.js';

/** What a facility is (DESIGN.md §2 step 4): government centres, NGO shelters, transit and children's homes. */
export const SHELTER_KINDS = ['government_protection_centre', 'ngo_shelter', 'transit_shelter', 'children_home'] as const;
export type ShelterKind = (typeof SHELTER_KINDS)[number];

export const SHELTER_SEXES = ['female', 'male'] as const;
export type ShelterSex = (typeof SHELTER_SEXES)[number];

/** Children are under 18 on the day of admission. */
export const RESIDENT_AGE_GROUPS = ['child', 'adult'] as const;
export type ResidentAgeGroup = (typeof RESIDENT_AGE_GROUPS)[number];
/** Her sex as units are divided; `other` goes only to a unit for any sex. */
export const RESIDENT_SEXES = ['female', 'male', 'other'] as const;
export type ResidentSex = (typeof RESIDENT_SEXES)[number];

export const UNIT_KINDS = ['room', 'dormitory', 'family_unit'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_SEXES = ['female', 'male', 'any'] as const;
export type UnitSex = (typeof UNIT_SEXES)[number];
/** A family unit keeps a child with her parent; other units are for children or for adults. */
export const UNIT_AGE_GROUPS = ['child', 'adult', 'family'] as const;
export type UnitAgeGroup = (typeof UNIT_AGE_GROUPS)[number];

export const DISCHARGE_DESTINATIONS = [
  'home_community',
  'another_shelter',
  'repatriation',
  'independent_living',
  'absconded',
  'other',
] as const;
export type DischargeDestination = (typeof DISCHARGE_DESTINATIONS)[number];

/** The rules a placement must meet; a refusal names the ones it breaks (problem `placement_rule`). */
export const PLACEMENT_RULES = [
  'facility_inactive',
  'facility_serves',
  'adults_and_children_apart',
  'unit_sex',
  'special_needs',
  'unit_full',
  'already_placed',
] as const;
export type PlacementRule = (typeof PLACEMENT_RULES)[number];
/** Rules a shelter manager may override with a reason; a second placement of one case never. */
export const OVERRIDABLE_PLACEMENT_RULES: readonly PlacementRule[] = PLACEMENT_RULES.filter((rule) => rule !== 'already_placed');

/** Days before the stay limit that the board and the notices warn. */
export const STAY_LIMIT_WARNING_DAYS = 7;

export const shelterFacilityInputSchema = z
  .object({
    name: plainText(200, { min: 2 }),
    kind: z.enum(SHELTER_KINDS),
    province: plainText(100, { min: 2 }),
    district: plainText(100).nullable().optional(),
    address: plainText(500).nullable().optional(),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[+\d][\d\s\-()]*$/, 'Digits, spaces and + ( ) - only.')
      .nullable()
      .optional(),
    servesSexes: z.array(z.enum(SHELTER_SEXES)).min(1).max(2),
    servesAgeGroups: z.array(z.enum(RESIDENT_AGE_GROUPS)).min(1).max(2),
    servesFamilies: z.boolean().default(false),
    specialNeedsCapacity: z.number().int().min(0).max(1000).default(0),
    stayLimitDays: z.number().int().min(1).max(730).nullable().optional(),
    active: z.boolean().default(true),
  })
  .strict();
export type ShelterFacilityInput = z.infer<typeof shelterFacilityInputSchema>;
export const shelterFacilityUpdateSchema = shelterFacilityInputSchema
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
export type ShelterFacilityUpdate = z.infer<typeof shelterFacilityUpdateSchema>;

const shelterUnitFields = z.object({
  name: plainText(100, { min: 1 }),
  kind: z.enum(UNIT_KINDS),
  sex: z.enum(UNIT_SEXES),
  ageGroup: z.enum(UNIT_AGE_GROUPS),
  beds: z.number().int().min(1).max(500),
  specialNeeds: z.boolean().default(false),
});
const familyUnitForFamilies = {
  check: (unit: { kind: UnitKind; ageGroup: UnitAgeGroup }) => (unit.kind === 'family_unit') === (unit.ageGroup === 'family'),
  message: 'A family unit is for families, and only a family unit is.',
  path: ['ageGroup'],
};

export const shelterUnitInputSchema = shelterUnitFields
  .strict()
  .refine(familyUnitForFamilies.check, { message: familyUnitForFamilies.message, path: familyUnitForFamilies.path });
export type ShelterUnitInput = z.infer<typeof shelterUnitInputSchema>;

/**
 * A unit as its manager saves it from the form: every field, the version she read, and whether it
 * takes people (`active`). A unit is never deleted: placements name it.
 */
export const shelterUnitUpdateSchema = shelterUnitFields
  .extend({ active: z.boolean(), version: z.number().int().min(1) })
  .strict()
  .refine(familyUnitForFamilies.check, { message: familyUnitForFamilies.message, path: familyUnitForFamilies.path });
export type ShelterUnitUpdate = z.infer<typeof shelterUnitUpdateSchema>;

const groupCountSchema = z.object({ sex: z.enum(RESIDENT_SEXES), ageGroup: z.enum(RESIDENT_AGE_GROUPS), count: z.number().int() });

export const shelterUnitSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  sex: z.enum(UNIT_SEXES),
  ageGroup: z.enum(UNIT_AGE_GROUPS),
  beds: z.number().int(),
  specialNeeds: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
  /**
   * Beds taken, and by whom by sex and age group. Units go only to the staff of the agency that
   * runs the shelter and to those who place people (one boy in a named dormitory narrows him down).
   */
  occupied: z.number().int(),
  free: z.number().int(),
  occupiedBy: z.array(groupCountSchema),
});
export type ShelterUnit = z.infer<typeof shelterUnitSchema>;

/**
 * Room for a group, banded: none, 1–4 or 5 and more free beds. With no bed counted beside it, a
 * band tells an outsider where to refer someone without how many people live there.
 */
export const FREE_BED_BANDS = ['none', 'few', 'many'] as const;
export type FreeBedBand = (typeof FREE_BED_BANDS)[number];
export const freeBedBandOf = (free: number): FreeBedBand => (free <= 0 ? 'none' : free < 5 ? 'few' : 'many');

/** Free beds by the group a unit takes (female children, male adults, families…); `free` null where counts are (see shelterFacilitySchema). */
export const freeBedsSchema = z.object({
  sex: z.enum(UNIT_SEXES),
  ageGroup: z.enum(UNIT_AGE_GROUPS),
  free: z.number().int().nullable(),
  room: z.enum(FREE_BED_BANDS),
});
export type FreeBeds = z.infer<typeof freeBedsSchema>;

export const shelterFacilitySchema = z.object({
  id: z.string().uuid(),
  agencyId: z.string().uuid(),
  agencyName: z.string(),
  countryCode: z.string(),
  name: z.string(),
  kind: z.enum(SHELTER_KINDS),
  province: z.string(),
  district: z.string().nullable(),
  servesSexes: z.array(z.enum(SHELTER_SEXES)),
  servesAgeGroups: z.array(z.enum(RESIDENT_AGE_GROUPS)),
  servesFamilies: z.boolean(),
  specialNeedsCapacity: z.number().int(),
  stayLimitDays: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  /**
   * Beds and free beds counted: only for the agency that runs the shelter and those who place
   * people. Beds minus free beds is how many live there, so everyone else gets neither, no units,
   * and only the banded room per group in `freeByGroup`.
   */
  beds: z.number().int().nullable(),
  /** Null where the units' occupancy is (see shelterUnitSchema). */
  occupied: z.number().int().nullable(),
  free: z.number().int().nullable(),
  freeByGroup: z.array(freeBedsSchema),
  /** Stays reaching their limit within a week or past it; null where the units' occupancy is. */
  stayLimitAlerts: z.number().int().nullable(),
  /** Empty where beds are not counted. */
  units: z.array(shelterUnitSchema),
  /** Address and phone: only for the owning agency's shelter staff, null for everyone else. */
  confidential: z.object({ address: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  abilities: z.object({ manage: z.boolean(), seeResidents: z.boolean() }),
});
export type ShelterFacility = z.infer<typeof shelterFacilitySchema>;

export const shelterTotalsSchema = z.object({
  countryCode: z.string(),
  facilities: z.number().int(),
  /** Null unless the reader counts beds in every shelter of the country. */
  beds: z.number().int().nullable(),
  free: z.number().int().nullable(),
});
export type ShelterTotals = z.infer<typeof shelterTotalsSchema>;

export const shelterListSchema = z.object({
  today: z.string(),
  items: z.array(shelterFacilitySchema),
  totals: z.array(shelterTotalsSchema),
  abilities: z.object({ create: z.boolean(), residents: z.boolean() }),
});
export type ShelterList = z.infer<typeof shelterListSchema>;

export const shelterResidentSchema = z.object({
  placementId: z.string().uuid(),
  caseId: z.string().uuid(),
  caseReference: z.string(),
  /** The romanised name where identity is readable, the pseudonym otherwise. */
  displayName: z.string(),
  facilityId: z.string().uuid(),
  facilityName: z.string(),
  unitId: z.string().uuid(),
  unitName: z.string(),
  bed: z.string().nullable(),
  sex: z.enum(RESIDENT_SEXES),
  ageGroup: z.enum(RESIDENT_AGE_GROUPS),
  admittedOn: z.string(),
  stayLimitOn: z.string(),
  daysToStayLimit: z.number().int(),
  reflectionEndsOn: z.string().nullable(),
  daysToReflectionEnd: z.number().int().nullable(),
});
export type ShelterResident = z.infer<typeof shelterResidentSchema>;

export const shelterResidentListSchema = z.object({ today: z.string(), items: z.array(shelterResidentSchema) });
export type ShelterResidentList = z.infer<typeof shelterResidentListSchema>;

export const shelterDetailSchema = z.object({
  today: z.string(),
  facility: shelterFacilitySchema,
  /** Null when the actor may only see counts. */
  residents: z.array(shelterResidentSchema).nullable(),
});
export type ShelterDetail = z.infer<typeof shelterDetailSchema>;

export const placementSchema = z.object({
  id: z.string().uuid(),
  facilityId: z.string().uuid(),
  facilityName: z.string(),
  agencyName: z.string(),
  unitId: z.string().uuid(),
  unitName: z.string(),
  bed: z.string().nullable(),
  sex: z.enum(RESIDENT_SEXES),
  ageGroup: z.enum(RESIDENT_AGE_GROUPS),
  specialNeeds: z.boolean(),
  admittedOn: z.string(),
  stayStartedOn: z.string(),
  stayLimitOn: z.string(),
  stayDaysLeft: z.number().int().nullable(),
  reflectionStartsOn: z.string().nullable(),
  reflectionEndsOn: z.string().nullable(),
  reflectionDaysLeft: z.number().int().nullable(),
  expectedLeaveOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  endKind: z.enum(['transfer', 'discharge']).nullable(),
  dischargeDestination: z.enum(DISCHARGE_DESTINATIONS).nullable(),
  dischargeNote: z.string().nullable(),
  override: z.object({ rules: z.array(z.enum(PLACEMENT_RULES)), reason: z.string() }).nullable(),
  recordedAt: z.string(),
  version: z.number().int(),
});
export type Placement = z.infer<typeof placementSchema>;

export const caseShelterSchema = z.object({
  today: z.string(),
  current: placementSchema.nullable(),
  history: z.array(placementSchema),
  abilities: z.object({ place: z.boolean(), override: z.boolean() }),
});
export type CaseShelter = z.infer<typeof caseShelterSchema>;

const overrideSchema = z.object({ reason: plainText(1000, { min: 5 }) }).strict();

const placementTargetShape = {
  facilityId: z.string().uuid(),
  unitId: z.string().uuid(),
  bed: plainText(40).nullable().optional(),
  specialNeeds: z.boolean().default(false),
  /** For a child in a family unit: the case of her parent, already placed in that unit. */
  withParentCaseId: z.string().uuid().nullable().optional(),
  override: overrideSchema.nullable().optional(),
};

export const admissionSchema = z
  .object({
    ...placementTargetShape,
    /** Defaults to today in the case's country. */
    admittedOn: isoDate.optional(),
    reflectionStartsOn: isoDate.nullable().optional(),
    reflectionEndsOn: isoDate.nullable().optional(),
    expectedLeaveOn: isoDate.nullable().optional(),
  })
  .strict()
  .refine((input) => !input.reflectionStartsOn || !input.reflectionEndsOn || input.reflectionEndsOn >= input.reflectionStartsOn, {
    message: 'The reflection period ends after it starts.',
    path: ['reflectionEndsOn'],
  })
  .refine((input) => !input.admittedOn || !input.expectedLeaveOn || input.expectedLeaveOn >= input.admittedOn, {
    message: 'She leaves after she arrives.',
    path: ['expectedLeaveOn'],
  });
export type Admission = z.infer<typeof admissionSchema>;

export const transferSchema = z
  .object({ ...placementTargetShape, transferredOn: isoDate.optional(), version: z.number().int().min(1) })
  .strict();
export type Transfer = z.infer<typeof transferSchema>;

export const dischargeSchema = z
  .object({
    dischargedOn: isoDate.optional(),
    destination: z.enum(DISCHARGE_DESTINATIONS),
    note: plainText(2000).nullable().optional(),
    version: z.number().int().min(1),
  })
  .strict();
export type Discharge = z.infer<typeof dischargeSchema>;
