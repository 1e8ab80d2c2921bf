import pg from 'pg';
import type { DatabaseHandle } from '../src/db/client.js';

/**
 * The first byte of a frontend message that runs a statement: Execute (extended protocol; a
 * named statement is parsed once but executed on every call) or Query (simple).
 */
const EXECUTE = 0x45;
const SIMPLE_QUERY = 0x51;

/** pg-boss polls its queue through the application's pool; those statements are no request's. */
const JOB_QUEUE = /\bpgboss\./;
const textOf = (query: unknown) => (typeof query === 'string' ? query : ((query as { text?: string } | null)?.text ?? ''));

type ProtocolClient = { execProtocolStream(message: Uint8Array, ...rest: unknown[]): Promise<unknown> };

/**
 * Counts the statements the application sends to its database while `work` runs: on PostgreSQL
 * every query node-postgres issues (BEGIN and COMMIT included) but the job queue's polling, on PGlite every Execute or simple
 * Query message. How many round trips a request costs is what makes it slow or fast, so tests
 * hold the read path to a number.
 */
export async function countStatements(database: DatabaseHandle, work: () => Promise<unknown>): Promise<number> {
  let statements = 0;
  if (database.kind === 'postgres') {
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      if (!JOB_QUEUE.test(textOf(args[0]))) statements += 1;
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    try {
      await work();
    } finally {
      pg.Client.prototype.query = query;
    }
    return statements;
  }
  const client = (database.db as unknown as { $client: ProtocolClient }).$client;
  const send = client.execProtocolStream;
  client.execProtocolStream = function (this: ProtocolClient, message: Uint8Array, ...rest: unknown[]) {
    if (message[0] === EXECUTE || message[0] === SIMPLE_QUERY) statements += 1;
    return send.call(this, message, ...rest);
  };
  try {
    await work();
  } finally {
    client.execProtocolStream = send;
  }
  return statements;
}
