import { and, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { conflict, notFound } from '../http/problem.js';
import type { Tx } from './client.js';

type VersionedTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn; updatedAt: AnyPgColumn };
type RowOf<T extends VersionedTable> = T['$inferSelect'] & { id: string; version: number; updatedAt: Date };

/**
 * Optimistic locking in one place: lock the row, compare the version the client read, and
 * answer 409 with the current version when someone else saved first — the client keeps its
 * own input and shows both, so nothing is lost.
 */
export async function lockVersion<T extends VersionedTable>(tx: Tx, table: T, id: string, expectedVersion: number): Promise<RowOf<T>> {
  const [current] = (await (tx as any).select().from(table).where(eq(table.id, id)).for('update')) as RowOf<T>[];
  if (!current) throw notFound();
  if (current.version !== expectedVersion) {
    throw conflict(undefined, { version: current.version, updatedAt: current.updatedAt.toISOString() });
  }
  return current;
}

/** Writes `changes` on a row locked by `lockVersion`, bumping its version. */
export async function saveVersion<T extends VersionedTable>(
  tx: Tx,
  table: T,
  current: RowOf<T>,
  changes: Partial<T['$inferInsert']>,
): Promise<RowOf<T>> {
  const [updated] = (await (tx as any)
    .update(table)
    .set({ ...changes, version: current.version + 1, updatedAt: new Date() })
    .where(and(eq(table.id, current.id), eq(table.version, current.version)))
    .returning()) as RowOf<T>[];
  if (!updated) throw conflict();
  return updated;
}
