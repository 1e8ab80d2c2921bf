import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import { type PgColumn, PgJsonb, type PgTable } from 'drizzle-orm/pg-core';
import { rowsOf, type Tx } from './client.js';

type InsertOptions = {
  /** The unique column whose clash skips a row instead of failing the statement. */
  skipOnConflict?: PgColumn;
  /** Columns of the rows written to return, by the names the caller reads them as. */
  returning?: Record<string, PgColumn>;
};

/**
 * Many rows into one table as the records of one JSON parameter (`jsonb_populate_recordset`,
 * typed by the table's own row type): one round trip and one parameter whatever the batch size.
 * Drizzle's multi-row `values()` binds every cell as its own parameter, and parsing and binding
 * thousands of them cost more than the insert itself. Rows are keyed by the table's property names;
 * a column absent from every row takes its default.
 */
export async function insertRecordset<Row extends Record<string, unknown>>(
  tx: Tx,
  table: PgTable,
  rows: readonly Record<string, unknown>[],
  { skipOnConflict, returning }: InsertOptions = {},
): Promise<Row[]> {
  if (!rows.length) return [];
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((key) => rows.some((row) => row[key] !== undefined));
  for (const key of keys) if (!columns[key]) throw new Error(`insertRecordset: ${key} is not a column of the table`);
  const names = sql.raw(keys.map((key) => `"${columns[key]!.name}"`).join(', '));
  // A json column's value goes in as JSON itself; every other through the column's own driver mapping (dates, arrays).
  const records = rows.map((row) =>
    Object.fromEntries(
      keys.map((key) => {
        const value = row[key];
        const column = columns[key]!;
        return [column.name, value == null || column instanceof PgJsonb ? (value ?? null) : column.mapToDriverValue(value)];
      }),
    ),
  );
  const conflict: SQL = skipOnConflict ? sql` on conflict (${sql.identifier(skipOnConflict.name)}) do nothing` : sql``;
  const returned: SQL = returning
    ? sql` returning ${sql.raw(
        Object.entries(returning)
          .map(([as, column]) => `"${column.name}" as "${as}"`)
          .join(', '),
      )}`
    : sql``;
  const result = await tx.execute(
    sql`insert into ${table} (${names}) select ${names} from jsonb_populate_recordset(null::${table}, ${JSON.stringify(records)}::jsonb)${conflict}${returned}`,
  );
  return rowsOf<Row>(result);
}
