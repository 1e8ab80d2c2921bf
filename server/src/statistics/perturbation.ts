/**
 * The adjustment of a published count (cell-key perturbation, DESIGN.md §4 Publication; migration
 * 0035 computes the cell keys). Suppression protects the cells of one table; across tables a
 * reader could subtract: the year less its first three quarters is the fourth, however each was
 * suppressed. So every shown count moves by a small amount that the set of records behind it
 * decides, and two figures that differ by one person carry unrelated adjustments.
 *
 * The chances are the same for moving up and down, so figures stay unbiased: the larger a change,
 * the rarer. A count never moves below the threshold (a shown count still means "at least the
 * threshold") and zero stays zero: a true zero reveals no person, and an invented one would.
 */
import { SUPPRESSION_THRESHOLD } from './suppression.js';

/** The most a shown count differs from the true one. */
export const MAXIMUM_ADJUSTMENT = 2;

/** Chance of each change from −2 to +2: variance 0.8, so the difference of two figures varies by ±1.3 on average. */
const CHANCES: readonly (readonly [change: number, chance: number])[] = [
  [-2, 0.05],
  [-1, 0.2],
  [0, 0.5],
  [1, 0.2],
  [2, 0.05],
];

const KEY_RANGE = 2 ** 32;

/**
 * The published value of a true count whose records give `cellKey` (0 ≤ key < 2^32). Near the
 * threshold the changes that would cross it are left out on both sides alike, so the mean stays
 * the true count.
 */
export function adjustedCount(count: number, cellKey: number, threshold = SUPPRESSION_THRESHOLD): number {
  if (count === 0) return 0;
  const reach = Math.max(0, Math.min(MAXIMUM_ADJUSTMENT, count - threshold));
  const allowed = CHANCES.filter(([change]) => Math.abs(change) <= reach);
  const scale = allowed.reduce((sum, [, chance]) => sum + chance, 0);
  let position = (cellKey / KEY_RANGE) * scale;
  for (const [change, chance] of allowed) {
    if (position < chance) return count + change;
    position -= chance;
  }
  return count;
}
