import { createHash } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/client.js';

/** Windows that ended longer ago than this are deleted, by whichever process notices first. */
const PRUNE_EVERY_MS = 60_000;

type Counted = { current: number; ttl: number };
type Limits = { routeInfo?: { method?: string | string[]; url?: string }; max?: unknown; timeWindow?: unknown };

/**
 * A route's own limit counts apart from the global one (as the in-memory store's children do);
 * the namespace is what every process derives alike from the route, never a registration order.
 */
function namespaceOf(limits: Limits): string {
  const method = [limits.routeInfo?.method ?? ''].flat().join(',');
  return `${method} ${limits.routeInfo?.url ?? ''}|${String(limits.max)}|${String(limits.timeWindow)}`;
}

/**
 * @fastify/rate-limit's store on PostgreSQL, so the budget of a key holds across every server
 * process: one row per hashed key holding its current window, counted by one upsert.
 */
export function sharedRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  let lastPrunedAt = 0;

  async function count(namespace: string, key: string, timeWindow: number): Promise<Counted> {
    const keyHash = createHash('sha256').update(`${namespace}\u0000${key}`).digest('base64url');
    const now = Date.now();
    // A window starts at the key's first hit and a hit after its end starts the next one, as the
    // in-memory store counts: no boundary at which every key's budget refills at once.
    // Every request counts itself, so its commit must not wait for the disk: a crash may lose the
    // last hits of a window, which lets a client a few more requests, never fewer. Set local to
    // the statement's own transaction, so no other statement commits asynchronously.
    const result = await db.execute(sql`
      insert into rate_limit_hits as counted (key_hash, window_start, window_end, hits)
      values (${keyHash}, to_timestamp(${now / 1000}), to_timestamp(${(now + timeWindow) / 1000}), 1)
      on conflict (key_hash) do update set
        hits = case when counted.window_end <= excluded.window_start then 1 else counted.hits + 1 end,
        window_start = case when counted.window_end <= excluded.window_start then excluded.window_start else counted.window_start end,
        window_end = case when counted.window_end <= excluded.window_start then excluded.window_end else counted.window_end end
      returning hits, extract(epoch from window_end) * 1000 as ends_at, set_config('synchronous_commit', 'off', true)`);
    if (now - lastPrunedAt > PRUNE_EVERY_MS) {
      lastPrunedAt = now;
      await db.execute(sql`delete from rate_limit_hits where window_end < now()`);
    }
    const counted = rowsOf<{ hits: number; ends_at: string | number }>(result)[0];
    return { current: Number(counted?.hits), ttl: Math.max(0, Math.round(Number(counted?.ends_at) - now)) };
  }

  class SharedRateLimitStore implements FastifyRateLimitStore {
    private readonly namespace: string;

    constructor(limits: object) {
      this.namespace = namespaceOf(limits as Limits);
    }

    incr(key: string, callback: (error: Error | null, result?: Counted) => void, timeWindow: number) {
      count(this.namespace, key, timeWindow).then(
        (counted) => callback(null, counted),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: object): FastifyRateLimitStore {
      return new SharedRateLimitStore(routeOptions);
    }
  }
  return SharedRateLimitStore;
}
