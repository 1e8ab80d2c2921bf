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

/**
 * A breakdown whose values are more than a reader takes in (nationalities, provinces). Of its
 * hundreds of values nearly all have no record, and noise alone would lift one or two of them
 * over the threshold in every release — a country no victim came from. So a line of such a
 * breakdown is shown only when its noisy count reaches a bar that noise alone crosses for fewer
 * than one value in a hundred releases.
 */
const LONG_BREAKDOWN = 20;
export const longBar = (values: number, share: number) => Math.max(SUPPRESSION_THRESHOLD, Math.ceil(Math.log(values * 100) / share));

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
 * below zero is zero, below the threshold is shown as hidden, and a line of a long breakdown is
 * shown only when its noisy count clears the long bar, which the table states (`listedFrom`).
 * Nothing is suppressed for what it would reveal: the noise protects every number alike.
 * `releaseEpsilon` is what the whole release spends, printed beside the table's own.
 */
export async function privateFigure(
  tx: Tx,
  query: { statistic: StatisticKey; from: string; to: string; by: StatisticBreakdown[] },
  countryCode: string,
  privacy: { epsilon: number; releaseEpsilon: number },
  uniform: Uniform = SECURE_UNIFORM,
): Promise<FigureTable> {
  const definition = STATISTIC_DEFINITIONS[query.statistic];
  const { by } = query;
  const parts = by.length === 2 ? 4 : by.length === 1 ? 2 : 1;
  const share = privacy.epsilon / parts;
  const noise = { ...privacy, typicalError: Math.round(geometricNoiseSpread(share) * 10) / 10 };
  const frame = figureFrame(query, { adjustment: 0, differentialPrivacy: noise });
  const unrecorded = unrecordedTable(frame);
  if (unrecorded) return unrecorded;
  const counts = await unitCounts(tx, query.statistic, query, by, countryCode);
  const values = await breakdownValuesFor(tx, countryCode, query);
  const [rows = [], columns = []] = by.map((breakdown) => values[breakdown]);
  const barOf = (keys: readonly string[]) => (keys.length > LONG_BREAKDOWN ? longBar(keys.length, share) : 0);
  const listed = { ...frame, differentialPrivacy: { ...noise, listedFrom: [rows, columns].slice(0, by.length).map(barOf) } };
  const trueCount = (keys: string[]) => counts.get(keyOf(keys)) ?? 0;
  const population = POPULATION[countryCode]?.population;
  const noisy = (count: number) => Math.max(0, count + geometricNoise(share, uniform));
  const published = (keys: string[], value: number): FigureCell => {
    if (value < SUPPRESSION_THRESHOLD) return { keys, value: null, suppressed: true };
    if (definition.unit !== 'rate_per_100k') return { keys, value, suppressed: false };
    return { keys, value: population ? ratePer100k(value, population) : null, suppressed: false };
  };
  /** A line of a breakdown and its noisy count; `shown` is whether it clears the bar its breakdown sets. */
  const lines = (keys: readonly string[], count: (key: string) => number) => {
    const bar = barOf(keys);
    return keys.map((key) => {
      const value = noisy(count(key));
      return { cell: published([key], value), shown: value >= bar };
    });
  };
  const total = published([], noisy(sumOf([...counts.values()])));
  if (by.length === 0) return { ...listed, cells: [total], margins: [], total };
  if (by.length === 1) {
    const cells = lines(rows, (row) => trueCount([row]));
    return { ...listed, cells: cells.filter((line) => line.shown).map((line) => line.cell), margins: [], total };
  }
  const rowLines = lines(rows, (row) => sumOf(columns.map((column) => trueCount([row, column]))));
  const columnLines = lines(columns, (column) => sumOf(rows.map((row) => trueCount([row, column]))));
  const shownKeys = (margin: typeof rowLines) => new Set(margin.filter((line) => line.shown).map((line) => line.cell.keys[0]!));
  const shownRows = shownKeys(rowLines);
  const shownColumns = shownKeys(columnLines);
  const cells = [...shownRows].flatMap((row) =>
    [...shownColumns].map((column) => published([row, column], noisy(trueCount([row, column])))),
  );
  return {
    ...listed,
    cells,
    margins: [rowLines, columnLines].map((margin) => margin.filter((line) => line.shown).map((line) => line.cell)),
    total,
  };
}

const sumOf = (counts: number[]) => counts.reduce((sum, count) => sum + count, 0);
