import { eq } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { crossBorderReferrals } from '../db/schema/index.js';
import { notFound } from '../http/problem.js';
import type { CrossBorderReferralStanding } from '../policies/crossBorderReferral.js';
import { type CrossBorderReferralContent, sealReferralContent } from './record.js';

export type CrossBorderReferralRow = typeof crossBorderReferrals.$inferSelect;

/** The referral as the caller may see it (row-level security decides), locked for a change when asked, or 404. */
export async function loadCrossBorderReferral(tx: Tx, id: string, { lock = false } = {}): Promise<CrossBorderReferralRow> {
  const query = tx.select().from(crossBorderReferrals).where(eq(crossBorderReferrals.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

export async function saveCrossBorderReferral(
  tx: Tx,
  keyRing: KeyRing,
  row: Pick<CrossBorderReferralRow, 'id'>,
  change: { status: CrossBorderReferralRow['status']; content: CrossBorderReferralContent } & Partial<
    Pick<CrossBorderReferralRow, 'consentWithdrawnAt'>
  >,
) {
  const { content, ...columns } = change;
  await tx
    .update(crossBorderReferrals)
    .set({ ...columns, contentEnc: sealReferralContent(keyRing, row.id, content), updatedAt: new Date() })
    .where(eq(crossBorderReferrals.id, row.id));
}

/** Where the referral stands for the policy: its step, her consent, and whether the partner is trusted now. */
export const referralStandingOf = (row: CrossBorderReferralRow, partner: { status: string } | null): CrossBorderReferralStanding => ({
  side: row.side,
  status: row.status,
  consentWithdrawn: row.consentWithdrawnAt !== null,
  partnerTrusted: partner?.status === 'active',
});
