export type SheetErrorCode =
  | 'not_a_spreadsheet'
  | 'empty_file'
  | 'password_protected'
  | 'legacy_workbook'
  | 'broken_encoding'
  | 'sheet_too_large'
  | 'too_many_rows';

/** Why an uploaded file cannot be read as a spreadsheet; `params` fill the message shown to the user. */
export class SheetError extends Error {
  constructor(
    readonly code: SheetErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`Spreadsheet cannot be read: ${code}`);
    this.name = 'SheetError';
  }
}
