export type CellValue = string | number | boolean | Date | null;

/** `row`: the row number as a spreadsheet program shows it (1-based, header rows count). */
export type SheetRow = { row: number; cells: CellValue[] };

export type SheetFormat = 'csv' | 'xlsx';

/** Things the reader noticed but read past: `position` is the 1-based column. */
export type SheetNotice = { code: 'formula_value_used' | 'macros_ignored'; row?: number; position?: number };

export type ReadSheetOptions = { onNotice?: (notice: SheetNotice) => void; onProgress?: (bytesRead: number) => void };

/** Key–value pairs describing an export (who, when, which filter), written beside the rows. */
export type SheetMetadata = readonly (readonly [string, string])[];

export const isBlankCell = (value: CellValue): boolean => value === null || (typeof value === 'string' && value.trim() === '');

/** Index 0 is column A; holes become null and trailing empty cells are dropped. */
export function denseCells(sparse: readonly (CellValue | undefined)[]): CellValue[] {
  let length = sparse.length;
  while (length > 0 && (sparse[length - 1] ?? null) === null) length--;
  return Array.from({ length }, (_, index) => sparse[index] ?? null);
}
