import { HTCDS_IMPORT_MAX_BYTES, type HtcdsImportReport, type ImportJobState } from '@seamless/contracts';

/** How often a running job is asked for its progress. */
export const IMPORT_POLL_MS = 500;

const RUNNING_STATES = ['queued', 'validating', 'importing'] as const satisfies readonly ImportJobState[];
export type RunningState = (typeof RUNNING_STATES)[number];

export function isRunning(state: ImportJobState): state is RunningState {
  return (RUNNING_STATES as readonly ImportJobState[]).includes(state);
}

type ProgressFields = Pick<HtcdsImportReport, 'state' | 'bytesRead' | 'bytesTotal' | 'processed' | 'rows' | 'skipped'>;

const share = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.max(0, Math.round((part / whole) * 100))) : 0);

/**
 * The job's progress in percent. The checking pass knows only how many bytes it has read (the
 * row count comes at its end); the import pass writes every row that is not skipped.
 */
export function importProgress(report: ProgressFields): number {
  switch (report.state) {
    case 'queued':
      return 0;
    case 'validating':
      return share(report.bytesRead, report.bytesTotal);
    case 'importing': {
      const toWrite = report.rows - report.skipped;
      return share(report.processed, toWrite > 0 ? toWrite : report.rows);
    }
    case 'done':
    case 'failed':
      return 100;
  }
}

/** A finished check without a single error, with something left to create, may be imported. */
export function canImport(report: Pick<HtcdsImportReport, 'dryRun' | 'state' | 'errorCount' | 'imported'>): boolean {
  return report.dryRun && report.state === 'done' && report.errorCount === 0 && report.imported > 0;
}

export type ChosenFileProblem = 'missing' | 'too_large' | 'type';

const SPREADSHEET_EXTENSION = /\.(csv|xlsx)$/i;

/**
 * What is wrong with a chosen file before it is sent. The name is only a hint (the server reads
 * the bytes), but it spares a user uploading a large file that is sure to be refused.
 */
export function chosenFileProblem(file: Pick<File, 'name' | 'size'> | null): ChosenFileProblem | null {
  if (!file) return 'missing';
  if (file.size > HTCDS_IMPORT_MAX_BYTES) return 'too_large';
  if (!SPREADSHEET_EXTENSION.test(file.name)) return 'type';
  return null;
}

/** The spreadsheet's name for a 1-based column position: 1 → A, 27 → AA. */
export function columnLetter(position: number): string {
  let letters = '';
  for (let rest = position; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}
