import type { IdentificationProgress } from '@seamless/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from './client.js';
import { identificationInterviews, prescreenings } from './schema/index.js';

/**
 * How far identification has gone on a case, counted under the reader's row-level security: the
 * journey on the case page needs only this, not the records, so nothing of them is read or decrypted.
 */
export async function identificationProgressOf(tx: Tx, caseId: string): Promise<IdentificationProgress> {
  const [interviews] = await tx
    .select({
      started: sql<number>`count(*)::int`,
      completed: sql<number>`count(*) filter (where ${identificationInterviews.status} = 'completed')::int`,
    })
    .from(identificationInterviews)
    .where(eq(identificationInterviews.caseId, caseId));
  if (interviews && interviews.completed > 0) return 'interviewed';
  if (interviews && interviews.started > 0) return 'interviewing';
  const [prescreened] = await tx.select({ id: prescreenings.id }).from(prescreenings).where(eq(prescreenings.caseId, caseId)).limit(1);
  return prescreened ? 'prescreened' : 'none';
}
