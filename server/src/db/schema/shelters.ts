import type {
  DischargeDestination,
  PlacementRule,
  ResidentAgeGroup,
  ResidentSex,
  ShelterKind,
  ShelterSex,
  UnitAgeGroup,
  UnitKind,
  UnitSex,
} from '@seamless/contracts';
import { boolean, char, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies, countries } from './agencies.js';
import { cases, caseTasks } from './cases.js';
import { timestamps, version } from './common.js';

/** A shelter an agency runs (migration 0011). Name, type and province are known to every user. */
export const shelterFacilities = pgTable(
  'shelter_facilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    countryCode: char('country_code', { length: 2 })
      .notNull()
      .references(() => countries.code),
    name: text('name').notNull(),
    kind: text('kind').$type<ShelterKind>().notNull(),
    province: text('province').notNull(),
    district: text('district'),
    servesSexes: text('serves_sexes').array().$type<ShelterSex[]>().notNull(),
    servesAgeGroups: text('serves_age_groups').array().$type<ResidentAgeGroup[]>().notNull(),
    servesFamilies: boolean('serves_families').notNull().default(false),
    specialNeedsCapacity: integer('special_needs_capacity').notNull().default(0),
    stayLimitDays: integer('stay_limit_days'),
    active: boolean('active').notNull().default(true),
    ...version,
    ...timestamps,
  },
  (t) => [index('shelter_facilities_agency_idx').on(t.agencyId), index('shelter_facilities_country_idx').on(t.countryCode, t.province)],
);

/** Address and phone of a shelter: encrypted, readable by the owning agency only (row-level security). */
export const shelterFacilityContacts = pgTable('shelter_facility_contacts', {
  /** The facility's id: one row per facility. */
  id: uuid('id')
    .primaryKey()
    .references(() => shelterFacilities.id),
  addressEnc: text('address_enc'),
  phoneEnc: text('phone_enc'),
  updatedAt: timestamps.updatedAt,
});

/** A room or dormitory and its beds. */
export const shelterUnits = pgTable(
  'shelter_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => shelterFacilities.id),
    name: text('name').notNull(),
    kind: text('kind').$type<UnitKind>().notNull(),
    sex: text('sex').$type<UnitSex>().notNull(),
    ageGroup: text('age_group').$type<UnitAgeGroup>().notNull(),
    beds: integer('beds').notNull(),
    specialNeeds: boolean('special_needs').notNull().default(false),
    active: boolean('active').notNull().default(true),
    ...version,
    ...timestamps,
  },
  (t) => [index('shelter_units_facility_idx').on(t.facilityId)],
);

/** One stay of one person in one unit; a transfer ends it and opens the next. */
export const shelterPlacements = pgTable('shelter_placements', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id')
    .notNull()
    .references(() => cases.id),
  facilityId: uuid('facility_id')
    .notNull()
    .references(() => shelterFacilities.id),
  unitId: uuid('unit_id')
    .notNull()
    .references(() => shelterUnits.id),
  agencyId: uuid('agency_id')
    .notNull()
    .references(() => agencies.id),
  bed: text('bed'),
  residentSex: text('resident_sex').$type<ResidentSex>().notNull(),
  residentAgeGroup: text('resident_age_group').$type<ResidentAgeGroup>().notNull(),
  specialNeeds: boolean('special_needs').notNull().default(false),
  admittedOn: date('admitted_on').notNull(),
  stayStartedOn: date('stay_started_on').notNull(),
  stayLimitOn: date('stay_limit_on').notNull(),
  reflectionStartsOn: date('reflection_starts_on'),
  reflectionEndsOn: date('reflection_ends_on'),
  expectedLeaveOn: date('expected_leave_on'),
  endedOn: date('ended_on'),
  endKind: text('end_kind').$type<'transfer' | 'discharge'>(),
  dischargeDestination: text('discharge_destination').$type<DischargeDestination>(),
  dischargeNoteEnc: text('discharge_note_enc'),
  previousPlacementId: uuid('previous_placement_id'),
  overrideRules: text('override_rules').array().$type<PlacementRule[]>().notNull().default([]),
  overrideReasonEnc: text('override_reason_enc'),
  stayLimitTaskId: uuid('stay_limit_task_id').references(() => caseTasks.id),
  recordedBy: uuid('recorded_by')
    .notNull()
    .references(() => users.id),
  recordedByAgencyId: uuid('recorded_by_agency_id')
    .notNull()
    .references(() => agencies.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  ...version,
  updatedAt: timestamps.updatedAt,
});
