import type { IdentificationProgress } from '@seamless/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from './client.js';
import { identificationInterviews, prescreenings } from './schema/index.js';

/**
 * How far identification has gone on a case, counted under the reader's row-level security in one
 * statement: the journey on the case page needs only this, not the records, so nothing of them is
 * read or decrypted.
 */
export async function identificationProgressOf(tx: Tx, caseId: string): Promise<IdentificationProgress> {
  const [counts] = await tx
    .select({
      started: sql<number>`count(*)::int`,
      completed: sql<number>`count(*) filter (where ${identificationInterviews.status} = 'completed')::int`,
      prescreened: sql<boolean>`exists (select 1 from ${prescreenings} where ${prescreenings.caseId} = ${caseId})`,
    })
    .from(identificationInterviews)
    .where(eq(identificationInterviews.caseId, caseId));
  if (counts && counts.completed > 0) return 'interviewed';
  if (counts && counts.started > 0) return 'interviewing';
  return counts?.prescreened ? 'prescreened' : 'none';
}
