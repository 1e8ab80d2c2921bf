import type { FigureCell, FigureQuery, FigureTable, StatisticBreakdown } from '@seamless/contracts';
import { COUNTRY_TIME_ZONES } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../db/client.js';
import {
  ageBandsOf,
  countedUnitOf,
  POPULATION,
  ratePer100k,
  type ServerStatisticDefinition,
  STATISTIC_DEFINITIONS,
} from './definitions.js';
import { SUPPRESSION_THRESHOLD, suppressTable } from './suppression.js';

type Counts = Map<string, number>;
const keyOf = (keys: readonly string[]) => JSON.stringify(keys);

/** Grouped counts from the database (migration 0026): breakdown values and a number, nothing else. */
async function countsBy(
  tx: Tx,
  definition: ServerStatisticDefinition,
  query: FigureQuery,
  countryCode: string,
  by: readonly StatisticBreakdown[],
): Promise<{ keys: string[]; value: number }[]> {
  const child = query.child === undefined ? null : query.child === 'true' ? 'child' : 'adult';
  const rows = rowsOf<{ keys: string[]; value: string | number }>(
    await tx.execute(
      sql`select keys, value from statistic_counts(${definition.records}, ${countedUnitOf(definition)}, ${query.from}::date, ${query.to}::date,
      ${JSON.stringify(by)}::jsonb, ${query.agencyId ?? null}::uuid, ${child}::text, ${query.sex ?? null}::text,
      ${JSON.stringify(ageBandsOf(countryCode))}::jsonb, ${COUNTRY_TIME_ZONES[countryCode] ?? 'UTC'}::text)`,
    ),
  );
  return rows.map((row) => ({ keys: row.keys, value: Number(row.value) }));
}

/**
 * A total over one breakdown counts each person once, so it may be less than the sum of its
 * cells (a person identified in two years is one person of the two-year period). The suppression
 * pattern is decided on the additive table; the distinct totals then replace the sums. Publishing
 * a smaller total than the sum only weakens what a reader can work out, and one below the
 * threshold is hidden too.
 */
function withDistinctTotal(published: FigureCell, distinct: Counts): FigureCell {
  if (published.suppressed) return published;
  const value = distinct.get(keyOf(published.keys)) ?? 0;
  return value > 0 && value < SUPPRESSION_THRESHOLD ? { keys: published.keys, value: null, suppressed: true } : { ...published, value };
}

const asMap = (rows: { keys: string[]; value: number }[], index?: number): Counts =>
  new Map(rows.map((row) => [keyOf(index === undefined ? row.keys : [row.keys[index]!]), row.value]));

function asRate(cell: FigureCell, population: number | undefined): FigureCell {
  if (cell.value === null) return cell;
  return { ...cell, value: population ? ratePer100k(cell.value, population) : null };
}

/**
 * One figure for the reader's country (or one agency of it): counted by the database, small
 * cells suppressed, a rate computed from the published counts. A figure whose records do not
 * exist yet answers "no data recorded": no cells and a null total, never 0.
 */
export async function computeFigure(tx: Tx, query: FigureQuery, countryCode: string): Promise<FigureTable> {
  const definition = STATISTIC_DEFINITIONS[query.statistic];
  const by = query.by ?? [];
  const frame = {
    statistic: definition.key,
    unit: definition.unit,
    availability: definition.availability,
    from: query.from,
    to: query.to,
    by,
    threshold: SUPPRESSION_THRESHOLD,
  };
  if (definition.availability === 'not_recorded' || definition.records === null) {
    return { ...frame, cells: [], margins: by.length === 2 ? [[], []] : [], total: { keys: [], value: null, suppressed: false } };
  }
  const cells = await countsBy(tx, definition, query, countryCode, by);
  const totals = by.length === 0 ? cells : await countsBy(tx, definition, query, countryCode, []);
  const total = asMap(totals.length ? totals : [{ keys: [], value: 0 }]);
  const margins =
    by.length === 2
      ? [
          asMap(await countsBy(tx, definition, query, countryCode, [by[0]!]), 0),
          asMap(await countsBy(tx, definition, query, countryCode, [by[1]!]), 0),
        ]
      : [];
  const suppressed = suppressTable(
    { by, cells: by.length === 0 && cells.length === 0 ? [{ keys: [], value: 0 }] : cells },
    SUPPRESSION_THRESHOLD,
  );
  const table = {
    cells: suppressed.cells,
    margins: suppressed.margins.map((line, index) => line.map((cell) => withDistinctTotal(cell, margins[index]!))),
    total: withDistinctTotal(suppressed.total, total),
  };
  if (definition.unit !== 'rate_per_100k') return { ...frame, ...table };
  const population = POPULATION[countryCode]?.population;
  return {
    ...frame,
    cells: table.cells.map((cell) => asRate(cell, population)),
    margins: table.margins.map((line) => line.map((cell) => asRate(cell, population))),
    total: asRate(table.total, population),
  };
}
