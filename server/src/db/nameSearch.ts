import { sql } from 'drizzle-orm';
import { nameKeysOf } from '../matching/nameKeys.js';
import { rowsOf, type Tx } from './client.js';

/** A search for a case reference (`TH-2024-…`) rather than a name. */
export const looksLikeCaseReference = (q: string) => /^[A-Z]{2}-\d{4}-/i.test(q);

/**
 * Persons whose names resemble `name` in any script or spelling, among those the actor may
 * see (the search function applies the same visibility rule as row-level security).
 */
export async function matchingPersonIds(tx: Tx, name: string, limit = 200): Promise<string[]> {
  const keys = nameKeysOf(name);
  if (!keys.searchKey && !keys.phoneticKey) return [];
  const rows = rowsOf<{ person_id: string }>(
    await tx.execute(sql`select distinct person_id from match_person_names(${keys.searchKey}, ${keys.phoneticKey}, ${limit})`),
  );
  return rows.map((row) => row.person_id);
}
