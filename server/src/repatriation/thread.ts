import type { PacketKind } from '@seamless/contracts';
import { eq, sql } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { type ConsentSnapshot, repatriations } from '../db/schema/index.js';
import { enqueuePacket, type OutboxSettings } from '../federation/outbox.js';
import { partnerById } from '../federation/partners.js';
import { AppError, notFound } from '../http/problem.js';
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

/**
 * Sends the next packet of this repatriation to the partner, in the caller's transaction, and
 * counts it on the row so the partner can apply the thread in order. A partner no longer trusted
 * receives nothing: the step is refused rather than queued for nobody.
 */
export async function sendOnThread(
  tx: Tx,
  outbox: OutboxSettings,
  row: Pick<RepatriationRow, 'id' | 'partnerId'>,
  packet: { kind: PacketKind; consent: ConsentSnapshot | null; body: Record<string, unknown>; createdBy: string },
) {
  const partner = await partnerById(tx, row.partnerId);
  if (partner?.status !== 'active') {
    throw new AppError(409, 'partner_not_trusted', 'The partner instance is suspended or revoked: nothing can be sent to it now.');
  }
  const [counted] = await tx
    .update(repatriations)
    .set({ sentSequence: sql`${repatriations.sentSequence} + 1` })
    .where(eq(repatriations.id, row.id))
    .returning({ sequence: repatriations.sentSequence });
  return enqueuePacket(tx, outbox, { partner, threadId: row.id, sequence: counted!.sequence, ...packet });
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
export async function standingOf(tx: Tx, row: RepatriationRow, content: RepatriationContent): Promise<RepatriationStanding> {
  const partner = await partnerById(tx, row.partnerId);
  return {
    side: row.side,
    status: row.status,
    caseId: row.caseId,
    signed: { sending: !!content.signatures.sending, receiving: !!content.signatures.receiving },
    consentWithdrawn: row.consentWithdrawnAt !== null,
    partnerTrusted: partner?.status === 'active',
  };
}

export const contentOf = (keyRing: KeyRing, row: Pick<RepatriationRow, 'id' | 'contentEnc'>) =>
  openContent(keyRing, row.id, row.contentEnc);
