import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../db/actorContext.js';
import { type DatabaseHandle, openDatabase } from '../db/client.js';
import { jobs } from '../db/schema/index.js';
import { nextCronTime } from './cronTime.js';
import { EmbeddedJobQueue } from './embeddedQueue.js';

let database: DatabaseHandle;
let clock = new Date('2026-12-05T10:00:00Z');
const later = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};

beforeAll(async () => {
  database = await openDatabase({});
  await database.migrate();
}, 120_000);
afterAll(() => database.close());

const queue = () => new EmbeddedJobQueue({ db: database.db, now: () => clock, autoStart: false });
const stateOf = async (id: string) => (await asSystem(database.db, (tx) => tx.select().from(jobs).where(eq(jobs.id, id))))[0]!;

describe('embedded job queue (PGlite)', () => {
  it('runs a job with its data once', async () => {
    const q = queue();
    const seen: unknown[] = [];
    await q.work<{ n: number }>('count', async (job) => {
      seen.push(job.data.n);
    });
    const id = await q.send('count', { n: 7 });
    expect(await q.runDue()).toBe(1);
    expect(await q.runDue()).toBe(0);
    expect(seen).toEqual([7]);
    expect((await stateOf(id!)).state).toBe('completed');
    await q.stop();
  });

  it('retries a failing job with exponential backoff, then marks it failed', async () => {
    const q = queue();
    let attempts = 0;
    await q.work('flaky', async () => {
      attempts += 1;
      throw new TypeError('row 3 holds Somchai');
    });
    const id = await q.send('flaky', {}, { retryLimit: 2, retryDelay: 10, retryBackoff: true });
    await q.runDue();
    expect(attempts).toBe(1);
    expect((await stateOf(id!)).state).toBe('retry');
    later(9);
    expect(await q.runDue()).toBe(0);
    later(1);
    await q.runDue();
    expect(attempts).toBe(2);
    // The second retry waits twice as long.
    later(19);
    expect(await q.runDue()).toBe(0);
    later(1);
    await q.runDue();
    expect(attempts).toBe(3);
    const failed = await stateOf(id!);
    expect(failed.state).toBe('failed');
    // The error's class, never its message (which could quote personal data).
    expect(failed.lastError).toBe('TypeError');
    await q.stop();
  });

  it('drops a second waiting job with the same singleton key', async () => {
    const q = queue();
    const first = await q.send('single', { a: 1 }, { singletonKey: 'k' });
    const second = await q.send('single', { a: 2 }, { singletonKey: 'k' });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    const ran: unknown[] = [];
    await q.work<{ a: number }>('single', async (job) => {
      ran.push(job.data.a);
    });
    await q.runDue();
    expect(ran).toEqual([1]);
    // Once the first has run, the key is free again.
    expect(await q.send('single', { a: 3 }, { singletonKey: 'k' })).not.toBeNull();
    await q.stop();
  });

  it('sends scheduled jobs when the cron time comes, once per time', async () => {
    clock = new Date('2026-12-05T22:58:00Z');
    const q = queue();
    const ran: string[] = [];
    await q.work('daily', async () => {
      ran.push(clock.toISOString());
    });
    await q.schedule('daily', '0 23 * * *', {});
    await q.runDue();
    expect(ran).toEqual([]);
    later(120);
    await q.runDue();
    await q.runDue();
    expect(ran).toEqual(['2026-12-05T23:00:00.000Z']);
    later(24 * 3600);
    await q.runDue();
    expect(ran).toHaveLength(2);
    await q.stop();
  });

  it('waits for startAfter and leaves no timer behind when stopped', async () => {
    const q = new EmbeddedJobQueue({ db: database.db, now: () => clock, pollMilliseconds: 10 });
    const ran: number[] = [];
    await q.work('later', async () => {
      ran.push(1);
    });
    await q.send('later', {}, { startAfter: new Date(clock.getTime() + 60_000) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ran).toEqual([]);
    later(61);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ran).toEqual([1]);
    await q.stop();
  });
});

describe('cron', () => {
  it('finds the next matching minute in UTC', () => {
    expect(nextCronTime('0 23 * * *', new Date('2026-12-05T23:00:00Z'), 'UTC').toISOString()).toBe('2026-12-06T23:00:00.000Z');
    expect(nextCronTime('*/15 * * * *', new Date('2026-12-05T10:07:30Z'), 'UTC').toISOString()).toBe('2026-12-05T10:15:00.000Z');
    expect(nextCronTime('30 6 * * 1', new Date('2026-12-05T10:00:00Z'), 'UTC').toISOString()).toBe('2026-12-07T06:30:00.000Z');
    expect(() => nextCronTime('61 * * * *', new Date(), 'UTC')).toThrow();
    expect(() => nextCronTime('daily', new Date(), 'UTC')).toThrow();
  });

  it("reads the hour on the deployment zone's wall clock", () => {
    const after = new Date('2026-12-05T10:00:00Z');
    // 06:00 in Bangkok and Vientiane (UTC+7) is 23:00 UTC the evening before.
    expect(nextCronTime('0 6 * * *', after, 'Asia/Bangkok').toISOString()).toBe('2026-12-05T23:00:00.000Z');
    expect(nextCronTime('0 6 * * *', after, 'Asia/Vientiane').toISOString()).toBe('2026-12-05T23:00:00.000Z');
    // Yangon is UTC+6:30.
    expect(nextCronTime('0 6 * * *', after, 'Asia/Yangon').toISOString()).toBe('2026-12-05T23:30:00.000Z');
    // Tokyo (UTC+9): 06:00 on the 6th was 21:00 UTC on the 5th, still ahead at 10:00 UTC.
    expect(nextCronTime('0 6 * * *', after, 'Asia/Tokyo').toISOString()).toBe('2026-12-05T21:00:00.000Z');
    // Across the day boundary: just after Bangkok's 06:00 the next run is a day later.
    expect(nextCronTime('0 6 * * *', new Date('2026-12-05T23:00:00Z'), 'Asia/Bangkok').toISOString()).toBe('2026-12-06T23:00:00.000Z');
    // A zone with daylight saving keeps the local hour: 06:00 in London is 06:00 UTC in winter, 05:00 in summer.
    expect(nextCronTime('0 6 * * *', new Date('2026-12-05T10:00:00Z'), 'Europe/London').toISOString()).toBe('2026-12-06T06:00:00.000Z');
    expect(nextCronTime('0 6 * * *', new Date('2026-07-05T10:00:00Z'), 'Europe/London').toISOString()).toBe('2026-07-06T05:00:00.000Z');
  });

  it('fires a zoned schedule at the local hour', async () => {
    clock = new Date('2026-12-06T22:58:00Z');
    const q = queue();
    const ran: string[] = [];
    await q.work('bangkok-morning', async () => {
      ran.push(clock.toISOString());
    });
    await q.schedule('bangkok-morning', '0 6 * * *', {}, { tz: 'Asia/Bangkok' });
    await q.runDue();
    expect(ran).toEqual([]);
    later(120);
    await q.runDue();
    expect(ran).toEqual(['2026-12-06T23:00:00.000Z']);
    await q.stop();
  });
});
