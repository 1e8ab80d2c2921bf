import { jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies } from './agencies.js';
import { timestamps, version } from './common.js';

/**
 * A country's (or one agency's) configured form: extra fields and sections beyond the HTCDS
 * core columns, editable by an admin without a code change. `definition` follows
 * `formDefinitionSchema` in the contracts package.
 */
export const formConfigurations = pgTable(
  'form_configurations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countryCode: text('country_code').notNull(),
    /** Empty for the country-wide form; an agency's own form overrides it. */
    agencyId: uuid('agency_id').references(() => agencies.id),
    form: text('form').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    ...version,
    ...timestamps,
  },
  (t) => [unique('form_configurations_scope_key').on(t.countryCode, t.agencyId, t.form).nullsNotDistinct()],
);

/**
 * A picklist as data (provinces, ethnic groups, …): the list's own labels and its values with
 * labels in every language, edited by an admin as one versioned whole.
 */
export const lookupLists = pgTable(
  'lookup_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countryCode: text('country_code').notNull(),
    listKey: text('list_key').notNull(),
    labels: jsonb('labels').$type<Record<string, string>>().notNull(),
    values: jsonb('values').$type<{ value: string; labels: Record<string, string>; active: boolean; sort: number }[]>().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    ...version,
    ...timestamps,
  },
  (t) => [unique('lookup_lists_key').on(t.countryCode, t.listKey)],
);
