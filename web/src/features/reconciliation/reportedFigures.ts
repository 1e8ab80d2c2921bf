import type { AgeBand, StatisticBreakdown, StatisticSubmissionRequest, SubmittedCell } from '@seamless/contracts';
import { breakdownValues } from './breakdownValues';
import { type FigureChoice, figureFields } from './figureChoice';

/** A number input's value as Mantine's NumberInput gives it: empty until something is typed. */
export type Count = number | '';

/**
 * How the inputs of a submission are laid out. With only closed breakdowns every combination has
 * its input (rows by the first, columns by the second). With an open one the reader adds a line
 * per value the agency reported (a nationality, a province), and a closed one beside it, if any,
 * gives that line's columns.
 */
export type EntryLayout =
  | { kind: 'total' }
  | { kind: 'fixed'; rowBreakdown: StatisticBreakdown; rows: string[]; columns: Columns | null }
  | { kind: 'added'; open: OpenPosition[]; columns: Columns | null };

export interface Columns {
  breakdown: StatisticBreakdown;
  /** The breakdown's place in `by`, where its value goes in a cell's keys. */
  position: number;
  values: string[];
}

export interface OpenPosition {
  breakdown: StatisticBreakdown;
  position: number;
}

/** A line the reader added: the open breakdowns' values, by their place in `by`. */
export interface AddedLine {
  id: string;
  values: Partial<Record<number, string>>;
}

/** The numbers typed for one layout: a different choice of breakdowns starts afresh, since its inputs mean other things. */
export interface ReportedEntries {
  lines: AddedLine[];
  /** By input id (see `inputId`). */
  counts: Record<string, Count>;
}

export const EMPTY_ENTRIES: ReportedEntries = { lines: [], counts: {} };

/** A new empty line, numbered after the highest so that a removed line's inputs never come back. */
export function addLine(entries: ReportedEntries): ReportedEntries {
  const next = Math.max(0, ...entries.lines.map((line) => Number(line.id))) + 1;
  return { ...entries, lines: [...entries.lines, { id: String(next), values: {} }] };
}

/** Removes a line and the numbers typed on it. */
export function removeLine(entries: ReportedEntries, id: string): ReportedEntries {
  const counts = Object.fromEntries(Object.entries(entries.counts).filter(([input]) => JSON.parse(input)[0] !== id));
  return { lines: entries.lines.filter((line) => line.id !== id), counts };
}

export function setLineValue(entries: ReportedEntries, id: string, position: number, value: string | null): ReportedEntries {
  const lines = entries.lines.map((line) =>
    line.id === id ? { ...line, values: { ...line.values, [position]: value ?? undefined } } : line,
  );
  return { ...entries, lines };
}

export const setCount = (entries: ReportedEntries, input: string, count: Count): ReportedEntries => ({
  ...entries,
  counts: { ...entries.counts, [input]: count },
});

export function entryLayout(
  by: readonly StatisticBreakdown[],
  period: { from: string; to: string },
  ageBands: readonly AgeBand[],
): EntryLayout {
  const positions = by.map((breakdown, position) => ({ breakdown, position, values: breakdownValues(breakdown, period, ageBands) }));
  const open = positions.filter((each) => each.values === null).map(({ breakdown, position }) => ({ breakdown, position }));
  const closed = positions.flatMap(({ breakdown, position, values }) => (values === null ? [] : [{ breakdown, position, values }]));
  if (open.length > 0) return { kind: 'added', open, columns: closed[0] ?? null };
  const [rows, columns] = closed;
  if (!rows) return { kind: 'total' };
  return { kind: 'fixed', rowBreakdown: rows.breakdown, rows: rows.values, columns: columns ?? null };
}

/** One input: a row (a value, or an added line's id) and a column value where there are columns. */
export const inputId = (row: string, column: string | null = null) => JSON.stringify([row, column]);
export const TOTAL_INPUT = 'total';

/** The number typed in an input, or nothing when it was left empty. */
const countAt = (entries: ReportedEntries, id: string) => {
  const count = entries.counts[id];
  return typeof count === 'number' ? count : undefined;
};

interface Entered {
  cells: SubmittedCell[];
  /** The input behind each cell, so that a problem with `cells.3` shows beside the right input. */
  inputs: string[];
}

/**
 * The cells the reader filled in, keys in `by` order: an empty input is "not reported", never 0.
 * A line whose value is not chosen yet is sent with an empty key, for the check to point at it.
 */
export function enteredCells(layout: EntryLayout, entries: ReportedEntries): Entered {
  const entered: Entered = { cells: [], inputs: [] };
  const add = (keys: string[], id: string) => {
    const value = countAt(entries, id);
    if (value === undefined) return;
    entered.cells.push({ keys, value });
    entered.inputs.push(id);
  };
  if (layout.kind === 'fixed') {
    for (const row of layout.rows) {
      if (!layout.columns) add([row], inputId(row));
      else for (const column of layout.columns.values) add([row, column], inputId(row, column));
    }
  }
  if (layout.kind === 'added') {
    const width = layout.open.length + (layout.columns ? 1 : 0);
    for (const line of entries.lines) {
      const keys = (column: string | null) =>
        Array.from({ length: width }, (_, position) =>
          position === layout.columns?.position ? (column ?? '') : (line.values[position] ?? '').trim(),
        );
      if (!layout.columns) add(keys(null), inputId(line.id));
      else for (const column of layout.columns.values) add(keys(column), inputId(line.id, column));
    }
  }
  return entered;
}

/** The request as the contract names it, for the same check the server runs, and the inputs behind its cells. */
export function submissionRequest(
  choice: FigureChoice,
  layout: EntryLayout,
  entries: ReportedEntries,
  total: Count,
): { body: Record<keyof StatisticSubmissionRequest, unknown>; inputs: string[] } {
  const { cells, inputs } = enteredCells(layout, entries);
  return { body: { ...figureFields(choice), cells, total: typeof total === 'number' ? total : null }, inputs };
}
