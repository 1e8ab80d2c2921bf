import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.js';

/**
 * The service directory's organisation a file names: by its name or local name, or by the name,
 * local name or acronym of the agency it lists — any casing. None when no single one is named.
 */
export async function directoryOrganisationNamed(tx: Tx, written: string): Promise<string | null> {
  const name = written.normalize('NFKC').trim().toLowerCase();
  const matches = rowsOf<{ id: string }>(
    await tx.execute(sql`select d.id from directory_organisations d left join agencies a on a.id = d.agency_id
      where d.active and ${name} in (lower(d.name), lower(d.local_name), lower(a.name), lower(a.local_name), lower(a.acronym))
      limit 2`),
  );
  return matches.length === 1 ? matches[0]!.id : null;
}
