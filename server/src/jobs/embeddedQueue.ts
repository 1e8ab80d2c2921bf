import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { asSystem } from '../db/actorContext.js';
import { type Db, rowsOf } from '../db/client.js';
import { jobs } from '../db/schema/index.js';
import { nextCronTime } from './cronTime.js';
import { type JobHandler, type JobOptions, type JobQueue, retryDelaySeconds, type ScheduleOptions } from './queue.js';

type Claimed = {
  id: string;
  name: string;
  data: Record<string, unknown>;
  retry_count: number;
  retry_limit: number;
  retry_delay: number;
  retry_backoff: boolean;
};

export type EmbeddedQueueOptions = {
  db: Db;
  log?: FastifyBaseLogger;
  pollMilliseconds?: number;
  /** The clock (tests move it); the database's own clock is never asked. */
  now?: () => Date;
  /** Tests drive the queue with runDue() and start no timer. */
  autoStart?: boolean;
};

/**
 * The job queue on PGlite: a `jobs` table polled in this process, with pg-boss's semantics —
 * retries with (exponential) backoff, a singleton key that drops a second waiting job, cron
 * schedules. Schedules live in memory: a run missed while the process was down is not replayed.
 */
export class EmbeddedJobQueue implements JobQueue {
  private readonly handlers = new Map<string, JobHandler<object>>();
  private readonly schedules = new Map<string, { cron: string; tz: string; data: object; next: Date }>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;
  private readonly now: () => Date;

  constructor(private readonly options: EmbeddedQueueOptions) {
    this.now = options.now ?? (() => new Date());
    if (options.autoStart !== false) this.poll(0);
  }

  async send<T extends object>(name: string, data: T, options: JobOptions = {}): Promise<string | null> {
    const [row] = await asSystem(this.options.db, (tx) =>
      tx
        .insert(jobs)
        .values({
          name,
          data: data as Record<string, unknown>,
          singletonKey: options.singletonKey ?? null,
          retryLimit: options.retryLimit ?? 0,
          retryDelay: options.retryDelay ?? 0,
          retryBackoff: options.retryBackoff ?? false,
          startAfter: options.startAfter ?? this.now(),
        })
        .onConflictDoNothing()
        .returning({ id: jobs.id }),
    );
    if (row && this.handlers.has(name)) this.poll(0);
    return row?.id ?? null;
  }

  async work<T extends object>(name: string, handler: JobHandler<T>): Promise<void> {
    this.handlers.set(name, handler as JobHandler<object>);
    this.poll(0);
  }

  async schedule(name: string, cron: string, data: object = {}, options: ScheduleOptions = {}): Promise<void> {
    const tz = options.tz ?? 'UTC';
    this.schedules.set(name, { cron, tz, data, next: nextCronTime(cron, this.now(), tz) });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Sends what the schedules owe and runs every job that is due now; returns how many ran. */
  async runDue(): Promise<number> {
    if (this.running) return this.running;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<number> {
    const now = this.now();
    for (const [name, entry] of this.schedules) {
      if (entry.next > now) continue;
      entry.next = nextCronTime(entry.cron, now, entry.tz);
      await this.send(name, entry.data, { singletonKey: `schedule:${name}` });
    }
    let ran = 0;
    for (let job = await this.claim(); job && !this.stopped; job = await this.claim()) {
      await this.run(job);
      ran += 1;
    }
    return ran;
  }

  private async claim(): Promise<Claimed | undefined> {
    const names = [...this.handlers.keys()];
    if (!names.length) return undefined;
    const [row] = await asSystem(this.options.db, async (tx) =>
      rowsOf<Claimed>(
        await tx.execute(sql`update ${jobs} set state = 'active', started_at = ${this.now()}
          where id = (select id from ${jobs} where state in ('created', 'retry') and start_after <= ${this.now()}
            and name in (${sql.join(
              names.map((name) => sql`${name}`),
              sql`, `,
            )})
            order by start_after, created_at limit 1 for update skip locked)
          returning id, name, data, retry_count, retry_limit, retry_delay, retry_backoff`),
      ),
    );
    return row;
  }

  private async run(job: Claimed) {
    try {
      await this.handlers.get(job.name)!({ id: job.id, name: job.name, data: job.data });
      await asSystem(this.options.db, (tx) =>
        tx.execute(sql`update ${jobs} set state = 'completed', completed_at = ${this.now()} where id = ${job.id}`),
      );
    } catch (error) {
      // The error's class only: a message may quote data the job handled.
      const kind = error instanceof Error ? error.name : 'Error';
      this.options.log?.error({ jobId: job.id, job: job.name, error: kind }, 'job failed');
      const retry = job.retry_count < job.retry_limit;
      const startAfter = new Date(this.now().getTime() + retryDelaySeconds(job.retry_delay, job.retry_backoff, job.retry_count + 1) * 1000);
      await asSystem(this.options.db, (tx) =>
        tx.execute(
          retry
            ? sql`update ${jobs} set state = 'retry', retry_count = retry_count + 1, start_after = ${startAfter}, last_error = ${kind} where id = ${job.id}`
            : sql`update ${jobs} set state = 'failed', completed_at = ${this.now()}, last_error = ${kind} where id = ${job.id}`,
        ),
      );
    }
  }

  private poll(delay: number) {
    if (this.stopped || this.options.autoStart === false) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runDue()
        .catch((error: unknown) =>
          this.options.log?.error({ error: error instanceof Error ? error.name : 'Error' }, 'job queue poll failed'),
        )
        .finally(() => this.poll(this.options.pollMilliseconds ?? 5000));
    }, delay);
    this.timer.unref();
  }
}
