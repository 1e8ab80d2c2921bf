import { createHash } from 'node:crypto';
import { HTCDS_COLUMNS_BY_NAME } from '@seamless/contracts';
import { type ImportedCase, type RowIssue, readImportedCase } from '../importedCase.js';
import type { CellValue, SheetLimits, SheetRow } from '../sheet/cells.js';
import { readSheetRows } from '../sheet/readSheet.js';
import { SheetError } from '../sheet/sheetError.js';
import type { ValueResolver } from '../values/index.js';
import { type ColumnPlan, planColumns } from './columnMapping.js';
import type { FileIssue } from './importIssues.js';

/** One data row, read: the case it describes with its content key, or what is wrong with it. */
export type FileRow = { row: number; importedCase: ImportedCase; key: string } | { row: number; issues: RowIssue[] };

export type FileRowHooks = {
  resolver: ValueResolver;
  today: string;
  limits?: SheetLimits;
  onPlan(plan: ColumnPlan): void;
  onWarning(issue: FileIssue): void;
  onProgress(bytesRead: number): void;
};

/**
 * The same row always has the same key, however the file wrote it (label or value name, Thai
 * or ISO date, CSV or XLSX): the key hashes what was understood, not the cells.
 */
export function contentKeyOf(importedCase: ImportedCase): string {
  return createHash('sha256').update(canonicalJson(importedCase)).digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, each]) => each !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, each]) => `${JSON.stringify(key)}:${canonicalJson(each)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const isBlank = (cell: CellValue | undefined) => cell === null || cell === undefined || (typeof cell === 'string' && !cell.trim());

/**
 * Reads the file's rows after its header. Rows whose HTCDS columns are all empty — templates
 * number their rows in advance — are no rows at all. A file-level problem (not a spreadsheet,
 * an unreadable header) is thrown as a FileIssue list; the caller reports and stops.
 */
export async function* readFileRows(bytes: Buffer, hooks: FileRowHooks): AsyncGenerator<FileRow> {
  const rows = readSheetRows(bytes, {
    onNotice: (notice) =>
      hooks.onWarning({
        row: notice.row ?? null,
        column: null,
        code: notice.code,
        params: notice.position ? { position: notice.position } : {},
      }),
    onProgress: hooks.onProgress,
    limits: hooks.limits,
  });
  let first: SheetRow | undefined;
  let plan: ColumnPlan | undefined;
  try {
    for await (const sheetRow of rows) {
      if (!first) {
        first = sheetRow;
        continue;
      }
      if (!plan) {
        plan = planColumns(first, sheetRow);
        hooks.onPlan(plan);
        if (plan.errors.length) throw new FileProblem(plan.errors);
        if (plan.layout === 'toolkit') continue;
      }
      const read = readRow(sheetRow, plan, hooks);
      if (read) yield read;
    }
  } catch (error) {
    if (error instanceof SheetError) throw new FileProblem([{ row: null, column: null, code: error.code, params: error.params }]);
    throw error;
  }
  if (!first) throw new FileProblem([{ row: null, column: null, code: 'empty_file', params: {} }]);
  if (!plan) {
    plan = planColumns(first, undefined);
    hooks.onPlan(plan);
    if (plan.errors.length) throw new FileProblem(plan.errors);
  }
}

function readRow(sheetRow: SheetRow, plan: ColumnPlan, hooks: FileRowHooks): FileRow | null {
  const cells = new Map<string, CellValue>();
  let filled = false;
  plan.fieldAt.forEach((field, index) => {
    if (!field) return;
    const cell = sheetRow.cells[index] ?? null;
    cells.set(field, cell);
    if (!isBlank(cell) && HTCDS_COLUMNS_BY_NAME.get(field)!.held) filled = true;
  });
  if (!filled) return null;
  const { importedCase, issues } = readImportedCase(cells, hooks.resolver, hooks.today);
  if (!importedCase) return { row: sheetRow.row, issues };
  return { row: sheetRow.row, importedCase, key: contentKeyOf(importedCase) };
}

/** A problem with the file as a whole: nothing in it is read. */
export class FileProblem extends Error {
  constructor(readonly issues: FileIssue[]) {
    super('The file cannot be imported');
  }
}
