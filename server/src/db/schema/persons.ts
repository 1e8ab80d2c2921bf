import type { Gender } from '@seamless/contracts';
import { boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies } from './agencies.js';
import { timestamps, version } from './common.js';

/**
 * HTCDS Person (`prs_`). Identity columns (`*_enc`) hold AES-256-GCM ciphertext from the key
 * ring; `*_bidx` are HMAC blind indexes for exact lookups without decrypting. Names live in
 * `person_names` (several scripts, aliases), documents and contacts in their own tables.
 */
export const persons = pgTable('persons', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Romanised given and family name: the primary name the product shows. */
  givenNameEnc: text('given_name_enc'),
  familyNameEnc: text('family_name_enc'),
  /** The name as the person writes it, in any script. */
  nameAsWrittenEnc: text('name_as_written_enc'),
  birthDateEnc: text('birth_date_enc'),
  /** Exact or estimated; kept in clear for matching and statistics (age bands). */
  birthYear: smallint('birth_year'),
  birthYearEstimated: boolean('birth_year_estimated').notNull().default(false),
  gender: text('gender').$type<Gender>().notNull(),
  citizenship: text('citizenship').array().notNull().default([]),
  languages: text('languages').array().notNull().default([]),
  ethnicMinority: boolean('ethnic_minority'),
  ethnicity: text('ethnicity'),
  /** Exact address of home or family: identity data, encrypted. */
  addressEnc: text('address_enc'),
  photoAttachmentId: uuid('photo_attachment_id'),
  /** Shown instead of the name in pseudonym mode and to roles without the identity section. */
  pseudonym: text('pseudonym').notNull(),
  createdByAgencyId: uuid('created_by_agency_id')
    .notNull()
    .references(() => agencies.id),
  /** Set when an admin merged this record into another; merged records leave lists and matching. */
  mergedIntoId: uuid('merged_into_id'),
  ...version,
  ...timestamps,
});

/**
 * Every name a person is known by. `search_key`/`phonetic_key` are the normalised-name index of
 * DESIGN.md §4 (romanised, sorted tokens), readable only through row-level security.
 */
export const personNames = pgTable(
  'person_names',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    kind: text('kind').$type<'primary' | 'written' | 'alias'>().notNull(),
    nameEnc: text('name_enc').notNull(),
    searchKey: text('search_key').notNull(),
    phoneticKey: text('phonetic_key').notNull(),
    /** Neighbouring syllables as sound codes (syllableKeysOf), for finding a name heard in another script; GIN-indexed. */
    syllableKeys: text('syllable_keys').array().notNull().default([]),
    /** The version of nameKeys.ts that made the keys (NAME_KEYS_VERSION); older rows are re-keyed at start. */
    keysVersion: smallint('keys_version').notNull().default(4),
    /** The agency that recorded this row: others' rows are never wiped, and an intake agency keeps reading its own. */
    recordedByAgencyId: uuid('recorded_by_agency_id').references(() => agencies.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    index('person_names_person_idx').on(t.personId),
    // Exact key lookups (an import's quick "anyone of this name?" before the full matcher).
    index('person_names_search_key_idx').on(t.searchKey),
  ],
);

export const personDocuments = pgTable(
  'person_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    documentType: text('document_type').notNull(),
    numberEnc: text('number_enc').notNull(),
    numberBidx: text('number_bidx').notNull(),
    issuingCountry: text('issuing_country'),
    expiresOn: date('expires_on'),
    /** The agency that recorded this row: others' rows are never wiped, and an intake agency keeps reading its own. */
    recordedByAgencyId: uuid('recorded_by_agency_id').references(() => agencies.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('person_documents_person_idx').on(t.personId), index('person_documents_bidx').on(t.numberBidx)],
);

export const personContacts = pgTable(
  'person_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    kind: text('kind').notNull(),
    valueEnc: text('value_enc').notNull(),
    valueBidx: text('value_bidx'),
    /** The agency that recorded this row: others' rows are never wiped, and an intake agency keeps reading its own. */
    recordedByAgencyId: uuid('recorded_by_agency_id').references(() => agencies.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('person_contacts_person_idx').on(t.personId), index('person_contacts_bidx').on(t.valueBidx)],
);

/** An admin's merge of two records of the same person; `moved` lists what changed hands so it can be undone. */
export const personMerges = pgTable('person_merges', {
  id: uuid('id').primaryKey().defaultRandom(),
  survivorId: uuid('survivor_id')
    .notNull()
    .references(() => persons.id),
  mergedId: uuid('merged_id')
    .notNull()
    .references(() => persons.id),
  moved: jsonb('moved').$type<{ caseIds: string[]; nameIds: string[]; documentIds: string[]; contactIds: string[] }>().notNull(),
  mergedBy: uuid('merged_by')
    .notNull()
    .references(() => users.id),
  mergedAt: timestamp('merged_at', { withTimezone: true }).notNull().defaultNow(),
  undoneBy: uuid('undone_by').references(() => users.id),
  undoneAt: timestamp('undone_at', { withTimezone: true }),
});

/**
 * Every write of a person's identity columns, with the agency that made it: edits are versioned,
 * and the agency that took the intake reads its own last version after handing the case over.
 */
export const personIdentityVersions = pgTable('person_identity_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  personId: uuid('person_id')
    .notNull()
    .references(() => persons.id),
  version: integer('version').notNull(),
  givenNameEnc: text('given_name_enc'),
  familyNameEnc: text('family_name_enc'),
  nameAsWrittenEnc: text('name_as_written_enc'),
  birthDateEnc: text('birth_date_enc'),
  addressEnc: text('address_enc'),
  ethnicity: text('ethnicity'),
  recordedByAgencyId: uuid('recorded_by_agency_id')
    .notNull()
    .references(() => agencies.id),
  recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});

export type PersonMergeRequestKind = 'merge' | 'possible_duplicate';
export type PersonMergeRequestStatus = 'pending' | 'merged' | 'declined';

/**
 * A merge the asking agency may not make alone, or a possible duplicate raised when a new case
 * could not be linked to a person its agency cannot see: the agencies owning the cases decide.
 */
export const personMergeRequests = pgTable('person_merge_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<PersonMergeRequestKind>().notNull(),
  survivorId: uuid('survivor_id')
    .notNull()
    .references(() => persons.id),
  mergedId: uuid('merged_id')
    .notNull()
    .references(() => persons.id),
  requestedBy: uuid('requested_by')
    .notNull()
    .references(() => users.id),
  requestingAgencyId: uuid('requesting_agency_id')
    .notNull()
    .references(() => agencies.id),
  status: text('status').$type<PersonMergeRequestStatus>().notNull().default('pending'),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedByAgencyId: uuid('decided_by_agency_id').references(() => agencies.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  mergeId: uuid('merge_id').references(() => personMerges.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
