import { sql } from 'drizzle-orm';
import type { CipherBinding, KeyRing } from '../crypto/keyRing.js';
import { asSystem } from '../db/actorContext.js';
import { type Db, rowsOf, type Tx } from '../db/client.js';

/** Rows re-encrypted per transaction: short enough never to hold locks the app would wait on. */
const BATCH = 500;

/**
 * Every column holding key-ring ciphertext, by table, read from the schema itself: an encrypted
 * column is named `…_enc`, so a new one is rotated without being listed anywhere.
 */
export async function encryptedColumns(tx: Tx): Promise<Map<string, string[]>> {
  const rows = rowsOf<{ table_name: string; column_name: string }>(
    await tx.execute(sql`select table_name, column_name from information_schema.columns
      where table_schema = 'public' and column_name like '%\\_enc' order by table_name, column_name`),
  );
  const columns = new Map<string, string[]>();
  for (const row of rows) columns.set(row.table_name, [...(columns.get(row.table_name) ?? []), row.column_name]);
  return columns;
}

/**
 * Tables whose ciphertexts are bound to another record than their own row: an identity version
 * holds copies of the person's values, read as hers.
 */
const BOUND_ELSEWHERE: Record<string, { table: string; idColumn: string }> = {
  person_identity_versions: { table: 'persons', idColumn: 'person_id' },
};

/**
 * Re-encrypts every identity value not yet under the key ring's active key, or still in the
 * format from before values were bound to their place (which it binds), a batch of rows per
 * transaction, walking each table in id order. Values are read with whichever key wrote them and
 * a value is replaced only if it is still the one read, so the app serves meanwhile and an edit
 * made during rotation is never overwritten. Stopped midway, a second run takes up what is left;
 * run again after finishing, it changes nothing. Returns how many rows changed per table.
 */
export async function rotateIdentityKey(
  db: Db,
  keyRing: KeyRing,
  { batchSize = BATCH }: { batchSize?: number } = {},
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [table, columns] of await asSystem(db, encryptedColumns)) {
    counts[table] = 0;
    const place = BOUND_ELSEWHERE[table] ?? { table, idColumn: 'id' };
    const bindingOf = (row: Record<string, string | null>, column: string): CipherBinding => ({
      table: place.table,
      column,
      id: row[place.idColumn]!,
    });
    const readable = (row: Record<string, string | null>, column: string) => {
      const stored = row[column]!;
      return keyRing.isUnbound(stored) ? keyRing.decryptUnbound(stored) : keyRing.decrypt(stored, bindingOf(row, column));
    };
    const activePrefix = keyRing.currentPrefix;
    const stale = sql.join(
      columns.map(
        (column) =>
          sql`(${sql.identifier(column)} is not null and left(${sql.identifier(column)}, ${activePrefix.length}) <> ${activePrefix})`,
      ),
      sql` or `,
    );
    const selected = sql.join(
      columns.map((column) => sql.identifier(column)),
      sql`, `,
    );
    let after: string | null = null;
    for (;;) {
      const changed = await asSystem(db, async (tx) => {
        const rows = rowsOf<Record<string, string | null> & { id: string }>(
          await tx.execute(sql`select ${place.idColumn === 'id' ? sql`id` : sql`${sql.identifier(place.idColumn)}, id`}, ${selected} from ${sql.identifier(table)}
            where ${after === null ? sql`true` : sql`id > ${after}`} and (${stale}) order by id limit ${batchSize}`),
        );
        let rewritten = 0;
        for (const row of rows) {
          const stillStale = columns.filter((column) => row[column] != null && !row[column]!.startsWith(activePrefix));
          const assignments = sql.join(
            stillStale.map((column) => sql`${sql.identifier(column)} = ${keyRing.encrypt(readable(row, column), bindingOf(row, column))}`),
            sql`, `,
          );
          const unchanged = sql.join(
            stillStale.map((column) => sql`${sql.identifier(column)} = ${row[column]}`),
            sql` and `,
          );
          const updated = await tx.execute(
            sql`update ${sql.identifier(table)} set ${assignments} where id = ${row.id} and ${unchanged} returning 1`,
          );
          if (rowsOf(updated).length) rewritten++;
        }
        return { rows: rows.length, last: rows.at(-1)?.id ?? null, rewritten };
      });
      counts[table] += changed.rewritten;
      if (changed.rows < batchSize || changed.last === null) break;
      after = changed.last;
    }
  }
  return counts;
}
