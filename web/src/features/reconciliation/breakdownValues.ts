import { type AgeBand, closedBreakdownValues, isClosedBreakdown } from '@seamless/contracts';
import type { ReportedBreakdown } from './figureChoice';

/** "Not recorded": agencies report it too, and the figures name it so (statistics/valueLabel.ts). */
export const UNKNOWN_VALUE = 'unknown';

/**
 * Every value a breakdown can take within a period, as the figures name it (`2025`, `2025-Q1`,
 * `2025-03`, `female`, the country's age band keys), or `null` for an open one — nationality, province,
 * form of exploitation: too many to lay out as inputs, so the reader adds a line per value reported.
 */
export function breakdownValues(
  breakdown: ReportedBreakdown,
  period: { from: string; to: string },
  ageBands: readonly AgeBand[],
): string[] | null {
  if (!isClosedBreakdown(breakdown)) return null;
  return closedBreakdownValues(
    breakdown,
    period,
    ageBands.map((band) => band.key),
  );
}
