import { type CellParse, type CellValue, cellText, parsed, refused } from './cellValue.js';

/**
 * A free-text column's cell, trimmed, or null when empty. Numbers come back as the sheet shows
 * them (phone and ID numbers stored as numbers), dates as ISO days. `max` counts characters as
 * people do (code points), not UTF-16 units.
 */
export function parseTextCell(cell: CellValue, options: { max: number }): CellParse<string | null> {
  const text = cellText(cell);
  if (!text) return parsed(null);
  if ([...text].length > options.max) return refused('too_long', { max: options.max });
  return parsed(text);
}
