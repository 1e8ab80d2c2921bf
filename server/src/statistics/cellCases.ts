import type { CaseSummary, FigureCellCasesQuery, StatisticBreakdown } from '@seamless/contracts';
import { COUNTRY_TIME_ZONES } from '@seamless/contracts';
import { and, asc, inArray, sql } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import { rowsOf, type Tx } from '../db/client.js';
import { cases } from '../db/schema/index.js';
import { caseListFilter, loadCaseViews } from '../db/visibleCases.js';
import type { Actor } from '../policies/actor.js';
import { presentCaseSummary } from '../presenters/case.js';
import { breakdownValuesFor } from './breakdownValues.js';
import { ageBandsOf, STATISTIC_DEFINITIONS } from './definitions.js';

/** One cell of a figure: the figure's query and the cell's breakdown values, without paging. */
export type CellQuery = Omit<FigureCellCasesQuery, 'page' | 'pageSize'>;

/** A case behind a cell and the earliest date of its records that falls in the cell. */
export interface CellCase {
  caseId: string;
  /** The person counted, after merges. */
  personId: string;
  countedOn: string;
}

/**
 * The cases behind one cell of a figure, newest first, as the reader's row-level security leaves
 * them: the same record selection as the published count (migration 0038), so what she sees is a
 * part of that count and never more. A figure whose records do not exist yet has none.
 */
export async function casesBehindCell(tx: Tx, query: CellQuery, countryCode: string): Promise<CellCase[]> {
  const { records } = STATISTIC_DEFINITIONS[query.statistic];
  if (records === null) return [];
  const rows = rowsOf<{ case_id: string; person_id: string; counted_on: string }>(
    await tx.execute(
      sql`select case_id, person_id, dated_on::text as counted_on from statistic_cell_cases(${records}, ${query.from}::date, ${query.to}::date,
      ${JSON.stringify(query.by ?? [])}::jsonb, ${JSON.stringify(query.keys ?? [])}::jsonb, ${query.agencyId ?? null}::uuid,
      ${query.child === undefined ? null : query.child === 'true' ? 'child' : 'adult'}::text, ${query.sex ?? null}::text,
      ${JSON.stringify(ageBandsOf(countryCode))}::jsonb, ${COUNTRY_TIME_ZONES[countryCode] ?? 'UTC'}::text)
      order by dated_on desc, case_id`,
    ),
  );
  return rows.map((row) => ({ caseId: row.case_id, personId: row.person_id, countedOn: row.counted_on }));
}

/** Cases as the case list shows them to this reader, by id; one the list would not show is left out. */
export async function caseSummariesOf(tx: Tx, actor: Actor, keyRing: KeyRing, caseIds: string[]): Promise<Map<string, CaseSummary>> {
  if (caseIds.length === 0) return new Map();
  const where = and(inArray(cases.id, caseIds), caseListFilter(actor, { scope: 'all' }));
  const views = await loadCaseViews(tx, actor, where, [asc(cases.id)], caseIds.length, 0);
  return new Map(views.map((view) => [view.kase.id, presentCaseSummary(view, actor, keyRing)]));
}

/** The first value that is not one of its breakdown's (a line a figure cannot have), as a message, or null. */
export async function cellKeyProblem(
  tx: Tx,
  countryCode: string,
  period: { from: string; to: string },
  by: readonly StatisticBreakdown[],
  keys: readonly string[],
): Promise<string | null> {
  const values = await breakdownValuesFor(tx, countryCode, period);
  const position = keys.findIndex((key, index) => !values[by[index]!].includes(key));
  return position < 0 ? null : `"${keys[position]}" is not a value of ${by[position]} for this figure and period.`;
}
