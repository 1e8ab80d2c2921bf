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
  const rows = rowsOf<{ keys: string[]; value: string | number }>(
    await tx.execute(
      sql`select keys, value from statistic_counts(${definition.records}, ${countedUnitOf(definition)}, ${query.from}::date, ${query.to}::date,
      ${JSON.stringify(by)}::jsonb, ${query.agencyId ?? null}::uuid, ${null}::text, ${null}::text,
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
  const filters = filtersOf(query);
  if (!filters.length) return computeTable(tx, query, countryCode);
  // A filter is the row of a table broken down by it, suppressed with the rows it hides: a filtered
  // total published on its own would give back a cell the full table hides (final probe P3).
  const full = await computeTable(
    tx,
    { ...query, child: undefined, sex: undefined, by: [...filters.map((filter) => filter.by), ...(query.by ?? [])] },
    countryCode,
  );
  return { ...sliceOf(full, filters), by: query.by ?? [] };
}

type Filter = { by: StatisticBreakdown; value: string };

function filtersOf(query: FigureQuery): Filter[] {
  return [
    ...(query.sex === undefined ? [] : [{ by: 'sex' as const, value: query.sex }]),
    ...(query.child === undefined ? [] : [{ by: 'child' as const, value: query.child === 'true' ? 'child' : 'adult' }]),
  ];
}

const EMPTY_CELL = (keys: string[]): FigureCell => ({ keys, value: 0, suppressed: false });

/** The part of a one- or two-way table that the filters select, as the table of the remaining breakdown. */
function sliceOf(full: FigureTable, filters: Filter[]): FigureTable {
  if (full.availability === 'not_recorded') return full;
  const find = (cells: FigureCell[], keys: string[]) => cells.find((cell) => keyOf(cell.keys) === keyOf(keys)) ?? EMPTY_CELL(keys);
  // Every breakdown of the full table a filter: the answer is its one cell.
  if (full.by.length === filters.length) {
    const only = {
      ...find(
        full.cells,
        filters.map((each) => each.value),
      ),
      keys: [],
    };
    return { ...full, cells: [only], margins: [], total: only };
  }
  const [filter] = filters as [Filter];
  return {
    ...full,
    cells: full.cells.filter((cell) => cell.keys[0] === filter.value).map((cell) => ({ ...cell, keys: cell.keys.slice(1) })),
    margins: [],
    total: { ...find(full.margins[0] ?? [], [filter.value]), keys: [] },
  };
}

async function computeTable(tx: Tx, query: FigureQuery, countryCode: string): Promise<FigureTable> {
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
