import { setImmediate as nextTurn } from 'node:timers/promises';
import { CASE_SECTIONS } from '@seamless/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { importCases } from '../../commands/importCases.js';
import type { KeyRing } from '../../crypto/keyRing.js';
import { asActor, type DbActor } from '../../db/actorContext.js';
import type { Db, Tx } from '../../db/client.js';
import { htcdsImportRows, htcdsImports } from '../../db/schema/index.js';
import { localToday } from '../../followUp/schedule.js';
import { assertCaseFormAnswers } from '../../forms/formConfiguration.js';
import { AppError } from '../../http/problem.js';
import type { ImportedCase } from '../importedCase.js';
import type { SheetLimits } from '../sheet/cells.js';
import { createValueResolver } from '../values/index.js';
import type { ColumnPlan } from './columnMapping.js';
import { FileProblem, readFileRows } from './fileRows.js';
import type { ImportFiles } from './importFiles.js';
import { type FileIssue, IssueLog, issueWithMessage as withMessage } from './importIssues.js';
import { type KnownPerson, KnownPersonFinder } from './knownPerson.js';

export type ImportJob = typeof htcdsImports.$inferSelect;

/** A row of the file that passed every check: its number, the case it describes and its content key. */
type CheckedRow = { row: number; importedCase: ImportedCase; key: string };

export type RunImportContext = {
  db: Db;
  keyRing: KeyRing;
  files: ImportFiles;
  /** The instance's country: the default of case country and phone numbering. */
  instanceCountry: string;
  /** Who asked for the import, as the audit trail names her. */
  username: string;
  /** DEFAULT_SHEET_LIMITS when absent. */
  limits?: SheetLimits;
  /** Rows written per transaction; WRITE_BATCH when absent. */
  writeBatch?: number;
  /** Called between batches: extends the job's lease, and answers false when the worker is stopping. */
  keepGoing(): Promise<boolean>;
  now?: () => Date;
};

/** Rows written per transaction: each batch commits whole or not at all, with the job's progress. */
export const WRITE_BATCH = 500;
/** Rows checked against the database per transaction in a dry run. */
const CHECK_BATCH = 200;
/** How often the validation pass saves its progress. */
const PROGRESS_EVERY = 1000;
/**
 * Reading rows and (on PGlite) querying resolve as microtasks: without a turn of the event loop
 * now and then, the server would answer no request until the import is over.
 */
const YIELD_EVERY = 50;

type Pass = {
  rows: number;
  imported: number;
  matchedExisting: number;
  skipped: number;
  errors: IssueLog;
  warnings: IssueLog;
  plan: ColumnPlan | null;
  bytesRead: number;
  /** The file as a whole could not be read: the job failed, dry run or not. */
  unreadable: boolean;
};

/**
 * Runs one import job to its end, or until the worker stops (a later worker resumes it: rows
 * already written are known by their content keys). First every row is read and checked — a
 * single error anywhere and nothing is written. A dry run then checks the rows against what the
 * agency already holds; a real run writes them in batches.
 */
export async function runImport(context: RunImportContext, job: ImportJob): Promise<void> {
  const actor: DbActor = { userId: job.userId, agencyId: job.agencyId, scopes: [] };
  const now = context.now ?? (() => new Date());
  const bytes = await context.files.get(job.id);
  if (!bytes) {
    await finish(context.db, actor, job, 'failed', emptyPass(), [{ row: null, column: null, code: 'empty_file', params: {} }]);
    return;
  }
  await saveProgress(context.db, actor, job.id, { state: 'validating' });
  const validation = await validate(context, actor, job, bytes, localToday(context.instanceCountry, now()));
  if (validation === 'stopped') return;
  if (validation.errors.count || job.dryRun) {
    const failed = validation.unreadable || (validation.errors.count > 0 && !job.dryRun);
    await finish(context.db, actor, job, failed ? 'failed' : 'done', validation);
    if (!job.dryRun) await context.files.remove(job.id);
    return;
  }
  await saveProgress(context.db, actor, job.id, { state: 'importing', rows: validation.rows, processed: 0 });
  const written = await write(context, actor, job, bytes, validation, now);
  if (written === 'stopped') return;
  await finish(context.db, actor, job, 'done', written);
  await context.files.remove(job.id);
}

const emptyPass = (): Pass => ({
  rows: 0,
  imported: 0,
  matchedExisting: 0,
  skipped: 0,
  errors: new IssueLog(),
  warnings: new IssueLog(),
  plan: null,
  bytesRead: 0,
  unreadable: false,
});

/** Reads every row, keeps every problem; a dry run also checks its rows against the database. */
async function validate(
  context: RunImportContext,
  actor: DbActor,
  job: ImportJob,
  bytes: Buffer,
  today: string,
): Promise<Pass | 'stopped'> {
  const pass = emptyPass();
  const firstRowOf = new Map<string, number>();
  const unchecked: CheckedRow[] = [];
  const formCountry = context.instanceCountry;
  const noticed = new Set<string>();
  const rows = readFileRows(bytes, {
    resolver: createValueResolver(),
    today,
    limits: context.limits,
    onPlan: (plan) => {
      pass.plan = plan;
      for (const warning of plan.warnings) pass.warnings.add(warning);
    },
    // A formula or macro notice matters once per column, not once per cell.
    onWarning: (issue) => {
      const key = `${issue.code}:${issue.params.position ?? ''}`;
      if (noticed.has(key)) return;
      noticed.add(key);
      pass.warnings.add(issue);
    },
    onProgress: (bytesRead) => {
      pass.bytesRead = bytesRead;
    },
  });
  try {
    for await (const row of rows) {
      pass.rows++;
      if (pass.rows % YIELD_EVERY === 0) await nextTurn();
      if ('issues' in row) {
        for (const issue of row.issues) pass.errors.add({ row: row.row, ...issue });
      } else {
        const first = firstRowOf.get(row.key);
        if (first !== undefined) {
          pass.skipped++;
          pass.warnings.add({ row: row.row, column: null, code: 'duplicate_row', params: { row: first } });
        } else {
          firstRowOf.set(row.key, row.row);
          unchecked.push(row);
        }
      }
      if (unchecked.length >= CHECK_BATCH) await checkRows(context, actor, job, unchecked.splice(0), pass, formCountry);
      if (pass.rows % PROGRESS_EVERY === 0) {
        await saveProgress(context.db, actor, job.id, { rows: pass.rows, bytesRead: pass.bytesRead, errorCount: pass.errors.count });
        if (!(await context.keepGoing())) return 'stopped';
      }
    }
    await checkRows(context, actor, job, unchecked, pass, formCountry);
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    pass.unreadable = true;
    for (const issue of error.issues) pass.errors.add(issue);
  }
  pass.bytesRead = bytes.length;
  return pass;
}

/**
 * Checks against the database: the country's form answers (an error), and — in a dry run — which
 * rows were imported before and which name a person already known (what the import would do).
 */
async function checkRows(context: RunImportContext, actor: DbActor, job: ImportJob, rows: CheckedRow[], pass: Pass, formCountry: string) {
  const withAnswers = rows.filter((row) => Object.keys(row.importedCase.kase.formAnswers).length);
  if (!rows.length || (!job.dryRun && !withAnswers.length)) return;
  await asActor(context.db, actor, async (tx) => {
    for (const { row, importedCase } of withAnswers) {
      try {
        const country = importedCase.kase.countryCode ?? formCountry;
        await assertCaseFormAnswers(
          tx,
          { countryCode: country, agencyId: actor.agencyId },
          importedCase.kase.formAnswers,
          {},
          CASE_SECTIONS,
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        pass.errors.add({ row, column: 'sls_FormAnswers', code: 'invalid_json', params: { path: error.errors?.[0]?.path ?? '' } });
      }
    }
    if (!job.dryRun) return;
    const known = await importedKeys(
      tx,
      actor,
      rows.map((row) => row.key),
    );
    const knownPersons = new KnownPersonFinder(context.keyRing, context.instanceCountry);
    await knownPersons.prepare(
      tx,
      rows.map((row) => row.importedCase),
    );
    for (const { row, importedCase, key } of rows) {
      if (known.has(key)) {
        pass.skipped++;
        pass.warnings.add({ row, column: null, code: 'already_imported', params: {} });
        continue;
      }
      pass.imported++;
      const person = await knownPersons.find(tx, importedCase);
      if (person) {
        pass.matchedExisting++;
        pass.warnings.add({ row, column: null, code: 'matched_existing_person', params: { pseudonym: person.pseudonym } });
      }
    }
  });
}

async function importedKeys(tx: Tx, actor: DbActor, keys: string[]) {
  if (!keys.length) return new Map<string, { importId: string; matchedExistingPerson: boolean }>();
  const rows = await tx
    .select({
      key: htcdsImportRows.contentKey,
      importId: htcdsImportRows.importId,
      matchedExistingPerson: htcdsImportRows.matchedExistingPerson,
    })
    .from(htcdsImportRows)
    .where(and(eq(htcdsImportRows.agencyId, actor.agencyId), inArray(htcdsImportRows.contentKey, keys)));
  return new Map(rows.map((row) => [row.key, row]));
}

/** The writing pass: the rows again, in batches; each batch with its progress in one transaction. */
async function write(
  context: RunImportContext,
  actor: DbActor,
  job: ImportJob,
  bytes: Buffer,
  validation: Pass,
  now: () => Date,
): Promise<Pass | 'stopped'> {
  const pass: Pass = {
    ...emptyPass(),
    rows: validation.rows,
    warnings: validation.warnings,
    plan: validation.plan,
    bytesRead: bytes.length,
  };
  const seen = new Set<string>();
  let batch: CheckedRow[] = [];
  let processed = 0;
  const flush = async () => {
    if (!batch.length) return true;
    const rows = batch;
    batch = [];
    await asActor(context.db, actor, async (tx) => {
      const known = await importedKeys(
        tx,
        actor,
        rows.map((row) => row.key),
      );
      const caseIds: string[] = [];
      const writtenRows: (typeof htcdsImportRows.$inferInsert)[] = [];
      const knownPersons = new KnownPersonFinder(context.keyRing, context.instanceCountry);
      await knownPersons.prepare(
        tx,
        rows.map((row) => row.importedCase),
      );
      let pending: (CheckedRow & { person: KnownPerson | null })[] = [];
      const writePending = async () => {
        if (!pending.length) return;
        const decided = pending;
        pending = [];
        knownPersons.written();
        const written = await importCases({
          tx,
          keyRing: context.keyRing,
          actor,
          countryCode: context.instanceCountry,
          rows: decided.map(({ importedCase, person }) => ({ importedCase, existingPersonId: person?.personId ?? null })),
          importId: job.id,
          now: now(),
        });
        for (const [index, { row, importedCase, key, person }] of decided.entries()) {
          const { caseId, referenceTaken } = written[index]!;
          writtenRows.push({
            agencyId: actor.agencyId,
            contentKey: key,
            importId: job.id,
            caseId,
            matchedExistingPerson: !!person,
            rowNumber: row,
          });
          caseIds.push(caseId);
          pass.imported++;
          if (person) {
            pass.matchedExisting++;
            pass.warnings.add({ row, column: null, code: 'matched_existing_person', params: { pseudonym: person.pseudonym } });
          }
          if (referenceTaken)
            pass.warnings.add({
              row,
              column: 'sls_CaseReference',
              code: 'reference_taken',
              params: { reference: importedCase.kase.reference ?? '' },
            });
        }
      };
      for (const checked of rows) {
        const { row, importedCase, key } = checked;
        const before = known.get(key);
        if (before?.importId === job.id) {
          pass.imported++;
          if (before.matchedExistingPerson) pass.matchedExisting++;
          continue;
        }
        if (before) {
          pass.skipped++;
          pass.warnings.add({ row, column: null, code: 'already_imported', params: {} });
          continue;
        }
        // A row that may be an earlier row's person is matched once that row is written, as a row by row import would.
        if (knownPersons.needsUnwritten(importedCase)) await writePending();
        const person = await knownPersons.find(tx, importedCase);
        pending.push({ ...checked, person });
        knownPersons.remember(importedCase);
      }
      await writePending();
      if (writtenRows.length) await tx.insert(htcdsImportRows).values(writtenRows);
      processed += rows.length;
      await tx
        .update(htcdsImports)
        .set({ processed, imported: pass.imported, matchedExisting: pass.matchedExisting })
        .where(eq(htcdsImports.id, job.id));
      if (caseIds.length) {
        await recordAudit(
          tx,
          { actor: { userId: actor.userId, username: context.username, agencyId: actor.agencyId } },
          { action: 'case.import', resourceType: 'htcds_import', resourceId: job.id, details: { caseIds } },
        );
      }
    });
    await nextTurn();
    return context.keepGoing();
  };
  const rows = readFileRows(bytes, {
    resolver: createValueResolver(),
    today: localToday(context.instanceCountry, now()),
    limits: context.limits,
    onPlan: () => {},
    onWarning: () => {},
    onProgress: () => {},
  });
  for await (const row of rows) {
    if ('issues' in row) continue;
    if (seen.has(row.key)) {
      pass.skipped++;
      processed++;
      continue;
    }
    seen.add(row.key);
    batch.push(row);
    if (batch.length >= (context.writeBatch ?? WRITE_BATCH) && !(await flush())) return 'stopped';
  }
  if (!(await flush())) return 'stopped';
  return pass;
}

async function saveProgress(db: Db, actor: DbActor, importId: string, progress: Partial<ImportJob>) {
  await asActor(db, actor, (tx) => tx.update(htcdsImports).set(progress).where(eq(htcdsImports.id, importId)));
}

async function finish(db: Db, actor: DbActor, job: ImportJob, state: 'done' | 'failed', pass: Pass, fileIssues: FileIssue[] = []) {
  for (const issue of fileIssues) pass.errors.add(issue);
  await asActor(db, actor, (tx) =>
    tx
      .update(htcdsImports)
      .set({
        state,
        format: job.format,
        layout: pass.plan?.layout ?? null,
        rows: pass.rows,
        imported: state === 'failed' ? 0 : pass.imported,
        matchedExisting: state === 'failed' ? 0 : pass.matchedExisting,
        skipped: pass.skipped,
        processed: pass.rows,
        bytesRead: pass.bytesRead,
        errorCount: pass.errors.count,
        errors: pass.errors.kept.map(withMessage),
        warnings: pass.warnings.kept.map(withMessage),
        columns: pass.plan?.mappings ?? [],
        lockedUntil: null,
        finishedAt: sql`now()`,
      })
      .where(eq(htcdsImports.id, job.id)),
  );
}
