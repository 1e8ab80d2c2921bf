import { HTCDS_COLUMNS, HTCDS_COLUMNS_BY_NAME, type HtcdsColumnMapping, type HtcdsLayout } from '@seamless/contracts';
import type { CellValue, SheetRow } from '../sheet/cells.js';
import type { FileIssue } from './importIssues.js';

/** How the file's columns map to HTCDS fields, and where its data begins. */
export type ColumnPlan = {
  layout: HtcdsLayout;
  /** The last header row: data rows come after it. */
  headerRow: number;
  /** The field of each 0-based cell position, null where the column is not ours to read. */
  fieldAt: (string | null)[];
  mappings: HtcdsColumnMapping[];
  errors: FileIssue[];
  warnings: FileIssue[];
};

const normalise = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./()]+/g, '');

const FIELDS_BY_NAME = new Map(HTCDS_COLUMNS.map((column) => [normalise(column.name), column.name]));
/** Labels repeat across sections ("Type", "Date", "Country"): such a label alone names no column. */
const FIELDS_BY_LABEL = (() => {
  const byLabel = new Map<string, string | null>();
  for (const column of HTCDS_COLUMNS) {
    const key = normalise(column.label);
    byLabel.set(key, byLabel.has(key) ? null : column.name);
  }
  return byLabel;
})();

const headerText = (cell: CellValue | undefined) => (typeof cell === 'string' ? cell.trim() : cell == null ? '' : String(cell));
const byName = (text: string) => (text ? (FIELDS_BY_NAME.get(normalise(text)) ?? null) : null);
const byLabel = (text: string) => (text ? (FIELDS_BY_LABEL.get(normalise(text)) ?? null) : null);
export const columnLetter = (position: number): string =>
  position <= 0 ? '' : columnLetter(Math.floor((position - 1) / 26)) + String.fromCharCode(65 + ((position - 1) % 26));

/**
 * Reads the header: row 1 holds field names (or, in imperfect templates, labels); when row 2
 * holds the labels of those fields, the file has the IOM toolkit's two header rows.
 */
export function planColumns(first: SheetRow, second: SheetRow | undefined): ColumnPlan {
  const names = first.cells.map(headerText);
  const labels = second?.cells.map(headerText) ?? [];
  const layout: HtcdsLayout = isLabelRow(names, labels) ? 'toolkit' : 'plain';
  const width = Math.max(names.length, layout === 'toolkit' ? labels.length : 0);
  const fieldAt: (string | null)[] = [];
  const mappings: HtcdsColumnMapping[] = [];
  const errors: FileIssue[] = [];
  const warnings: FileIssue[] = [];
  const positionsOf = new Map<string, number[]>();
  for (let index = 0; index < width; index++) {
    const name = names[index] ?? '';
    const label = layout === 'toolkit' ? (labels[index] ?? '') : '';
    const header = name || label;
    const named = byName(name);
    const labelled = named ? null : (byLabel(name) ?? byLabel(label));
    const field = named ?? labelled;
    fieldAt.push(field);
    if (!header && !field) continue;
    const position = index + 1;
    mappings.push({
      position,
      header,
      field,
      matchedBy: named ? 'name' : labelled ? 'label' : null,
      held: field ? HTCDS_COLUMNS_BY_NAME.get(field)!.held : false,
    });
    if (!field) {
      warnings.push({ row: first.row, column: header, code: 'unmatched_column', params: { header, position: columnLetter(position) } });
      continue;
    }
    positionsOf.set(field, [...(positionsOf.get(field) ?? []), position]);
    if (labelled)
      warnings.push({
        row: first.row,
        column: field,
        code: 'column_matched_by_label',
        params: { header, position: columnLetter(position) },
      });
    if (!HTCDS_COLUMNS_BY_NAME.get(field)!.held)
      warnings.push({ row: first.row, column: field, code: 'column_not_held', params: { header } });
  }
  for (const [field, positions] of positionsOf) {
    if (positions.length > 1)
      errors.push({
        row: first.row,
        column: field,
        code: 'duplicate_column',
        params: { positions: positions.map(columnLetter).join(', ') },
      });
  }
  const headerRow = layout === 'toolkit' && second ? second.row : first.row;
  if (!positionsOf.size) {
    // No column is ours: the first row is most likely data (a name, a phone number), which the
    // stored report must not repeat as headers.
    const unnamed = mappings.map((mapping) => ({ ...mapping, header: '' }));
    return {
      layout,
      headerRow,
      fieldAt,
      mappings: unnamed,
      errors: [{ row: first.row, column: null, code: 'no_header', params: {} }],
      warnings: [],
    };
  }
  if (!positionsOf.has('prs_FirstName')) errors.push({ row: first.row, column: 'prs_FirstName', code: 'no_name_column', params: {} });
  return { layout, headerRow, fieldAt, mappings, errors, warnings };
}

/** Row 2 is the toolkit's label row when most of its filled cells are labels of HTCDS columns. */
function isLabelRow(names: string[], labels: string[]): boolean {
  const filled = labels.filter(Boolean);
  if (!filled.length) return false;
  const labelHits = labels.filter((label, index) => {
    if (!label || byName(label)) return false;
    const named = byName(names[index] ?? '');
    return named ? normalise(HTCDS_COLUMNS_BY_NAME.get(named)!.label) === normalise(label) : FIELDS_BY_LABEL.has(normalise(label));
  }).length;
  return labelHits * 2 >= filled.length;
}
