import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';

/**
 * Serialises everything that counts a unit's beds — admissions, transfers in, its manager's
 * edits — until the transaction ends, so two workers never both take its last bed. An advisory
 * lock, because the placing social worker may read the unit row but not lock it.
 */
export async function lockUnitBeds(tx: Tx, unitId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`shelter_unit:${unitId}`}))`);
}
