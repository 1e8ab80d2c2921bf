import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseHandle } from '../../db/client.js';

export type CopyValue = string | number | boolean | Date | null | readonly string[] | Record<string, unknown> | readonly unknown[];

/** Backslash, tab and line ends are the only characters COPY's text format needs escaped. */
const escapeText = (text: string) =>
  text.replace(/[\\\t\n\r]/gu, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
const arrayLiteral = (items: readonly string[]) => `{${items.map((item) => `"${item.replace(/["\\]/gu, (c) => `\\${c}`)}"`).join(',')}}`;

/** One value in COPY's text format (\N for null, arrays as PostgreSQL array literals, objects as JSON). */
export function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return escapeText(arrayLiteral(value as string[]));
  return escapeText(JSON.stringify(value));
}

/** Rows of one table for one COPY, as text lines. */
export class CopyBuffer {
  readonly lines: string[] = [];
  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}
  add(values: readonly CopyValue[]) {
    this.lines.push(values.map(copyField).join('\t'));
  }
  get size() {
    return this.lines.length;
  }
  text() {
    return this.lines.length ? `${this.lines.join('\n')}\n` : '';
  }
}

/** One connection held for the whole load: transactions, statements and COPY on the same session. */
export type CopySession = {
  exec(sql: string): Promise<void>;
  copy(buffer: CopyBuffer): Promise<void>;
  release(): Promise<void>;
};

const copyStatement = (buffer: CopyBuffer, source: string) => `COPY ${buffer.table} (${buffer.columns.join(', ')}) FROM ${source}`;

/**
 * PostgreSQL streams COPY FROM STDIN (pg-copy-streams); PGlite reads the same text from a blob.
 * The schema owner's connection: the load is a fixture like the demo seed, outside row-level security.
 */
export async function openCopySession(database: DatabaseHandle): Promise<CopySession> {
  const client = (database.db as unknown as { $client: pg.Pool | PGlite }).$client;
  if (database.kind === 'postgres') {
    const connection = await (client as pg.Pool).connect();
    // A crash loses at most the last batches of a load that can be run again; no wait for each commit's flush.
    await connection.query('SET synchronous_commit = off');
    return {
      exec: async (sql) => void (await connection.query(sql)),
      copy: async (buffer) => {
        if (!buffer.size) return;
        await pipeline(Readable.from([buffer.text()]), connection.query(copyFrom(copyStatement(buffer, 'STDIN'))));
      },
      release: async () => connection.release(),
    };
  }
  const lite = client as PGlite;
  return {
    exec: async (sql) => void (await lite.exec(sql)),
    copy: async (buffer) => {
      if (!buffer.size) return;
      await lite.query(copyStatement(buffer, "'/dev/blob'"), [], { blob: new Blob([buffer.text()]) });
    },
    release: async () => undefined,
  };
}
