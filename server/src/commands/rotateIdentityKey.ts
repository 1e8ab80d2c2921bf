import { sql } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import { rowsOf, type Tx } from '../db/client.js';

/**
 * Every column holding key-ring ciphertext, by table. A new encrypted column must be listed
 * here, or rotation would leave it under the retiring key (the test checks the schema for this).
 */
export const ENCRYPTED_COLUMNS: Record<string, readonly string[]> = {
  persons: ['given_name_enc', 'family_name_enc', 'name_as_written_enc', 'birth_date_enc', 'address_enc'],
  person_names: ['name_enc'],
  person_documents: ['number_enc'],
  person_contacts: ['value_enc'],
  cases: ['intake_narrative_enc', 'form_identity_enc'],
  perpetrators: ['name_enc'],
  case_comments: ['body_enc'],
  attachments: ['file_name_enc'],
  identification_interviews: ['account_enc'],
  interpreter_requests: ['interpreter_name_enc'],
  consents: ['guardian_name_enc'],
  users: ['totp_secret_enc'],
  htcds_imports: ['file_name_enc'],
};

/**
 * Re-encrypts every identity value not yet under the key ring's active key. Values are read
 * with whichever key wrote them, so it can run while the app serves, and be run again safely.
 * Returns how many rows changed per table.
 */
export async function rotateIdentityKey(tx: Tx, keyRing: KeyRing): Promise<Record<string, number>> {
  const reencrypt = (value: string | null) =>
    value && keyRing.keyIdOf(value) !== keyRing.activeKeyId ? keyRing.encrypt(keyRing.decrypt(value)) : value;
  const counts: Record<string, number> = {};
  for (const [table, columns] of Object.entries(ENCRYPTED_COLUMNS)) {
    counts[table] = 0;
    const selected = sql.join(
      columns.map((column) => sql.identifier(column)),
      sql`, `,
    );
    const rows = rowsOf<Record<string, string | null> & { id: string }>(
      await tx.execute(sql`select id::text as id, ${selected} from ${sql.identifier(table)}`),
    );
    for (const row of rows) {
      const changed = columns.filter((column) => reencrypt(row[column] ?? null) !== (row[column] ?? null));
      if (!changed.length) continue;
      const assignments = sql.join(
        changed.map((column) => sql`${sql.identifier(column)} = ${reencrypt(row[column] ?? null)}`),
        sql`, `,
      );
      await tx.execute(sql`update ${sql.identifier(table)} set ${assignments} where id = ${row.id}::uuid`);
      counts[table]++;
    }
  }
  return counts;
}
