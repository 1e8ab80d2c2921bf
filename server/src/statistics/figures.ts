import type { FigureCell, FigureQuery, FigureTable, StatisticBreakdown, StatisticKey } from '@seamless/contracts';
import { COUNTRY_TIME_ZONES } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../db/client.js';
import { fieldError } from '../http/problem.js';
import {
  ageBandsOf,
  countedUnitOf,
  POPULATION,
  ratePer100k,
  type ServerStatisticDefinition,
  STATISTIC_DEFINITIONS,
} from './definitions.js';
import { adjustedCount, MAXIMUM_ADJUSTMENT } from './perturbation.js';
import { SUPPRESSION_THRESHOLD, suppressTable } from './suppression.js';

/** A true count and the key its records give (migration 0035), by the cell's keys. */
interface Count {
  keys: string[];
  value: number;
  cellKey: number;
}
type Counts = Map<string, Count>;
/** A count of one grouping set: null where its breakdown was summed over. */
type GroupedCount = Omit<Count, 'keys'> & { keys: (string | null)[] };

/**
 * The most non-zero cells one table publishes: more than a reader can take in, and suppression's
 * cost grows steeply with them (9,668 cells held the server 21.7 s in the final probe, F5).
 */
export const MOST_PUBLISHED_CELLS = 1500;
const keyOf = (keys: readonly string[]) => JSON.stringify(keys);

/**
 * Grouped counts from the database (migrations 0026, 0035, 0037): breakdown values, a number and
 * its cell key, nothing else. One pass gives the cells and every total over them; a key summed
 * over arrives as null. A set without records (the grand total of nothing) is left out. The
 * function's agency, child and sex arguments stay unused: filters are slices of the whole table.
 */
async function countsBy(
  tx: Tx,
  definition: ServerStatisticDefinition,
  query: FigureQuery,
  countryCode: string,
  by: readonly StatisticBreakdown[],
): Promise<GroupedCount[]> {
  const ageBands = JSON.stringify(ageBandsOf(countryCode));
  const timeZone = COUNTRY_TIME_ZONES[countryCode] ?? 'UTC';
  // Cases opened are counted from their rows kept beside each case (migration 0053), the other figures from their records.
  const counted =
    definition.records === 'case_openings'
      ? sql`select keys, value, cell_key from case_opening_counts(${query.from}::date, ${query.to}::date, ${JSON.stringify(by)}::jsonb,
      ${ageBands}::jsonb, ${timeZone}::text)`
      : sql`select keys, value, cell_key from statistic_counts(${definition.records}, ${countedUnitOf(definition)}, ${query.from}::date, ${query.to}::date,
      ${JSON.stringify(by)}::jsonb, ${null}::uuid, ${null}::text, ${null}::text, ${ageBands}::jsonb, ${timeZone}::text)`;
  const rows = rowsOf<{ keys: (string | null)[]; value: string | number; cell_key: string | number }>(await tx.execute(counted));
  return rows.map((row) => ({ keys: row.keys, value: Number(row.value), cellKey: Number(row.cell_key) })).filter((row) => row.value > 0);
}

/** The rows of one grouping set: those whose keys are given exactly at `kept` (positions in `by`). */
function groupingSet(rows: GroupedCount[], kept: number[]): Count[] {
  return rows
    .filter((row) => row.keys.every((key, position) => (key !== null) === kept.includes(position)))
    .map((row) => ({ ...row, keys: kept.map((position) => row.keys[position] as string) }));
}

/** How shown counts are published: adjusted by their cell keys, by at most `adjustment`. */
export interface Publication {
  adjust: (count: number, cellKey: number) => number;
  adjustment: number;
}

export const ADJUSTED: Publication = { adjust: adjustedCount, adjustment: MAXIMUM_ADJUSTMENT };

/** A cell as published: hidden stays hidden, a shown count carries its adjustment. */
function adjusted(published: FigureCell, count: Count | undefined, publication: Publication): FigureCell {
  if (published.suppressed || published.value === null || count === undefined) return published;
  return { ...published, value: publication.adjust(count.value, count.cellKey) };
}

/**
 * A total over one breakdown counts each person once, so it may be less than the sum of its
 * cells (a person identified in two years is one person of the two-year period). The suppression
 * pattern is decided on the additive table; the distinct totals then replace the sums. Publishing
 * a smaller total than the sum only weakens what a reader can work out, and one below the
 * threshold is hidden too.
 */
function withDistinctTotal(published: FigureCell, distinct: Counts, publication: Publication): FigureCell {
  if (published.suppressed) return published;
  const count = distinct.get(keyOf(published.keys));
  if (count === undefined) return { ...published, value: 0 };
  return count.value < SUPPRESSION_THRESHOLD
    ? { keys: published.keys, value: null, suppressed: true }
    : adjusted({ ...published, value: count.value }, count, publication);
}

const asMap = (rows: Count[]): Counts => new Map(rows.map((row) => [keyOf(row.keys), row]));

function asRate(cell: FigureCell, population: number | undefined): FigureCell {
  if (cell.value === null) return cell;
  return { ...cell, value: population ? ratePer100k(cell.value, population) : null };
}

/**
 * One figure for the reader's country (or one agency of it): counted by the database, small
 * cells suppressed, shown counts adjusted, a rate computed from the published counts. A figure
 * whose records do not exist yet answers "no data recorded": no cells and a null total, never 0.
 */
export async function computeFigure(
  tx: Tx,
  query: FigureQuery,
  countryCode: string,
  publication: Publication = ADJUSTED,
): Promise<FigureTable> {
  const filters = filtersOf(query);
  if (!filters.length) return computeTable(tx, query, countryCode, publication);
  // A filter is the row of a table broken down by it, suppressed with the rows it hides: a filtered
  // total published on its own would give back a cell the full table hides (final probe P3).
  const full = await computeTable(
    tx,
    { ...query, child: undefined, sex: undefined, agencyId: undefined, by: [...filters.map((filter) => filter.by), ...(query.by ?? [])] },
    countryCode,
    publication,
  );
  return { ...sliceOf(full, filters), by: query.by ?? [] };
}

type Filter = { by: StatisticBreakdown; value: string };

function filtersOf(query: FigureQuery): Filter[] {
  return [
    ...(query.sex === undefined ? [] : [{ by: 'sex' as const, value: query.sex }]),
    ...(query.child === undefined ? [] : [{ by: 'child' as const, value: query.child === 'true' ? 'child' : 'adult' }]),
    ...(query.agencyId === undefined ? [] : [{ by: 'agency' as const, value: query.agencyId }]),
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

/**
 * In a two-way table, a row or column holding a hidden cell shows no zero either: were zeros
 * shown, a row whose only non-zero cell is hidden would name that cell's column — the form of
 * exploitation of the one Japanese girl identified that month (final probe F1). Each combination
 * of such a line with the keys the table has, absent because it is zero, is published as hidden.
 */
function hideZerosBesideHidden(cells: FigureCell[]): FigureCell[] {
  const hidden = cells.filter((cell) => cell.suppressed && cell.keys.length === 2);
  if (hidden.length === 0) return cells;
  const rows = new Set(hidden.map((cell) => cell.keys[0]!));
  const columns = new Set(hidden.map((cell) => cell.keys[1]!));
  const present = new Set(cells.map((cell) => keyOf(cell.keys)));
  const rowKeys = [...new Set(cells.map((cell) => cell.keys[0]!))];
  const columnKeys = [...new Set(cells.map((cell) => cell.keys[1]!))];
  const masked = rowKeys.flatMap((row) =>
    columnKeys
      .filter((column) => (rows.has(row) || columns.has(column)) && !present.has(keyOf([row, column])))
      .map((column): FigureCell => ({ keys: [row, column], value: null, suppressed: true })),
  );
  return [...cells, ...masked];
}

type FigureFrame = Omit<FigureTable, 'cells' | 'margins' | 'total'>;

/** What a published table says of itself: which figure, period and breakdowns, and how it was protected. */
export function figureFrame(
  query: { statistic: StatisticKey; from: string; to: string; by?: StatisticBreakdown[] },
  protection: Pick<FigureTable, 'adjustment' | 'differentialPrivacy'>,
): FigureFrame {
  const definition = STATISTIC_DEFINITIONS[query.statistic];
  return {
    statistic: definition.key,
    unit: definition.unit,
    availability: definition.availability,
    from: query.from,
    to: query.to,
    by: query.by ?? [],
    threshold: SUPPRESSION_THRESHOLD,
    ...protection,
  };
}

/** A figure whose records are not kept yet: no cells and a null total, never 0; null when they are kept. */
export function unrecordedTable(frame: FigureFrame): FigureTable | null {
  const { records } = STATISTIC_DEFINITIONS[frame.statistic];
  if (frame.availability !== 'not_recorded' && records !== null) return null;
  return { ...frame, cells: [], margins: frame.by.length === 2 ? [[], []] : [], total: { keys: [], value: null, suppressed: false } };
}

async function computeTable(tx: Tx, query: FigureQuery, countryCode: string, publication: Publication): Promise<FigureTable> {
  const definition = STATISTIC_DEFINITIONS[query.statistic];
  const by = query.by ?? [];
  const frame = figureFrame(query, { adjustment: publication.adjustment });
  const unrecorded = unrecordedTable(frame);
  if (unrecorded) return unrecorded;
  const rows = await countsBy(tx, definition, query, countryCode, by);
  const cells = groupingSet(
    rows,
    by.map((_, position) => position),
  );
  // Suppression weighs every hidden cell against all the others and holds the server while it does.
  if (cells.length > MOST_PUBLISHED_CELLS)
    throw fieldError(
      400,
      'validation_failed',
      'query.by',
      `This figure is counted from a table of ${cells.length} numbers (filters count as breakdowns), more than ${MOST_PUBLISHED_CELLS}: choose a shorter period or a coarser breakdown.`,
    );
  const total = asMap(groupingSet(rows, []));
  const margins = by.length === 2 ? [asMap(groupingSet(rows, [0])), asMap(groupingSet(rows, [1]))] : [];
  const suppressed = suppressTable(
    { by, cells: by.length === 0 && cells.length === 0 ? [{ keys: [], value: 0 }] : cells },
    SUPPRESSION_THRESHOLD,
  );
  const counted = asMap(cells);
  const table = {
    cells: hideZerosBesideHidden(suppressed.cells.map((cell) => adjusted(cell, counted.get(keyOf(cell.keys)), publication))),
    margins: suppressed.margins.map((line, index) => line.map((cell) => withDistinctTotal(cell, margins[index]!, publication))),
    total: withDistinctTotal(suppressed.total, total, publication),
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
