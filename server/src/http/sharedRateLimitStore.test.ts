import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { sharedRateLimitStore } from './sharedRateLimitStore.js';

let t: TestApp;
let store: FastifyRateLimitStore;

beforeAll(async () => {
  t = await startTestApp();
  const Store = sharedRateLimitStore(t.database.db);
  store = new Store({ routeInfo: { method: 'POST', url: '/api/test/limited' }, max: 3, timeWindow: 600 });
});
afterAll(() => t.close());

const hit = (key: string, timeWindow: number) =>
  new Promise<{ current: number; ttl: number }>((resolve, reject) =>
    store.incr(key, (error, counted) => (error || !counted ? reject(error) : resolve(counted)), timeWindow, 3),
  );

describe('the shared rate-limit store', () => {
  it("starts a key's window at its first hit, whatever the clock, and counts the hits within it", async () => {
    const first = await hit('address-a', 60_000);
    // A window tied to clock boundaries would have anything from 0 to 60 s left here.
    expect(first).toMatchObject({ current: 1 });
    expect(first.ttl).toBeGreaterThan(55_000);
    expect(first.ttl).toBeLessThanOrEqual(60_000);
    const second = await hit('address-a', 60_000);
    expect(second.current).toBe(2);
    expect(second.ttl).toBeLessThanOrEqual(first.ttl);
    // Another key has its own count.
    expect((await hit('address-b', 60_000)).current).toBe(1);
  });

  it('starts a fresh window once the old one has ended', async () => {
    expect((await hit('address-c', 400)).current).toBe(1);
    expect((await hit('address-c', 400)).current).toBe(2);
    await sleep(500);
    const fresh = await hit('address-c', 400);
    expect(fresh.current).toBe(1);
    expect(fresh.ttl).toBeGreaterThan(200);
  });

  it('keeps the routes apart: the same key under another route counts from one', async () => {
    await hit('address-d', 60_000);
    const Store = sharedRateLimitStore(t.database.db);
    const other = new Store({ routeInfo: { method: 'POST', url: '/api/test/other' }, max: 3, timeWindow: 600 });
    const counted = await new Promise<{ current: number }>((resolve, reject) =>
      other.incr('address-d', (error, result) => (error || !result ? reject(error) : resolve(result)), 60_000, 3),
    );
    expect(counted.current).toBe(1);
  });
});
