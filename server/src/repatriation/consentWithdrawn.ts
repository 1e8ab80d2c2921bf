import { and, eq, isNull, sql } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { repatriations } from '../db/schema/index.js';
import type { OutboxSettings } from '../federation/outbox.js';
import { announceConsentWithdrawalOnThread } from '../federation/threads.js';
import { statusAfterConsentWithdrawn } from './steps.js';
import { contentOf, saveRepatriation } from './thread.js';

/**
 * Every repatriation this instance sent on the strength of a withdrawn consent stops here and
 * tells the partner, which stops on its side too.
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
    await announceConsentWithdrawalOnThread(tx, outbox, repatriations, row, userId, now);
  }
  return relying.map((row) => row.id);
}
