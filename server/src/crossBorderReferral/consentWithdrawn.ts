import { and, eq, isNull, sql } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { crossBorderReferrals } from '../db/schema/index.js';
import type { OutboxSettings } from '../federation/outbox.js';
import { announceConsentWithdrawalOnThread } from '../federation/threads.js';
import { openReferralContent } from './record.js';
import { statusAfterReferralConsentWithdrawn } from './steps.js';
import { saveCrossBorderReferral } from './thread.js';

/**
 * Every referral this instance sent abroad on the strength of a withdrawn consent ends here and
 * tells the partner, which ends it on its side too; what has not left yet never will.
 */
export async function endCrossBorderReferralsOfConsent(
  tx: Tx,
  keyRing: KeyRing,
  outbox: OutboxSettings,
  consentId: string,
  userId: string,
  now: Date,
): Promise<string[]> {
  const relying = await tx
    .select()
    .from(crossBorderReferrals)
    .where(
      and(
        sql`${crossBorderReferrals.consent}->>'id' = ${consentId}`,
        isNull(crossBorderReferrals.consentWithdrawnAt),
        eq(crossBorderReferrals.side, 'sending'),
      ),
    )
    .for('update');
  for (const row of relying) {
    await tx.execute(sql`select cancel_cross_border_referral_packets(${row.id}::uuid)`);
    const status = statusAfterReferralConsentWithdrawn(row.status);
    await saveCrossBorderReferral(tx, keyRing, row, { status, content: openReferralContent(keyRing, row), consentWithdrawnAt: now });
    await announceConsentWithdrawalOnThread(tx, outbox, crossBorderReferrals, row, userId, now);
  }
  return relying.map((row) => row.id);
}
