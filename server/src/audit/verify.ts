import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { rowsOf } from '../db/client.js';

export type ChainVerification = { ok: boolean; events: number; firstBrokenSeq: number | null };

/** Recomputes every row's hash and its link within its chain in the database (audit_verify) and reports the first break. */
export async function verifyAuditChain(db: Queryable): Promise<ChainVerification> {
  const [row] = rowsOf<{ events: string | number; first_broken_seq: string | number | null }>(
    await db.execute(sql`select events, first_broken_seq from audit_verify()`),
  );
  const firstBrokenSeq = row?.first_broken_seq == null ? null : Number(row.first_broken_seq);
  return { ok: firstBrokenSeq === null, events: Number(row?.events ?? 0), firstBrokenSeq };
}
