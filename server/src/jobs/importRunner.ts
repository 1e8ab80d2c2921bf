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
  pollMilliseconds?: number;
};

const FILE_SWEEP_MS = 10 * 60 * 1000;
const UNFINISHED = sql`${htcdsImports.state} in ('queued', 'validating', 'importing')`;

/**
 * The background worker of HTCDS imports: a job queue kept in PostgreSQL itself (the same on
 * PGlite and a server). A job is taken with a lease (`locked_until`); the worker extends it after
 * every batch. When a server stops or dies mid-import, the lease runs out and whichever server
 * polls next resumes the job — rows already written are recognised by their content keys.
 */
export class ImportRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;
  private lastFileSweep = 0;

  constructor(private readonly options: ImportRunnerOptions) {}

  start() {
    this.stopping = false;
    this.schedule(0);
  }

  /** Lets the current batch finish, then stops; the job keeps its lease and resumes elsewhere after it. */
  async stop() {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** A job was queued: look now rather than at the next poll. */
  wake() {
    if (!this.running && !this.stopping) this.schedule(0);
  }

  private schedule(delay: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.work().finally(() => {
        this.running = null;
        if (!this.stopping) this.schedule(this.options.pollMilliseconds ?? 1000);
      });
    }, delay);
    this.timer.unref();
  }

  private async work() {
    await this.forgetExpiredFiles();
    for (let job = await this.claim(); job && !this.stopping; job = await this.claim()) {
      try {
        await this.run(job);
      } catch (error) {
        // Which job, and the error's class and frames: its message may quote a row of the file
        // (a database error names the value it refused), so it stays out of the log.
        this.options.log.error({ importId: job.id, ...traceOf(error) }, 'import job failed');
        await this.fail(job);
      }
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

  private async claim(): Promise<ImportJob | null> {
    const { db, leaseSeconds } = this.options;
    return asSystem(db, async (tx) => {
      const [job] = await tx
        .update(htcdsImports)
        .set({ lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`, attempts: sql`${htcdsImports.attempts} + 1` })
        .where(
          sql`${htcdsImports.id} = (select id from ${htcdsImports} where ${UNFINISHED}
            and (${htcdsImports.lockedUntil} is null or ${htcdsImports.lockedUntil} < now())
            order by ${htcdsImports.createdAt} limit 1 for update skip locked)`,
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
