import type { PacketKind } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../db/client.js';
import type { ConsentSnapshot, crossBorderReferrals, repatriations } from '../db/schema/index.js';
import { AppError } from '../http/problem.js';
import { enqueuePacket, type OutboxSettings } from './outbox.js';
import { partnerById } from './partners.js';

/**
 * Whether a thread id is in use by either kind of thread: a partner opening a referral under a
 * repatriation's id (or the reverse) would have later packets — a consent withdrawal — reach the
 * wrong record, so such an id is refused.
 */
export async function threadIdTaken(tx: Tx, id: string): Promise<boolean> {
  const [taken] = rowsOf<{ taken: boolean }>(
    await tx.execute(sql`select exists (select 1 from repatriations where id = ${id}::uuid)
      or exists (select 1 from cross_border_referrals where id = ${id}::uuid) as taken`),
  );
  return !!taken?.taken;
}

/**
 * Once her consent is withdrawn, the receiving side of a thread keeps what it did itself and how
 * the thread ended, but no longer who she is, why she was sent, or her files.
 */
export const withheldFromReceiver = (row: { side: 'sending' | 'receiving'; consentWithdrawnAt: Date | null }) =>
  row.side === 'receiving' && row.consentWithdrawnAt !== null;

/** Records whose packets run as one ordered thread with a partner, counted on the record itself. */
export type ThreadTable = typeof repatriations | typeof crossBorderReferrals;

/**
 * Sends the next packet of a thread (a repatriation, a referral across a border) to its partner,
 * in the caller's transaction, and counts it on the record so the partner can apply the thread in
 * order. A partner no longer trusted receives nothing: the step is refused rather than queued for
 * nobody.
 */
export async function sendOnThread(
  tx: Tx,
  outbox: OutboxSettings,
  table: ThreadTable,
  thread: { id: string; partnerId: string },
  packet: { kind: PacketKind; consent: ConsentSnapshot | null; body: Record<string, unknown>; createdBy: string },
  options: { evenIfSuspended?: boolean } = {},
) {
  const partner = await partnerById(tx, thread.partnerId);
  const sendable = partner?.status === 'active' || (options.evenIfSuspended && partner?.status === 'suspended');
  if (!partner || !sendable) {
    throw new AppError(409, 'partner_not_trusted', 'The partner instance is suspended or revoked: nothing can be sent to it now.');
  }
  const [counted] = rowsOf<{ sequence: number }>(
    await tx.execute(
      sql`update ${table} set sent_sequence = sent_sequence + 1 where id = ${thread.id}::uuid returning sent_sequence as sequence`,
    ),
  );
  return enqueuePacket(tx, outbox, { partner, threadId: thread.id, sequence: counted!.sequence, ...packet });
}

/**
 * Withdrawal of consent is itself a packet (issue 12): the partner stops on its side too. To a
 * suspended partner it waits in the outbox and goes once trust returns — the partner must not keep
 * working on her data for want of being told. A revoked partner gets nothing; the thread stops
 * here all the same.
 */
export async function announceConsentWithdrawalOnThread(
  tx: Tx,
  outbox: OutboxSettings,
  table: ThreadTable,
  thread: { id: string; partnerId: string; consent: ConsentSnapshot },
  userId: string,
  now: Date,
) {
  await sendOnThread(
    tx,
    outbox,
    table,
    thread,
    {
      kind: 'consent_withdrawal',
      consent: { ...thread.consent },
      body: { withdrawnAt: now.toISOString() },
      createdBy: userId,
    },
    { evenIfSuspended: true },
  ).catch((error: unknown) => {
    if ((error as { code?: string }).code !== 'partner_not_trusted') throw error;
  });
}
