import type { AgencyFunction, OrganisationType } from '@seamless/contracts';
import { type AnyPgColumn, boolean, char, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps, version } from './common.js';

export const countries = pgTable('countries', {
  code: char('code', { length: 2 }).primaryKey(),
  isInstanceCountry: boolean('is_instance_country').notNull().default(false),
});

/** A tenant: HTCDS Organisation (`org_`) plus its place in the counter-trafficking system. */
export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countryCode: char('country_code', { length: 2 })
      .notNull()
      .references(() => countries.code),
    parentId: uuid('parent_id').references((): AnyPgColumn => agencies.id),
    name: text('name').notNull(),
    localName: text('local_name'),
    acronym: text('acronym'),
    organisationType: text('organisation_type').$type<OrganisationType>().notNull(),
    agencyFunction: text('agency_function').$type<AgencyFunction>().notNull(),
    city: text('city'),
    province: text('province'),
    phone: text('phone'),
    email: text('email'),
    active: boolean('active').notNull().default(true),
    ...version,
    ...timestamps,
  },
  (t) => [index('agencies_parent_idx').on(t.parentId), index('agencies_country_idx').on(t.countryCode)],
);
