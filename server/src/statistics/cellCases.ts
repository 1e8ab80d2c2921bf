import type { FigureCellCasesQuery } from '@seamless/contracts';
import { COUNTRY_TIME_ZONES } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../db/client.js';
import { ageBandsOf, STATISTIC_DEFINITIONS } from './definitions.js';

/** A case behind a cell and the earliest date of its records that falls in the cell. */
export interface CellCase {
  caseId: string;
  countedOn: string;
}

/**
 * The cases behind one cell of a figure, newest first, as the reader's row-level security leaves
 * them: the same record selection as the published count (migration 0038), so what she sees is a
 * part of that count and never more. A figure whose records do not exist yet has none.
 */
export async function casesBehindCell(tx: Tx, query: FigureCellCasesQuery, countryCode: string): Promise<CellCase[]> {
  const { records } = STATISTIC_DEFINITIONS[query.statistic];
  if (records === null) return [];
  const rows = rowsOf<{ case_id: string; counted_on: string }>(
    await tx.execute(
      sql`select case_id, dated_on::text as counted_on from statistic_cell_cases(${records}, ${query.from}::date, ${query.to}::date,
      ${JSON.stringify(query.by ?? [])}::jsonb, ${JSON.stringify(query.keys ?? [])}::jsonb, ${query.agencyId ?? null}::uuid,
      ${query.child === undefined ? null : query.child === 'true' ? 'child' : 'adult'}::text, ${query.sex ?? null}::text,
      ${JSON.stringify(ageBandsOf(countryCode))}::jsonb, ${COUNTRY_TIME_ZONES[countryCode] ?? 'UTC'}::text)
      order by dated_on desc, case_id`,
    ),
  );
  return rows.map((row) => ({ caseId: row.case_id, countedOn: row.counted_on }));
}
