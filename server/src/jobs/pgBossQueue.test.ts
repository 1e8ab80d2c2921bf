import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { PgBossJobQueue } from './pgBossQueue.js';

/** The same queue semantics on a PostgreSQL server (CI runs the suite with DATABASE_URL set). */
describe.skipIf(!process.env.DATABASE_URL)('pg-boss job queue (PostgreSQL)', () => {
  let t: TestApp;
  let queue: PgBossJobQueue;

  beforeAll(async () => {
    t = await startTestApp();
    queue = await PgBossJobQueue.start((t.database.db as unknown as { $client: pg.Pool }).$client);
  }, 180_000);
  afterAll(async () => {
    await queue?.stop();
    await t?.close();
  });

  const eventually = async (check: () => boolean, seconds = 20) => {
    for (let waited = 0; waited < seconds * 10 && !check(); waited += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(check()).toBe(true);
  };

  it('runs a job with its data', async () => {
    const seen: number[] = [];
    await queue.work<{ n: number }>('bench-count', async (job) => {
      seen.push(job.data.n);
    });
    expect(await queue.send('bench-count', { n: 7 })).not.toBeNull();
    await eventually(() => seen.length === 1);
    expect(seen).toEqual([7]);
  }, 30_000);

  it('drops a second waiting job with the same singleton key', async () => {
    const first = await queue.send('bench-single', { a: 1 }, { singletonKey: 'k', startAfter: new Date(Date.now() + 60_000) });
    const second = await queue.send('bench-single', { a: 2 }, { singletonKey: 'k' });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
  });

  it('retries a failing job', async () => {
    let attempts = 0;
    await queue.work('bench-flaky', async () => {
      attempts += 1;
      if (attempts < 3) throw new TypeError('not yet');
    });
    await queue.send('bench-flaky', {}, { retryLimit: 3, retryDelay: 1 });
    await eventually(() => attempts === 3, 30);
  }, 40_000);
});

describe.skipIf(!process.env.DATABASE_URL)('pg-boss job queue shutdown (PostgreSQL)', () => {
  it('lets a job outlive the grace period of a stop without touching the pool ended after it', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    try {
      const queue = await PgBossJobQueue.start(pool);
      let started = false;
      let finished = false;
      await queue.work('slow-shutdown', async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 6_500));
        finished = true;
      });
      await queue.send('slow-shutdown', {});
      for (let waited = 0; waited < 200 && !started; waited += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(started).toBe(true);
      await queue.stop();
      await pool.end();
      for (let waited = 0; waited < 50 && !finished; waited += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(finished).toBe(true);
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  }, 60_000);
});
