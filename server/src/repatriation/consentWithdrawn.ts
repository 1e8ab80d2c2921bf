import { and, eq, isNull, sql } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { repatriations } from '../db/schema/index.js';
import type { OutboxSettings } from '../federation/outbox.js';
import { statusAfterConsentWithdrawn } from './steps.js';
import { contentOf, saveRepatriation, sendOnThread } from './thread.js';

/**
 * Withdrawal of consent is itself a packet (issue 12): every repatriation this instance sent on the
 * strength of the consent stops here and tells the partner, which stops on its side too. A partner
 * no longer trusted gets nothing; the repatriation stops here all the same.
 */
export async function announceConsentWithdrawal(
  tx: Tx,
  keyRing: KeyRing,
  outbox: OutboxSettings,
  consentId: string,
  userId: string,
  now: Date,
): Promise<string[]> {
  const relying = await tx
    .select()
    .from(repatriations)
    .where(
      and(sql`${repatriations.consent}->>'id' = ${consentId}`, isNull(repatriations.consentWithdrawnAt), eq(repatriations.side, 'sending')),
    )
    .for('update');
  for (const row of relying) {
    // What has not left yet never will: only the news of the withdrawal goes.
    await tx.execute(sql`select cancel_repatriation_packets(${row.id}::uuid)`);
    const status = statusAfterConsentWithdrawn(row.status);
    await saveRepatriation(tx, keyRing, row, { status, content: contentOf(keyRing, row), consentWithdrawnAt: now });
    await sendOnThread(tx, outbox, row, {
      kind: 'consent_withdrawal',
      consent: { ...row.consent },
      body: { withdrawnAt: now.toISOString() },
      createdBy: userId,
    }).catch((error: unknown) => {
      if ((error as { code?: string }).code !== 'partner_not_trusted') throw error;
    });
  }
  return relying.map((row) => row.id);
}
