import { type SubmissionProblem, submissionProblemSchema } from '@seamless/contracts';
import { ApiProblem } from '../../api/problem';

/** The problems of an uploaded file the catalogues word; any other is shown in the server's words. */
export const WORKBOOK_PROBLEM_CODES = [
  'not_a_spreadsheet',
  'empty_file',
  'password_protected',
  'legacy_workbook',
  'broken_encoding',
  'sheet_too_large',
  'too_many_rows',
  'header',
  'unknown_value',
  'not_a_count',
  'duplicate',
  'missing_value',
] as const;
export type WorkbookProblemCode = (typeof WORKBOOK_PROBLEM_CODES)[number];

export const isWorkbookProblemCode = (code: string): code is WorkbookProblemCode =>
  (WORKBOOK_PROBLEM_CODES as readonly string[]).includes(code);

/** A refused upload, with every problem of the file so that all can be fixed in one go. */
export class WorkbookRefusal extends ApiProblem {
  readonly problems: SubmissionProblem[];

  constructor(problem: ApiProblem, problems: SubmissionProblem[]) {
    super(problem, problem.extensions);
    this.name = 'WorkbookRefusal';
    this.problems = problems;
  }
}

/** The file's problems from a problem document, whole-file ones first, then in reading order; a malformed entry is left out. */
export function workbookProblemsOf(body: unknown): SubmissionProblem[] {
  const entries = typeof body === 'object' && body !== null ? (body as { problems?: unknown }).problems : undefined;
  if (!Array.isArray(entries)) return [];
  const problems = entries.flatMap((entry) => {
    const parsed = submissionProblemSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
  const rank = (value: number | null) => value ?? 0;
  return problems.sort((a, b) => rank(a.row) - rank(b.row) || rank(a.column) - rank(b.column));
}

/** A column as spreadsheet programs head it: 1 is A, 27 is AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}
