import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from './client.js';

// What an agency may do with a person's identity, asked of the rules in migration 0006 so that
// route code and row-level security cannot disagree.

/**
 * The agency holds the identity section on a case of this person through ownership or a
 * consent-based share (emergency access is a reading, not a right to link).
 */
export async function agencyHoldsIdentity(tx: Tx, agencyId: string, personId: string): Promise<boolean> {
  const [row] = rowsOf<{ holds: boolean }>(
    await tx.execute(sql`select exists (select 1 from cases c where c.person_id = ${personId}
      and (c.owner_agency_id = ${agencyId} or agency_granted_case(${agencyId}::uuid, c.id, 'identity'))) as holds`),
  );
  return row?.holds === true;
}

/**
 * The agency may correct this person's record: it owns a case of hers, or holds identity on every
 * case she has (see agency_writes_identity, migration 0029).
 */
export async function agencyWritesIdentity(tx: Tx, agencyId: string, personId: string): Promise<boolean> {
  const [row] = rowsOf<{ writes: boolean }>(
    await tx.execute(sql`select agency_writes_identity(${agencyId}::uuid, ${personId}::uuid) as writes`),
  );
  return row?.writes === true;
}

/** The agency may merge this person's record with another: it holds identity on every case she has. */
export async function agencyMergesIdentity(tx: Tx, agencyId: string, personId: string): Promise<boolean> {
  const [row] = rowsOf<{ merges: boolean }>(
    await tx.execute(sql`select agency_merges_identity(${agencyId}::uuid, ${personId}::uuid) as merges`),
  );
  return row?.merges === true;
}
