import type {
  FigureCell,
  FigureTable,
  Reconciliation,
  ReconciliationLine,
  ReconciliationVerdict,
  StatisticSubmission,
} from '@seamless/contracts';
import { RECONCILIATION_VERDICTS } from '@seamless/contracts';

const keyOf = (keys: readonly string[]) => JSON.stringify(keys);

/**
 * Whether a reported number can be the true count behind a published one: the same, or apart by
 * no more than the adjustment and not below the threshold (a shown count is never a small one).
 * A published zero is exact: zero is never adjusted.
 */
function verdictOf(reported: number | null, computed: FigureCell, table: FigureTable): ReconciliationVerdict {
  if (table.availability === 'not_recorded') return 'not_recorded';
  if (computed.suppressed || computed.value === null) return 'hidden';
  if (reported === null) return 'not_reported';
  const apart = Math.abs(reported - computed.value);
  if (apart === 0) return 'agrees';
  const mayAgree = computed.value > 0 && apart <= table.adjustment && reported >= table.threshold;
  return mayAgree ? 'within_adjustment' : 'differs';
}

function lineOf(keys: string[], reported: number | null, computed: FigureCell, table: FigureTable): ReconciliationLine {
  const difference = reported !== null && computed.value !== null && !computed.suppressed ? reported - computed.value : null;
  return { keys, reported, computed, difference, verdict: verdictOf(reported, computed, table) };
}

/**
 * Each reported number beside the computed one for the same breakdown values, then every computed
 * number the agency did not report (a zero it did not report is no disagreement and is left out).
 */
export function reconcile(submission: StatisticSubmission, table: FigureTable): Reconciliation {
  const computedByKeys = new Map(table.cells.map((cell) => [keyOf(cell.keys), cell]));
  const reportedKeys = new Set(submission.cells.map((cell) => keyOf(cell.keys)));
  const zero = (keys: string[]): FigureCell => ({
    keys,
    value: table.availability === 'not_recorded' ? null : 0,
    suppressed: false,
  });
  const lines = [
    ...submission.cells.map((cell) => lineOf(cell.keys, cell.value, computedByKeys.get(keyOf(cell.keys)) ?? zero(cell.keys), table)),
    ...table.cells
      .filter((cell) => !reportedKeys.has(keyOf(cell.keys)) && (cell.suppressed || (cell.value ?? 0) > 0))
      .map((cell) => lineOf(cell.keys, null, cell, table)),
  ];
  const total = lineOf([], submission.total, table.total, table);
  const summary = Object.fromEntries(RECONCILIATION_VERDICTS.map((verdict) => [verdict, 0])) as Record<ReconciliationVerdict, number>;
  for (const line of [...lines, total]) summary[line.verdict] += 1;
  return { submission, threshold: table.threshold, adjustment: table.adjustment, lines, total, summary };
}
