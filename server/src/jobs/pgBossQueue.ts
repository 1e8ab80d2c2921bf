import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { JobHandler, JobOptions, JobQueue, ScheduleOptions } from './queue.js';

/**
 * The job queue on a PostgreSQL server: pg-boss, through the application's own pool. Queues use
 * the "short" policy, so a singleton key drops a second waiting job as the embedded runner does.
 */
export class PgBossJobQueue implements JobQueue {
  private readonly queues = new Map<string, Promise<void>>();

  private constructor(
    private readonly boss: PgBoss,
    private readonly connection: { closed: boolean },
    private readonly pool: pg.Pool,
  ) {}

  static async start(pool: pg.Pool, log?: FastifyBaseLogger): Promise<PgBossJobQueue> {
    const connection = { closed: false };
    // pg-boss completes a job without awaiting it; a job that outlives stop()'s grace period
    // would complete on a pool already ended, an unhandled rejection. Once stopped, the queue's
    // statements go nowhere: stop() has already marked that job failed.
    const executeSql = (text: string, values?: unknown[]) => (connection.closed ? Promise.resolve({}) : pool.query(text, values));
    const boss = new PgBoss({ db: { executeSql }, schema: 'pgboss' } as PgBoss.ConstructorOptions);
    boss.on('error', (error) => log?.error({ error: error.name }, 'job queue error'));
    await boss.start();
    return new PgBossJobQueue(boss, connection, pool);
  }

  private ensure(name: string) {
    if (!this.queues.has(name)) this.queues.set(name, this.createQueueOnce(name));
    return this.queues.get(name)!;
  }

  /**
   * pg-boss creates a queue's partition table; processes starting together deadlock doing that
   * for one name, so they take turns under an advisory lock and the later ones find it made.
   */
  private async createQueueOnce(name: string) {
    if (await this.boss.getQueue(name)) return;
    const holder = await this.pool.connect();
    try {
      await holder.query('select pg_advisory_lock(hashtext($1))', [`seamless:job-queue:${name}`]);
      if (!(await this.boss.getQueue(name))) await this.boss.createQueue(name, { name, policy: 'short' });
    } finally {
      await holder.query('select pg_advisory_unlock(hashtext($1))', [`seamless:job-queue:${name}`]).catch(() => undefined);
      holder.release();
    }
  }

  async send<T extends object>(name: string, data: T, options: JobOptions = {}): Promise<string | null> {
    await this.ensure(name);
    return this.boss.send(name, data, {
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      retryLimit: options.retryLimit ?? 0,
      retryDelay: options.retryDelay ?? 0,
      retryBackoff: options.retryBackoff ?? false,
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    });
  }

  async work<T extends object>(name: string, handler: JobHandler<T>): Promise<void> {
    await this.ensure(name);
    await this.boss.work<T>(name, { pollingIntervalSeconds: 2 }, async (batch) => {
      for (const job of batch) await handler({ id: job.id, name: job.name, data: job.data });
    });
  }

  async schedule(name: string, cron: string, data: object = {}, options: ScheduleOptions = {}): Promise<void> {
    await this.ensure(name);
    await this.boss.schedule(name, cron, data, { tz: options.tz ?? 'UTC' });
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 5000 });
    this.connection.closed = true;
  }
}
