import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { KeyRing } from '../crypto/keyRing.js';
import { asSystem } from '../db/actorContext.js';
import { type Db, rowsOf } from '../db/client.js';
import { htcdsImports, roles, userRoles, users } from '../db/schema/index.js';
import type { ImportFiles } from '../htcds/import/importFiles.js';
import { type ImportJob, runImport } from '../htcds/import/runImport.js';
import type { SheetLimits } from '../htcds/sheet/cells.js';
import { traceOf } from '../http/errorTrace.js';
import type { JobQueue } from './queue.js';

export type ImportRunnerOptions = {
  db: Db;
  keyRing: KeyRing;
  files: ImportFiles;
  instanceCountry: string;
  /** How much of a file a job may read before it fails: rows, and bytes a workbook inflates to. */
  limits: SheetLimits;
  /** How long a worker holds a job without showing progress before another may take it over. */
  leaseSeconds: number;
  /** A checked file not imported within this many hours is deleted: it holds identities nobody needs any more. */
  checkedFileHours: number;
  log: FastifyBaseLogger;
  /** The one job queue of the application (DESIGN.md §7), on which each import runs as a job. */
  queue: JobQueue;
};

type ImportJobData = { importId: string };

const FILE_SWEEP_MS = 10 * 60 * 1000;
const UNFINISHED = sql`${htcdsImports.state} in ('queued', 'validating', 'importing')`;
const LEASE_FREE = sql`(${htcdsImports.lockedUntil} is null or ${htcdsImports.lockedUntil} < now())`;
const RUN = 'htcds-import';
const SWEEP = 'htcds-import-sweep';
/** Every minute: imports whose worker died are resumed once their lease has run out. */
const SWEEP_CRON = '* * * * *';

/**
 * The background worker of HTCDS imports, on the application's job queue (pg-boss on a server,
 * the embedded queue on PGlite): each import is a job. The import row carries a lease
 * (`locked_until`) that the worker extends after every batch; when a server stops or dies
 * mid-import, the lease runs out and the next sweep queues the import again, and whichever worker
 * takes it resumes — rows already written are recognised by their content keys.
 */
export class ImportRunner {
  private readonly running = new Set<Promise<void>>();
  private stopping = false;
  private lastFileSweep = 0;

  constructor(private readonly options: ImportRunnerOptions) {}

  async start() {
    this.stopping = false;
    const { queue } = this.options;
    await queue.work<ImportJobData>(RUN, (job) => this.track(this.runOne(job.data.importId)));
    await queue.work(SWEEP, () => this.sweep());
    await queue.schedule(SWEEP, SWEEP_CRON);
    await this.sweep();
  }

  /** Lets the current batch finish, then stops; the import keeps its lease and resumes elsewhere after it. */
  async stop() {
    this.stopping = true;
    await Promise.all(this.running);
  }

  /** An import was recorded (its file stored): queue it. A second send while one waits is dropped. */
  async wake(importId: string) {
    await this.options.queue.send<ImportJobData>(RUN, { importId }, { singletonKey: importId });
  }

  private async track(work: Promise<void>) {
    this.running.add(work);
    try {
      await work;
    } finally {
      this.running.delete(work);
    }
  }

  /** Queues every unfinished import nobody holds, and deletes the files no import needs any more. */
  async sweep() {
    if (this.stopping) return;
    await this.forgetExpiredFiles();
    const orphans = await asSystem(this.options.db, (tx) =>
      tx.select({ id: htcdsImports.id }).from(htcdsImports).where(and(UNFINISHED, LEASE_FREE)),
    );
    for (const orphan of orphans) await this.wake(orphan.id);
  }

  private async runOne(importId: string) {
    if (this.stopping) return;
    const job = await this.claim(importId);
    // Another worker holds it, or it has finished since it was queued.
    if (!job) return;
    try {
      await this.run(job);
    } catch (error) {
      // Which job, and the error's class and frames: its message may quote a row of the file
      // (a database error names the value it refused), so it stays out of the log.
      this.options.log.error({ importId: job.id, ...traceOf(error) }, 'import job failed');
      await this.fail(job);
    }
  }

  /**
   * Deletes the files no job will read again: those of dry runs never imported within the
   * retention, and any left behind by a job that is gone. A running job's file is never touched.
   */
  async forgetExpiredFiles(now = Date.now()) {
    if (now - this.lastFileSweep < FILE_SWEEP_MS) return;
    this.lastFileSweep = now;
    const { db, files, checkedFileHours } = this.options;
    const cutoff = new Date(now - checkedFileHours * 3_600_000);
    const kept = (await files.list()).filter((file) => file.writtenAt < cutoff);
    if (!kept.length) return;
    const unfinished = await asSystem(db, (tx) =>
      tx
        .select({ id: htcdsImports.id })
        .from(htcdsImports)
        .where(
          and(
            inArray(
              htcdsImports.id,
              kept.map((file) => file.importId),
            ),
            UNFINISHED,
          ),
        ),
    );
    const running = new Set(unfinished.map((job) => job.id));
    for (const file of kept) if (!running.has(file.importId)) await files.remove(file.importId);
  }

  private async fail(job: ImportJob) {
    await asSystem(this.options.db, (tx) =>
      tx.update(htcdsImports).set({ state: 'failed', lockedUntil: null, finishedAt: sql`now()` }).where(eq(htcdsImports.id, job.id)),
    );
  }

  private async claim(importId: string): Promise<ImportJob | null> {
    const { db, leaseSeconds } = this.options;
    return asSystem(db, async (tx) => {
      const [job] = await tx
        .update(htcdsImports)
        .set({ lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`, attempts: sql`${htcdsImports.attempts} + 1` })
        .where(
          sql`${htcdsImports.id} = (select id from ${htcdsImports} where ${htcdsImports.id} = ${importId} and ${UNFINISHED}
            and ${LEASE_FREE} for update skip locked)`,
        )
        .returning();
      return job ?? null;
    });
  }

  private async run(job: ImportJob) {
    const { db, keyRing, files, instanceCountry, limits, leaseSeconds } = this.options;
    const requester = await asSystem(db, async (tx) =>
      rowsOf<{ username: string; allowed: boolean }>(
        await tx.execute(sql`select u.username, u.active and exists (
            select 1 from ${userRoles} ur join ${roles} r on r.id = ur.role_id
            where ur.user_id = u.id and 'import:htcds' = any(r.permissions)) as allowed
          from ${users} u where u.id = ${job.userId}`),
      ),
    );
    // The permission is checked again when the job runs: an account disabled since the upload imports nothing.
    if (!requester[0]?.allowed) {
      await this.fail(job);
      await files.remove(job.id);
      return;
    }
    await runImport(
      {
        db,
        keyRing,
        files,
        instanceCountry,
        limits,
        username: requester[0].username,
        keepGoing: async () => {
          if (this.stopping) return false;
          await asSystem(db, (tx) =>
            tx
              .update(htcdsImports)
              .set({ lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
              .where(eq(htcdsImports.id, job.id)),
          );
          return true;
        },
      },
      job,
    );
  }
}
