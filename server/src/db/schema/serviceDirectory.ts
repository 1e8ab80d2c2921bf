import type { DirectoryOrganisationType, DirectoryTargetSex, ServiceArea } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import { boolean, char, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies } from './agencies.js';
import { timestamps, version } from './common.js';

/**
 * Organisations of the service directory. `agencyId` is set when the organisation is a tenant
 * of this instance, which is what lets a referral reach it inside the system.
 * `searchText` is the normalised text free-text search reads (db/directorySearch.ts).
 */
export const directoryOrganisations = pgTable(
  'directory_organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    name: text('name').notNull(),
    localName: text('local_name'),
    organisationType: text('organisation_type').$type<DirectoryOrganisationType>().notNull(),
    countryCode: char('country_code', { length: 2 }).notNull(),
    province: text('province'),
    district: text('district'),
    address: text('address'),
    website: text('website'),
    hours: text('hours'),
    languages: text('languages').array().notNull().default([]),
    notes: text('notes'),
    active: boolean('active').notNull().default(true),
    searchText: text('search_text').notNull().default(''),
    ...version,
    ...timestamps,
  },
  // A tenant agency appears once: a referral to it resolves to one organisation.
  (t) => [uniqueIndex('directory_organisations_agency_idx').on(t.agencyId).where(sql`agency_id IS NOT NULL`)],
);

/** What an organisation offers, in one of the ten service areas, for whom and where. */
export const directoryServices = pgTable(
  'directory_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => directoryOrganisations.id),
    serviceArea: text('service_area').$type<ServiceArea>().notNull(),
    description: text('description').notNull(),
    localDescription: text('local_description'),
    coverageProvinces: text('coverage_provinces').array().notNull().default([]),
    coverageDistricts: text('coverage_districts').array().notNull().default([]),
    targetSexes: text('target_sexes').array().$type<DirectoryTargetSex[]>().notNull().default([]),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    nationalities: text('nationalities').array().notNull().default([]),
    languages: text('languages').array().notNull().default([]),
    hours: text('hours'),
    capacityNote: text('capacity_note'),
    costNote: text('cost_note'),
    active: boolean('active').notNull().default(true),
    searchText: text('search_text').notNull().default(''),
    ...version,
    ...timestamps,
  },
  (t) => [index('directory_services_organisation_idx').on(t.organisationId)],
);

/** Whom to call at an organisation; `lastVerifiedOn` says when someone last checked it still works. */
export const directoryContacts = pgTable(
  'directory_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => directoryOrganisations.id),
    name: text('name').notNull(),
    position: text('position'),
    phone: text('phone'),
    email: text('email'),
    lineId: text('line_id'),
    whatsapp: text('whatsapp'),
    wechat: text('wechat'),
    viber: text('viber'),
    telegram: text('telegram'),
    languages: text('languages').array().notNull().default([]),
    lastVerifiedOn: date('last_verified_on'),
    verifiedBy: uuid('verified_by').references(() => users.id),
    searchText: text('search_text').notNull().default(''),
    ...version,
    ...timestamps,
  },
  (t) => [index('directory_contacts_organisation_idx').on(t.organisationId)],
);
