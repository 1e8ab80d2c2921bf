import { HTCDS_COLUMNS_BY_NAME, HTCDS_REPORTED_ISSUES, type HtcdsIssue, type HtcdsIssueCode } from '@seamless/contracts';

export type FileIssue = { row: number | null; column: string | null; code: HtcdsIssueCode; params: Record<string, string | number> };

/**
 * The English wording API callers read; the web app words each code from its own catalogues in
 * the user's language, with the same params.
 */
const MESSAGES: Record<HtcdsIssueCode, (params: Record<string, string | number>) => string> = {
  not_a_spreadsheet: () => 'The file is not a CSV or XLSX spreadsheet.',
  empty_file: () => 'The file is empty.',
  password_protected: () => 'The workbook is password-protected: save it without a password and upload it again.',
  legacy_workbook: () => 'The file is an old Excel 97–2003 workbook (.xls): save it as .xlsx or CSV.',
  file_too_large: (p) => `The file is larger than ${p.max} bytes.`,
  sheet_too_large: () => 'Unpacked, the workbook holds more than one import may read: split it into smaller files.',
  too_many_rows: (p) => `The file has more than ${p.max} rows: split it into smaller files.`,
  broken_encoding: (p) => `The text on line ${p.row} is not valid UTF-8, UTF-16 or Windows-874: save the file as "CSV UTF-8".`,
  no_header: () => 'No column of the first row is an HTCDS field name or label.',
  duplicate_column: (p) => `This field appears in more than one column (${p.positions}).`,
  no_name_column: () => 'The file has no prs_FirstName column: every row needs a name.',
  required: () => 'This cell must not be empty.',
  not_a_date: (p) => `"${p.value}" is not a date (use YYYY-MM-DD or dd/mm/yyyy).`,
  future_date: (p) => `${p.value} lies in the future.`,
  not_a_number: (p) => `"${p.value}" is not a whole number.`,
  out_of_range: (p) => `${p.value} is not between ${p.min} and ${p.max}.`,
  not_a_boolean: (p) => `"${p.value}" is not yes or no.`,
  unknown_value: (p) => `"${p.value}" is not a value of this field${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ''}.`,
  not_a_country: (p) => `"${p.value}" is not a country${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ''}.`,
  not_a_language: (p) => `"${p.value}" is not a language${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ''}.`,
  too_long: (p) => `The text is longer than ${p.max} characters.`,
  invalid_json: (p) => `The cell does not hold the records this column documents${p.path ? ` (at ${p.path})` : ''}.`,
  conflict: (p) => `This cell contradicts ${p.with}.`,
  unmatched_column: (p) => `Column ${p.position} "${p.header}" is not an HTCDS field: it was not read.`,
  column_matched_by_label: (p) => `Column ${p.position} "${p.header}" was read by its label.`,
  column_not_held: (p) => `Seamless does not keep "${p.header}": its values were not imported.`,
  formula_value_used: () => 'Formulas were not run: the values last saved with the file were read.',
  macros_ignored: () => 'The workbook holds macros: they were ignored.',
  duplicate_row: (p) => `The same record as row ${p.row}: imported once.`,
  already_imported: () => 'Already imported: nothing written for this row.',
  matched_existing_person: (p) => `Matched existing person ${p.pseudonym}: the case was added to that person.`,
  reference_taken: (p) => `Case reference ${p.reference} belongs to another case here: a new reference was given.`,
};

/** Stands in for a cell's value in a report that may not repeat it. */
export const WITHHELD_VALUE = '…';

/**
 * A report is stored and shown again to whoever follows the import, so it repeats a cell only of
 * a column that says nothing about who the person is (a picklist, a count, a case date); for a
 * name, a birth date, a phone or a perpetrator, the row and column say where to look and the
 * value stays in the file. A suggestion comes from our vocabularies, never from the file.
 */
export function withoutPersonalValues(issue: FileIssue): FileIssue {
  if (!('value' in issue.params)) return issue;
  const column = issue.column ? HTCDS_COLUMNS_BY_NAME.get(issue.column) : undefined;
  if (column && !column.section && !column.identifying) return issue;
  return { ...issue, params: { ...issue.params, value: WITHHELD_VALUE } };
}

export const issueWithMessage = (issue: FileIssue): HtcdsIssue => ({ ...issue, message: MESSAGES[issue.code](issue.params) });

/**
 * Issues of one job: every one counted, the first HTCDS_REPORTED_ISSUES kept, so a broken
 * 100,000-row file cannot make a report of unbounded size.
 */
export class IssueLog {
  count = 0;
  readonly kept: FileIssue[] = [];
  add(issue: FileIssue) {
    this.count++;
    if (this.kept.length < HTCDS_REPORTED_ISSUES) this.kept.push(withoutPersonalValues(issue));
  }
}
