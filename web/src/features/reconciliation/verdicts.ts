import {
  type FigureCell,
  RECONCILIATION_VERDICTS,
  type ReconciliationLine,
  type ReconciliationVerdict,
  type StatisticBreakdown,
} from '@seamless/contracts';
import type { KeyOrder } from '../statistics/figureGrid';

/** Colour only repeats what the badge says: agreement green, a difference to look into red, the rest muted. */
export const VERDICT_COLORS: Record<ReconciliationVerdict, string> = {
  agrees: 'green',
  within_adjustment: 'teal',
  differs: 'red',
  hidden: 'gray',
  not_reported: 'yellow',
  not_recorded: 'gray',
};

/** The verdicts that occur, in the contract's order, with how many lines each. */
export function summaryOf(summary: Partial<Record<ReconciliationVerdict, number>>): { verdict: ReconciliationVerdict; count: number }[] {
  return RECONCILIATION_VERDICTS.flatMap((verdict) => {
    const count = summary[verdict] ?? 0;
    return count > 0 ? [{ verdict, count }] : [];
  });
}

/** Lines in the order the figures show their values: calendar, the country's age bands, then by name. */
export function orderedLines(
  lines: readonly ReconciliationLine[],
  by: readonly StatisticBreakdown[],
  order: KeyOrder,
): ReconciliationLine[] {
  const ranks = by.map((breakdown, position) => {
    const sorted = order(breakdown, [...new Set(lines.map((line) => line.keys[position] ?? ''))]);
    return new Map(sorted.map((key, index) => [key, index]));
  });
  const rankOf = (line: ReconciliationLine, position: number) => ranks[position]?.get(line.keys[position] ?? '') ?? 0;
  return [...lines].sort((a, b) => rankOf(a, 0) - rankOf(b, 0) || rankOf(a, 1) - rankOf(b, 1));
}

/** What the computed side shows: a hidden count is "< threshold", a figure not recorded yet has no number. */
export type ComputedText = { kind: 'count'; value: number } | { kind: 'hidden' } | { kind: 'none' };

export function computedText(cell: FigureCell): ComputedText {
  if (cell.suppressed) return { kind: 'hidden' };
  return cell.value === null ? { kind: 'none' } : { kind: 'count', value: cell.value };
}
