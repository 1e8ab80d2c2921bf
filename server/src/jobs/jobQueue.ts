import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import type { DatabaseHandle } from '../db/client.js';
import { EmbeddedJobQueue } from './embeddedQueue.js';
import { PgBossJobQueue } from './pgBossQueue.js';
import type { JobQueue } from './queue.js';

/** pg-boss on a PostgreSQL server (through the app's own pool), the embedded runner on PGlite. */
export async function openJobQueue(database: DatabaseHandle, log: FastifyBaseLogger): Promise<JobQueue> {
  if (database.kind === 'postgres') {
    const pool = (database.db as unknown as { $client: pg.Pool }).$client;
    return PgBossJobQueue.start(pool, log);
  }
  return new EmbeddedJobQueue({ db: database.db, log });
}
