import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../db/client.js';

/**
 * Writes the end of the reflection and recovery period on the case, unless it carries one: through
 * a database function, because the admitting shelter agency may not own the case. True if written.
 */
export async function noteReflectionEnd(tx: Tx, caseId: string, endsOn: string): Promise<boolean> {
  const [row] = rowsOf<{ noted: boolean }>(
    await tx.execute(sql`select app_note_reflection_end(${caseId}::uuid, ${endsOn}::date) as noted`),
  );
  return row?.noted ?? false;
}
