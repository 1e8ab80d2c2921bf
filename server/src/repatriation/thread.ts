import { eq } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { repatriations } from '../db/schema/index.js';
import { partnerById } from '../federation/partners.js';
import { notFound } from '../http/problem.js';
import type { RepatriationStanding } from '../policies/repatriation.js';
import { openContent, type RepatriationContent, sealContent } from './record.js';

export type RepatriationRow = typeof repatriations.$inferSelect;

/** The repatriation row as the caller may see it (row-level security decides), or 404. */
export async function loadRepatriation(tx: Tx, id: string): Promise<RepatriationRow> {
  const [row] = await tx.select().from(repatriations).where(eq(repatriations.id, id));
  if (!row) throw notFound();
  return row;
}

/** The same, locked for the change about to be made. */
export async function lockRepatriation(tx: Tx, id: string): Promise<RepatriationRow> {
  const [row] = await tx.select().from(repatriations).where(eq(repatriations.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}

export async function saveRepatriation(
  tx: Tx,
  keyRing: KeyRing,
  row: Pick<RepatriationRow, 'id'>,
  change: { status: RepatriationRow['status']; content: RepatriationContent } & Partial<
    Pick<RepatriationRow, 'caseId' | 'handoverDate' | 'consentWithdrawnAt'>
  >,
) {
  const { content, ...columns } = change;
  await tx
    .update(repatriations)
    .set({ ...columns, contentEnc: sealContent(keyRing, row.id, content), updatedAt: new Date() })
    .where(eq(repatriations.id, row.id));
}

/** Where the repatriation stands for the policy: its step, both signatures, consent, and whether the partner is trusted now. */
export const standingFrom = (
  row: RepatriationRow,
  content: RepatriationContent,
  partner: { status: string } | null,
): RepatriationStanding => ({
  side: row.side,
  status: row.status,
  caseId: row.caseId,
  signed: { sending: !!content.signatures.sending, receiving: !!content.signatures.receiving },
  consentWithdrawn: row.consentWithdrawnAt !== null,
  partnerTrusted: partner?.status === 'active',
});

export const standingOf = async (tx: Tx, row: RepatriationRow, content: RepatriationContent) =>
  standingFrom(row, content, await partnerById(tx, row.partnerId));

export const contentOf = (keyRing: KeyRing, row: Pick<RepatriationRow, 'id' | 'contentEnc'>) =>
  openContent(keyRing, row.id, row.contentEnc);
