import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import fastifyMultipart from '@fastify/multipart';
import { HTCDS_IMPORT_MAX_BYTES, type HtcdsImportReport } from '@seamless/contracts';
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import type { KeyRing } from '../../crypto/keyRing.js';
import { asActor } from '../../db/actorContext.js';
import { placeOf } from '../../db/cipherPlace.js';
import type { Db } from '../../db/client.js';
import { htcdsImports } from '../../db/schema/index.js';
import { sha256Of } from '../../files/attachmentStore.js';
import { ImportFiles } from '../../htcds/import/importFiles.js';
import { findImportRecords } from '../../htcds/import/importRecords.js';
import { detectSheetFormat } from '../../htcds/sheet/detectFormat.js';
import { SheetError } from '../../htcds/sheet/sheetError.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/problem.js';
import { uploadProblem } from '../../http/upload.js';
import { ImportRunner } from '../../jobs/importRunner.js';
import { dbActorOf } from '../../policies/actor.js';
import { canImportHtcds, canReviewImportRecords } from '../../policies/htcdsExchange.js';
import { importConfirmSchema, importCreateSchema, importListSchema, importReadSchema, importRecordsSchema } from './schema.js';

type ImportRow = typeof htcdsImports.$inferSelect;
const FINISHED = new Set(['done', 'failed']);
const MULTIPART_LIMITS = { fileSize: HTCDS_IMPORT_MAX_BYTES, files: 1, fields: 0, parts: 1 };
const RECENT_IMPORTS = 20;

export function presentImport(row: ImportRow, keyRing: KeyRing, actor: { userId: string }): HtcdsImportReport {
  return {
    jobId: row.id,
    state: row.state,
    dryRun: row.dryRun,
    fileName: keyRing.decrypt(row.fileNameEnc, placeOf(htcdsImports.fileNameEnc, row.id)) ?? '',
    format: row.format,
    layout: row.layout,
    rows: row.rows,
    imported: row.imported,
    matchedExisting: row.matchedExisting,
    skipped: row.skipped,
    processed: row.processed,
    bytesRead: row.bytesRead,
    bytesTotal: row.fileBytes,
    errorCount: row.errorCount,
    errors: row.errors,
    warnings: row.warnings,
    columns: row.columns,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    mine: row.userId === actor.userId,
  };
}

/** Reads the one file of the form (field `file`, at most HTCDS_IMPORT_MAX_BYTES). */
async function readImportFile(request: FastifyRequest): Promise<{ fileName: string; bytes: Buffer }> {
  let file: { fileName: string; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field' || part.fieldname !== 'file')
        throw fieldError(400, 'validation_failed', part.fieldname, 'Send the file in the field "file".');
      file = { fileName: part.filename, bytes: await part.toBuffer() };
    }
  } catch (error) {
    throw uploadProblem(error, HTCDS_IMPORT_MAX_BYTES);
  }
  if (!file) throw fieldError(400, 'validation_failed', 'file', 'Attach a CSV or XLSX file.');
  return file;
}

/**
 * HTCDS imports (DESIGN.md §8). An upload becomes a job: `Prefer: respond-async` answers 202 at
 * once with the job to follow; without it the request waits for the job's report. A dry run's
 * file can then be imported as checked (`POST /api/imports/{id}/import`) without a new upload.
 */
export function importRoutes(app: FastifyInstance, { database, keyRing, config, jobs }: RouteDeps) {
  const { db } = database;
  const files = new ImportFiles(path.join(config.dataDir, 'imports'), keyRing);
  const runner = new ImportRunner({
    db,
    keyRing,
    files,
    instanceCountry: config.instanceCountry,
    limits: { maxRows: config.importMaxRows, maxInflatedBytes: config.importMaxInflatedBytes },
    leaseSeconds: config.importLeaseSeconds,
    checkedFileHours: config.importCheckedFileHours,
    log: app.log,
    queue: jobs,
  });
  app.addHook('onReady', async () => runner.start());
  app.addHook('onClose', async () => runner.stop());

  const answer = async (request: FastifyRequest, reply: FastifyReply, job: ImportRow) => {
    await runner.wake(job.id);
    if (/respond-async/i.test(String(request.headers.prefer ?? ''))) {
      return reply
        .status(202)
        .header('location', `/api/imports/${job.id}`)
        .send(presentImport(job, keyRing, actorOf(request)));
    }
    return reply.status(200).send(await waitForReport(db, request, job.id, keyRing));
  };

  /**
   * Records the job whose file `files` already holds: a worker may take a job the moment it is
   * committed, so the file must be there first. A refused job leaves no file behind.
   */
  const queueImport = async (
    request: FastifyRequest,
    id: string,
    job: Pick<ImportRow, 'dryRun' | 'fileNameEnc' | 'fileBytes' | 'fileSha256' | 'format'> & Partial<Pick<ImportRow, 'checkedByImportId'>>,
  ) => {
    const actor = actorOf(request);
    try {
      return await asActor(db, dbActorOf(actor), async (tx) => {
        const [created] = await tx
          .insert(htcdsImports)
          .values({ id, agencyId: actor.agencyId, userId: actor.userId, locale: actor.locale, ...job })
          .returning();
        await recordAudit(tx, auditContextOf(request), {
          action: 'import.created',
          resourceType: 'htcds_import',
          resourceId: id,
          details: { dryRun: job.dryRun, bytes: job.fileBytes, format: job.format, checkedBy: job.checkedByImportId ?? null },
        });
        return created!;
      });
    } catch (error) {
      await files.remove(id);
      throw error;
    }
  };

  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: MULTIPART_LIMITS, throwFileSizeLimit: true });
    const api = scope.withTypeProvider<ZodTypeProvider>();

    api.post('/api/imports/htcds', { schema: importCreateSchema }, async (request, reply) => {
      const actor = actorOf(request);
      if (!canImportHtcds(actor)) throw forbidden();
      const upload = await readImportFile(request);
      let format: 'csv' | 'xlsx' | null = null;
      try {
        format = detectSheetFormat(upload.bytes);
      } catch (error) {
        // Unreadable files still become a (failed) job, so the report names the problem like any other.
        if (!(error instanceof SheetError)) throw error;
      }
      const dryRun = request.query.dryRun === 'true';
      const id = randomUUID();
      await files.put(id, upload.bytes);
      const job = await queueImport(request, id, {
        dryRun,
        fileNameEnc: keyRing.encrypt(upload.fileName.slice(0, 255), placeOf(htcdsImports.fileNameEnc, id)),
        fileBytes: upload.bytes.length,
        fileSha256: sha256Of(upload.bytes),
        format,
      });
      return answer(request, reply, job);
    });
  });

  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/imports/:id/import', { schema: importConfirmSchema }, async (request, reply) => {
    const actor = actorOf(request);
    if (!canImportHtcds(actor)) throw forbidden();
    const checked = await asActor(db, dbActorOf(actor), async (tx) => {
      const [row] = await tx.select().from(htcdsImports).where(eq(htcdsImports.id, request.params.id));
      if (!row) throw notFound();
      if (!row.dryRun || row.state !== 'done') throw new AppError(409, 'conflict', 'Only a finished dry run can be imported.');
      if (row.errorCount) throw new AppError(409, 'conflict', 'The dry run found errors: correct the file and check it again.');
      return row;
    });
    const id = randomUUID();
    if (!(await files.copy(checked.id, id))) {
      throw new AppError(409, 'conflict', 'The checked file is no longer kept: upload it again.');
    }
    const job = await queueImport(request, id, {
      dryRun: false,
      checkedByImportId: checked.id,
      // The name's ciphertext is bound to the checked job's row: the new job gets its own.
      fileNameEnc: keyRing.encrypt(
        keyRing.decrypt(checked.fileNameEnc, placeOf(htcdsImports.fileNameEnc, checked.id)),
        placeOf(htcdsImports.fileNameEnc, id),
      ),
      fileBytes: checked.fileBytes,
      fileSha256: checked.fileSha256,
      format: checked.format,
    });
    return answer(request, reply, job);
  });

  api.get('/api/imports/:id', { schema: importReadSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canImportHtcds(actor)) throw forbidden();
    const [job] = await asActor(db, dbActorOf(actor), (tx) => tx.select().from(htcdsImports).where(eq(htcdsImports.id, request.params.id)));
    if (!job) throw notFound();
    return presentImport(job, keyRing, actor);
  });

  api.get('/api/imports/:id/records', { schema: importRecordsSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canImportHtcds(actor)) throw forbidden();
    return asActor(db, dbActorOf(actor), async (tx) => {
      const [job] = await tx.select().from(htcdsImports).where(eq(htcdsImports.id, request.params.id));
      if (!job) throw notFound();
      if (!canReviewImportRecords(actor, job)) throw forbidden();
      const { items, total } = await findImportRecords(tx, keyRing, job.id, request.query);
      await recordAudit(tx, auditContextOf(request), {
        action: 'import.records_read',
        resourceType: 'htcds_import',
        resourceId: job.id,
        details: { caseIds: items.map((item) => item.caseId), searched: !!request.query.q },
      });
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    });
  });

  api.get('/api/imports', { schema: importListSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canImportHtcds(actor)) throw forbidden();
    const jobs = await asActor(db, dbActorOf(actor), (tx) =>
      tx.select().from(htcdsImports).orderBy(desc(htcdsImports.createdAt)).limit(RECENT_IMPORTS),
    );
    return { items: jobs.map((job) => presentImport(job, keyRing, actor)) };
  });
}

/** Polls the job until it has finished: the synchronous form of the API, for scripts. */
async function waitForReport(db: Db, request: FastifyRequest, importId: string, keyRing: KeyRing): Promise<HtcdsImportReport> {
  const actor = actorOf(request);
  for (;;) {
    const [job] = await asActor(db, dbActorOf(actor), (tx) => tx.select().from(htcdsImports).where(eq(htcdsImports.id, importId)));
    if (!job) throw notFound();
    if (FINISHED.has(job.state)) return presentImport(job, keyRing, actor);
    await sleep(100);
  }
}
