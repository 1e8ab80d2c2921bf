import { type CellParse, type CellValue, cellText, parsed, refused } from './cellValue.js';
import { asciiDigits } from './matchKey.js';

/** A whole number as typed: '12', '+12', '12.0' (how some sheets write whole numbers), in any of the region's digits. */
const WHOLE_NUMBER = /^[+-]?\d+(?:\.0*)?$/;

/** An integer column's cell (ages, years, counts) within [min, max], or null when empty. */
export function parseIntegerCell(cell: CellValue, options: { min: number; max: number }): CellParse<number | null> {
  const written = cellText(cell);
  if (cell === null || (typeof cell === 'string' && !written)) return parsed(null);
  const value = integerOf(cell);
  if (value === null) return refused('not_a_number', { value: written });
  if (value < options.min || value > options.max) return refused('out_of_range', { min: options.min, max: options.max, value });
  return parsed(value);
}

function integerOf(cell: Exclude<CellValue, null>): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const text = asciiDigits(cell).trim();
  return WHOLE_NUMBER.test(text) ? Number.parseInt(text, 10) : null;
}
