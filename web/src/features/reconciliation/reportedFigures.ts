import type { AgeBand, StatisticSubmissionRequest, SubmittedCell } from '@seamless/contracts';
import { breakdownValues } from './breakdownValues';
import { type FigureChoice, figureFields, type ReportedBreakdown } from './figureChoice';

/** A number input's value as Mantine's NumberInput gives it: empty until something is typed. */
export type Count = number | '';

/**
 * How the inputs of a submission are laid out, beside the total that is always asked for. A
 * breakdown with few values (sex, quarter) has an input for each; one with too many to list
 * (nationality, province) has a line for each value the agency reported, which the reader adds.
 */
export type EntryLayout =
  | { kind: 'total' }
  | { kind: 'closed'; breakdown: ReportedBreakdown; values: string[] }
  | { kind: 'open'; breakdown: ReportedBreakdown };

/** A line the reader added: the value of the open breakdown, `null` until chosen. */
export interface AddedLine {
  id: string;
  value: string | null;
}

/** The numbers typed for one breakdown: a different breakdown starts afresh, since its inputs mean other things. */
export interface ReportedEntries {
  lines: AddedLine[];
  /** By input id (see `inputId`). */
  counts: Record<string, Count>;
}

export const EMPTY_ENTRIES: ReportedEntries = { lines: [], counts: {} };

/**
 * The input of one number: a closed value's, or an added line's by its id. Named apart from the
 * fields its problems are shown beside (`source`, `total`), whatever the value is called.
 */
export const inputId = (valueOrLine: string) => `cell:${valueOrLine}`;
export const TOTAL_INPUT = 'total';

/** A new empty line, numbered after the highest so that a removed line's inputs never come back. */
export function addLine(entries: ReportedEntries): ReportedEntries {
  const next = Math.max(0, ...entries.lines.map((line) => Number(line.id))) + 1;
  return { ...entries, lines: [...entries.lines, { id: String(next), value: null }] };
}

/** Removes a line and the number typed on it. */
export function removeLine(entries: ReportedEntries, id: string): ReportedEntries {
  const counts = Object.fromEntries(Object.entries(entries.counts).filter(([input]) => input !== inputId(id)));
  return { lines: entries.lines.filter((line) => line.id !== id), counts };
}

export function setLineValue(entries: ReportedEntries, id: string, value: string | null): ReportedEntries {
  return { ...entries, lines: entries.lines.map((line) => (line.id === id ? { ...line, value } : line)) };
}

export const setCount = (entries: ReportedEntries, input: string, count: Count): ReportedEntries => ({
  ...entries,
  counts: { ...entries.counts, [input]: count },
});

/** The inputs for the chosen breakdown's values within the period, or the total alone without one. */
export function entryLayout(
  breakdown: ReportedBreakdown | null,
  period: { from: string; to: string },
  ageBands: readonly AgeBand[],
): EntryLayout {
  if (breakdown === null) return { kind: 'total' };
  const values = breakdownValues(breakdown, period, ageBands);
  return values === null ? { kind: 'open', breakdown } : { kind: 'closed', breakdown, values };
}

/** An input and the keys of the cell it makes once a number is typed in it. */
interface CellInput {
  input: string;
  keys: string[];
}

/** A line whose value is not chosen yet keeps an empty key, for the check to point at that line. */
function cellInputs(layout: EntryLayout, entries: ReportedEntries): CellInput[] {
  switch (layout.kind) {
    case 'total':
      return [];
    case 'closed':
      return layout.values.map((value) => ({ input: inputId(value), keys: [value] }));
    case 'open':
      return entries.lines.map((line) => ({ input: inputId(line.id), keys: [(line.value ?? '').trim()] }));
  }
}

interface Entered {
  cells: SubmittedCell[];
  /** The input behind each cell, so that a problem with `cells.3` shows beside the right input. */
  inputs: string[];
}

/** The cells the reader filled in: an empty input is "not reported", never 0. */
export function enteredCells(layout: EntryLayout, entries: ReportedEntries): Entered {
  const entered: Entered = { cells: [], inputs: [] };
  for (const { input, keys } of cellInputs(layout, entries)) {
    const value = entries.counts[input];
    if (typeof value !== 'number') continue;
    entered.cells.push({ keys, value });
    entered.inputs.push(input);
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
