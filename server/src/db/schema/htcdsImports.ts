import type { HtcdsColumnMapping, HtcdsFormat, HtcdsIssue, HtcdsLayout, ImportJobState } from '@seamless/contracts';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies } from './agencies.js';
import { cases } from './cases.js';

/**
 * An HTCDS import: the background job and its report in one row. The uploaded file waits,
 * encrypted, in the import store until the job has finished with it. A worker holds a job while
 * `locked_until` lies ahead; a job whose worker died is taken up again once it has passed.
 */
export const htcdsImports = pgTable(
  'htcds_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    dryRun: boolean('dry_run').notNull(),
    /** The dry run whose file this import writes. */
    checkedByImportId: uuid('checked_by_import_id'),
    fileNameEnc: text('file_name_enc').notNull(),
    fileBytes: integer('file_bytes').notNull(),
    fileSha256: text('file_sha256').notNull(),
    /** The language the report's messages are worded in. */
    locale: text('locale').notNull().default('en'),
    state: text('state').$type<ImportJobState>().notNull().default('queued'),
    format: text('format').$type<HtcdsFormat>(),
    layout: text('layout').$type<HtcdsLayout>(),
    rows: integer('rows').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    matchedExisting: integer('matched_existing').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    bytesRead: integer('bytes_read').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errors: jsonb('errors').$type<HtcdsIssue[]>().notNull().default([]),
    warnings: jsonb('warnings').$type<HtcdsIssue[]>().notNull().default([]),
    columns: jsonb('columns').$type<HtcdsColumnMapping[]>().notNull().default([]),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('htcds_imports_agency_idx').on(t.agencyId, t.createdAt), index('htcds_imports_state_idx').on(t.state)],
);

/**
 * One row per imported spreadsheet row: its content key makes a second import of the same row a
 * no-op, and lets an interrupted import resume where it stopped.
 */
export const htcdsImportRows = pgTable(
  'htcds_import_rows',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    contentKey: text('content_key').notNull(),
    importId: uuid('import_id')
      .notNull()
      .references(() => htcdsImports.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    matchedExistingPerson: boolean('matched_existing_person').notNull().default(false),
    /** The spreadsheet row it came from, so the importer can check the record against her file. */
    rowNumber: integer('row_number'),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.contentKey] }), index('htcds_import_rows_import_idx').on(t.importId)],
);

/**
 * The columns of an imported row that no record of ours holds, as the file wrote them: an
 * encrypted JSON object of field name → value per case, read like the person's identity.
 */
export const caseHtcdsValues = pgTable('case_htcds_values', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id')
    .notNull()
    .unique()
    .references(() => cases.id),
  valuesEnc: text('values_enc').notNull(),
  importId: uuid('import_id').references(() => htcdsImports.id),
  recordedByAgencyId: uuid('recorded_by_agency_id')
    .notNull()
    .references(() => agencies.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});
