import { randomBytes } from 'node:crypto';
import type { FigureCell, FigureTable, StatisticBreakdown, StatisticKey } from '@seamless/contracts';
import { COUNTRY_TIME_ZONES } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../db/client.js';
import { breakdownValuesFor } from './breakdownValues.js';
import { ageBandsOf, countedUnitOf, POPULATION, ratePer100k, STATISTIC_DEFINITIONS } from './definitions.js';
import { figureFrame, unrecordedTable } from './figures.js';
import { SUPPRESSION_THRESHOLD } from './suppression.js';

/** A number in [0, 1) from the operating system's randomness: noise a reader could predict protects no one. */
export type Uniform = () => number;
const SECURE_UNIFORM: Uniform = () => randomBytes(6).readUIntBE(0, 6) / 2 ** 48;

/**
 * The two-sided geometric mechanism (Ghosh, Roughgarden and Sundararajan 2009), the discrete
 * Laplace: integer noise with P(k) ∝ e^(−ε·|k|), so a count one person changes by one is
 * ε-differentially private. The difference of two geometric draws has exactly that law.
 */
export function geometricNoise(epsilon: number, uniform: Uniform = SECURE_UNIFORM): number {
  const alpha = Math.exp(-epsilon);
  const draw = () => Math.floor(Math.log(1 - uniform()) / Math.log(alpha));
  return draw() - draw();
}

/** The standard deviation of that noise: √(2α)/(1−α). */
export const geometricNoiseSpread = (epsilon: number) => {
  const alpha = Math.exp(-epsilon);
  return Math.sqrt(2 * alpha) / (1 - alpha);
};

/** A breakdown whose values are more than a reader takes in: its rows all below the threshold are left out. */
const LONG_BREAKDOWN = 20;

const keyOf = (keys: readonly string[]) => JSON.stringify(keys);

async function unitCounts(
  tx: Tx,
  statistic: StatisticKey,
  period: { from: string; to: string },
  by: readonly StatisticBreakdown[],
  countryCode: string,
): Promise<Map<string, number>> {
  const definition = STATISTIC_DEFINITIONS[statistic];
  const rows = rowsOf<{ keys: string[]; value: string | number }>(
    await tx.execute(
      sql`select keys, value from statistic_unit_counts(${definition.records}, ${countedUnitOf(definition)}, ${period.from}::date,
      ${period.to}::date, ${JSON.stringify(by)}::jsonb, ${JSON.stringify(ageBandsOf(countryCode))}::jsonb,
      ${COUNTRY_TIME_ZONES[countryCode] ?? 'UTC'}::text)`,
    ),
  );
  return new Map(rows.map((row) => [keyOf(row.keys), Number(row.value)]));
}

/**
 * One table of a differentially private release. Each person is in exactly one cell (migration
 * 0041), so the cells, each line of margins and the total are each a count one person moves by
 * one: the table's ε is shared equally among them. Every value of every breakdown gets noise —
 * known in advance, so which rows exist says nothing — then the result is only post-processed:
 * below zero is zero, below the threshold is shown as hidden, and a line of a long breakdown
 * hidden throughout is left out. Nothing is suppressed for what it would reveal: the noise
 * protects every number alike.
 */
export async function privateFigure(
  tx: Tx,
  query: { statistic: StatisticKey; from: string; to: string; by: StatisticBreakdown[] },
  countryCode: string,
  epsilon: number,
  uniform: Uniform = SECURE_UNIFORM,
): Promise<FigureTable> {
  const definition = STATISTIC_DEFINITIONS[query.statistic];
  const { by } = query;
  const parts = by.length === 2 ? 4 : by.length === 1 ? 2 : 1;
  const share = epsilon / parts;
  const frame = figureFrame(query, {
    adjustment: 0,
    differentialPrivacy: { epsilon, typicalError: Math.round(geometricNoiseSpread(share) * 10) / 10 },
  });
  const unrecorded = unrecordedTable(frame);
  if (unrecorded) return unrecorded;
  const counts = await unitCounts(tx, query.statistic, query, by, countryCode);
  const values = await breakdownValuesFor(tx, countryCode, query);
  const [rows = [], columns = []] = by.map((breakdown) => values[breakdown]);
  const trueCount = (keys: string[]) => counts.get(keyOf(keys)) ?? 0;
  const population = POPULATION[countryCode]?.population;
  const publish = (keys: string[], count: number): FigureCell => {
    const noisy = Math.max(0, count + geometricNoise(share, uniform));
    if (noisy < SUPPRESSION_THRESHOLD) return { keys, value: null, suppressed: true };
    if (definition.unit !== 'rate_per_100k') return { keys, value: noisy, suppressed: false };
    return { keys, value: population ? ratePer100k(noisy, population) : null, suppressed: false };
  };
  const all = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const total = publish([], all);
  if (by.length === 0) return { ...frame, cells: [total], margins: [], total };
  if (by.length === 1) {
    const cells = rows.map((row) => publish([row], trueCount([row])));
    return { ...frame, cells: rows.length > LONG_BREAKDOWN ? cells.filter((cell) => !cell.suppressed) : cells, margins: [], total };
  }
  const rowMargins = rows.map((row) => publish([row], sumOf(columns.map((column) => trueCount([row, column])))));
  const columnMargins = columns.map((column) => publish([column], sumOf(rows.map((row) => trueCount([row, column])))));
  const cells = rows.flatMap((row) => columns.map((column) => publish([row, column], trueCount([row, column]))));
  const shownLines = (margins: FigureCell[], position: number, long: boolean) =>
    new Set(
      margins
        .filter((margin) => !long || !margin.suppressed || cells.some((cell) => cell.keys[position] === margin.keys[0] && !cell.suppressed))
        .map((margin) => margin.keys[0]!),
    );
  const shownRows = shownLines(rowMargins, 0, rows.length > LONG_BREAKDOWN);
  const shownColumns = shownLines(columnMargins, 1, columns.length > LONG_BREAKDOWN);
  return {
    ...frame,
    cells: cells.filter((cell) => shownRows.has(cell.keys[0]!) && shownColumns.has(cell.keys[1]!)),
    margins: [rowMargins.filter((cell) => shownRows.has(cell.keys[0]!)), columnMargins.filter((cell) => shownColumns.has(cell.keys[0]!))],
    total,
  };
}

const sumOf = (counts: number[]) => counts.reduce((sum, count) => sum + count, 0);
