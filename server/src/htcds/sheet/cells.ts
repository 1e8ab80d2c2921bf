export type CellValue = string | number | boolean | Date | null;

/** `row`: the row number as a spreadsheet program shows it (1-based, header rows count). */
export type SheetRow = { row: number; cells: CellValue[] };

export type SheetFormat = 'csv' | 'xlsx';

/** Things the reader noticed but read past: `position` is the 1-based column. */
export type SheetNotice = { code: 'formula_value_used' | 'macros_ignored'; row?: number; position?: number };

/**
 * What one file may make the server read: its rows (every row the file holds, header and empty
 * rows included) and, for a workbook, the bytes its parts inflate to. A 50 MB upload can unpack
 * to gigabytes; the reader stops at these limits instead of at the heap's.
 */
export type SheetLimits = { maxRows: number; maxInflatedBytes: number };

export const DEFAULT_SHEET_LIMITS: SheetLimits = { maxRows: 200_000, maxInflatedBytes: 512 * 1024 * 1024 };

/**
 * The most text one row may take before it is complete: far above a row of a hundred full cells
 * (a cell holds at most 32,767 characters), far below what would strain the heap.
 */
export const LONGEST_ROW = 16 * 1024 * 1024;

export type ReadSheetOptions = {
  onNotice?: (notice: SheetNotice) => void;
  onProgress?: (bytesRead: number) => void;
  limits?: SheetLimits;
};

/** Key–value pairs describing an export (who, when, which filter), written beside the rows. */
export type SheetMetadata = readonly (readonly [string, string])[];

export const isBlankCell = (value: CellValue): boolean => value === null || (typeof value === 'string' && value.trim() === '');

/** Index 0 is column A; holes become null and trailing empty cells are dropped. */
export function denseCells(sparse: readonly (CellValue | undefined)[]): CellValue[] {
  let length = sparse.length;
  while (length > 0 && (sparse[length - 1] ?? null) === null) length--;
  return Array.from({ length }, (_, index) => sparse[index] ?? null);
}
