import type { HtcdsIssueCode } from '@seamless/contracts';
import type { CellValue } from '../sheet/cells.js';

export type { CellValue };

/** A cell read for one column: its typed value, or why it was refused with the wording's params. */
export type CellParse<T> = { ok: true; value: T } | { ok: false; code: HtcdsIssueCode; params: Record<string, string | number> };

export const parsed = <T>(value: T): CellParse<T> => ({ ok: true, value });

export const refused = <T = never>(code: HtcdsIssueCode, params: Record<string, string | number>): CellParse<T> => ({
  ok: false,
  code,
  params,
});

/**
 * A number as a spreadsheet shows it in a General cell: integers in full (phone and ID numbers
 * such as 66812345678 must not turn into 6.6812345678e10), other numbers rounded to the 15
 * significant digits a spreadsheet keeps, so binary noise (0.30000000000000004) does not leak.
 */
export function plainNumber(value: number): string {
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  return String(Number(value.toPrecision(15)));
}

/** The UTC calendar day of a spreadsheet date (readers give dates as UTC midnight), as YYYY-MM-DD. */
export function isoDay(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** The cell as the person who filled the sheet sees it: the `value` of issue params, and text cells. */
export function cellText(cell: CellValue): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return plainNumber(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return isoDay(cell) ?? '';
}
