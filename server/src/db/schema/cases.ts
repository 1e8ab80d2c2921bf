import { index, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CaseSection, CaseStatus, Gender, TraffickingStatus } from '@seamless/contracts';
import { users } from './accounts.js';
import { agencies } from './agencies.js';
import { timestamps, version } from './common.js';

/**
 * HTCDS Person (`prs_`). Identity columns (`*_enc`) hold AES-256-GCM ciphertext from the key
 * ring; `*_bidx` are HMAC blind indexes for exact lookups without decrypting.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    givenNameEnc: text('given_name_enc'),
    familyNameEnc: text('family_name_enc'),
    nameAsWrittenEnc: text('name_as_written_enc'),
    birthDateEnc: text('birth_date_enc'),
    documentNumberEnc: text('document_number_enc'),
    documentNumberBidx: text('document_number_bidx'),
    phoneEnc: text('phone_enc'),
    phoneBidx: text('phone_bidx'),
    gender: text('gender').$type<Gender>().notNull(),
    birthYear: smallint('birth_year'),
    citizenship: text('citizenship').array().notNull().default([]),
    /** Shown instead of the name in pseudonym mode and to roles without the identity section. */
    pseudonym: text('pseudonym').notNull(),
    createdByAgencyId: uuid('created_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    ...version,
    ...timestamps,
  },
  (t) => [index('persons_document_bidx').on(t.documentNumberBidx), index('persons_phone_bidx').on(t.phoneBidx)],
);

/** HTCDS Case (`cas_`). The owner agency is the tenant; others reach it through `case_access`. */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    ownerAgencyId: uuid('owner_agency_id')
      .notNull()
      .references(() => agencies.id),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    status: text('status').$type<CaseStatus>().notNull().default('Active'),
    traffickingStatus: text('trafficking_status').$type<TraffickingStatus>().notNull().default('Potential'),
    ageAtIntake: smallint('age_at_intake'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ...version,
    ...timestamps,
  },
  (t) => [
    index('cases_owner_agency_idx').on(t.ownerAgencyId, t.updatedAt),
    index('cases_person_idx').on(t.personId),
  ],
);

/** Another agency's involvement in a case (referral or consent-based sharing), by section. */
export const caseAccess = pgTable(
  'case_access',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    kind: text('kind').$type<'referral' | 'shared'>().notNull(),
    sections: text('sections').array().$type<CaseSection[]>().notNull().default([]),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    grantedBy: uuid('granted_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.agencyId] }), index('case_access_agency_idx').on(t.agencyId)],
);
