/** Reading one spreadsheet cell for one HTCDS column: a typed value, or the issue that refuses it. */
export { parseBooleanCell } from './booleanCell.js';
export type { CellParse, CellValue } from './cellValue.js';
export { parseDateCell } from './dateCell.js';
export { parseIntegerCell } from './integerCell.js';
export { parseTextCell } from './textCell.js';
export { createValueResolver, type ValueResolver } from './valueResolver.js';
