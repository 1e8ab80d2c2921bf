import { eq } from 'drizzle-orm';
import { asSystem } from '../src/db/actorContext.js';
import { cases } from '../src/db/schema/index.js';
import type { TestApp } from './harness.js';

/**
 * Moves a case's opening back by some days, as for a case opened before the interview or
 * decision a test records on a past date (intake comes first; the API always opens a case now).
 */
export async function openedDaysAgo(t: Pick<TestApp, 'database'>, caseId: string, days: number): Promise<void> {
  await asSystem(t.database.db, (tx) =>
    tx
      .update(cases)
      .set({ openedAt: new Date(Date.now() - days * 86_400_000) })
      .where(eq(cases.id, caseId)),
  );
}
