/**
 * Reconciliation (issue 13): figures an agency reported elsewhere — its annual report, a return to
 * the ministry — entered (a form or a workbook) and set beside the figure Seamless computes from
 * that agency's records, so one fact ends with one number. A submission is kept as entered and
 * never changed; entering the same figure again makes a new version.
 */
import { z } from 'zod';
import { caseSummarySchema } from './cases.js';
import { isoDate, plainText } from './plausibility.js';
import { checkPeriod, figureCellSchema } from './statistics.js';
import { STATISTIC_BREAKDOWNS, STATISTIC_KEYS } from './statisticVocabulary.js';

/** At most this many cells in one submission: every province, every nationality or every month of a decade fits. */
export const SUBMISSION_MAX_CELLS = 5000;
export const SUBMISSION_MAX_BYTES = 2 * 1024 * 1024;
/** A reported count: a whole number of persons, cases or follow-ups. */
const reportedCount = z.number().int().min(0).max(100_000_000);

export const submittedCellSchema = z
  .object({
    /** Breakdown values in `by` order, as the figures name them (`female`, `child`, `TH`, `2025-Q1`). */
    keys: z.array(z.string().trim().min(1).max(64)).max(1),
    value: reportedCount,
  })
  .strict();
export type SubmittedCell = z.infer<typeof submittedCellSchema>;

/** The figure a submission reports: which, for which period and agency, broken down how. */
const submittedFigureShape = {
  sourceAgencyId: z.string().uuid(),
  statistic: z.enum(STATISTIC_KEYS),
  from: isoDate,
  to: isoDate,
  /** One breakdown at most: the agency is the other, as its figures are a row of the table by agency. */
  by: z.array(z.enum(STATISTIC_BREAKDOWNS)).max(1).default([]),
  /** Where the numbers come from ("Annual report 2025, table 3"), printed beside them. */
  source: plainText(300, { min: 1 }),
};

/** An agency reports its own figures: the agency is the table's other dimension, never its breakdown. */
function checkReported(figure: { from: string; to: string; by: readonly string[] }, ctx: z.RefinementCtx): void {
  checkPeriod(figure, ctx);
  if (figure.by.includes('agency'))
    ctx.addIssue({ code: 'custom', path: ['by'], message: 'An agency reports its own figures: they are not broken down by agency.' });
}

function checkSubmittedFigure(
  submission: { from: string; to: string; by: string[]; cells: SubmittedCell[]; total: number | null },
  ctx: z.RefinementCtx,
): void {
  checkReported(submission, ctx);
  if (submission.cells.length === 0 && submission.total === null)
    ctx.addIssue({ code: 'custom', path: ['cells'], message: 'Enter at least one number, or the total.' });
  const seen = new Set<string>();
  submission.cells.forEach((cell, index) => {
    if (cell.keys.length !== submission.by.length)
      ctx.addIssue({ code: 'custom', path: ['cells', index, 'keys'], message: 'One value for each breakdown.' });
    const id = JSON.stringify(cell.keys);
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['cells', index, 'keys'], message: 'This combination is entered twice.' });
    seen.add(id);
  });
}

export const statisticSubmissionRequestSchema = z
  .object({
    ...submittedFigureShape,
    cells: z.array(submittedCellSchema).max(SUBMISSION_MAX_CELLS).default([]),
    /** The total as the agency reported it: persons counted once, so not always the sum of its cells. */
    total: reportedCount.nullable().default(null),
  })
  .strict()
  .superRefine(checkSubmittedFigure);
export type StatisticSubmissionRequest = z.infer<typeof statisticSubmissionRequestSchema>;

/** Breakdowns in a query string: `sex,child`. */
const breakdownList = z
  .string()
  .max(100)
  .optional()
  .transform((value, ctx) => {
    const parsed = z
      .array(z.enum(STATISTIC_BREAKDOWNS))
      .max(1)
      .safeParse(value ? value.split(',').filter(Boolean) : []);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: 'Choose at most one known breakdown.' });
      return z.NEVER;
    }
    return parsed.data;
  });

/** A workbook upload names the figure in its query; the file holds the cells and the total. */
export const statisticSubmissionUploadQuerySchema = z
  .object({ ...submittedFigureShape, by: breakdownList })
  .strict()
  .superRefine(checkReported);

/** The workbook to fill in for one figure, before any agency or source is chosen. */
export const statisticSubmissionTemplateQuerySchema = z
  .object({ statistic: submittedFigureShape.statistic, from: isoDate, to: isoDate, by: breakdownList })
  .strict()
  .superRefine(checkReported);

/** A problem with one place of an uploaded workbook: its row and column (1-based), or the whole file. */
export const submissionProblemSchema = z.object({
  row: z.number().int().nullable(),
  column: z.number().int().nullable(),
  code: z.string(),
  message: z.string(),
});
export type SubmissionProblem = z.infer<typeof submissionProblemSchema>;

export const statisticSubmissionSchema = z.object({
  id: z.string().uuid(),
  sourceAgency: z.object({ id: z.string().uuid(), name: z.string() }),
  statistic: z.enum(STATISTIC_KEYS),
  from: z.string(),
  to: z.string(),
  by: z.array(z.enum(STATISTIC_BREAKDOWNS)),
  source: z.string(),
  cells: z.array(z.object({ keys: z.array(z.string()), value: z.number().int() })),
  total: z.number().int().nullable(),
  /** 1 for the first entry of this figure by this agency for this period, then 2, 3 … */
  version: z.number().int(),
  submittedBy: z.string(),
  submittedAt: z.string(),
});
export type StatisticSubmission = z.infer<typeof statisticSubmissionSchema>;

export const statisticSubmissionListSchema = z.object({ items: z.array(statisticSubmissionSchema) });

/**
 * How one reported number stands against the computed one:
 * - `agrees`: the same number;
 * - `within_adjustment`: apart by no more than the published figure's adjustment, so it may agree;
 * - `differs`: apart by more; the agency's own staff can look for the records behind it;
 * - `hidden`: the computed count is suppressed (fewer than the threshold, or it would reveal one);
 * - `not_reported`: Seamless counts some, the agency reported nothing for it;
 * - `not_recorded`: Seamless does not keep these records yet.
 */
export const RECONCILIATION_VERDICTS = ['agrees', 'within_adjustment', 'differs', 'hidden', 'not_reported', 'not_recorded'] as const;
export type ReconciliationVerdict = (typeof RECONCILIATION_VERDICTS)[number];

export const reconciliationLineSchema = z.object({
  keys: z.array(z.string()),
  reported: z.number().int().nullable(),
  computed: figureCellSchema,
  /** Reported less computed, where both are shown. */
  difference: z.number().nullable(),
  verdict: z.enum(RECONCILIATION_VERDICTS),
});
export type ReconciliationLine = z.infer<typeof reconciliationLineSchema>;

export const reconciliationSchema = z.object({
  submission: statisticSubmissionSchema,
  threshold: z.number().int(),
  adjustment: z.number().int(),
  lines: z.array(reconciliationLineSchema),
  total: reconciliationLineSchema,
  /** How many lines stand under each verdict, the total included. */
  summary: z.record(z.enum(RECONCILIATION_VERDICTS), z.number().int()),
});
export type Reconciliation = z.infer<typeof reconciliationSchema>;

/** `GET /api/statistics/submissions/:id/records`: one reported line (its breakdown values, none for the total). */
export const reconciliationRecordsQuerySchema = z
  .object({
    // Empty or absent: the total line.
    keys: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9_.+-]*$/, 'A breakdown value holds letters, digits and . _ + - only.')
      .optional()
      .transform((value) => (value ? [value] : [])),
  })
  .strict();

/**
 * A record behind a reported line, as far as the reader may open it, and what it tells about a
 * difference: counted on which date (none: not counted), how many other cases of the same person
 * the line counts (one person, several cases), and whether the case was opened in the period.
 */
export const reconciliationRecordSchema = z.object({
  case: caseSummarySchema,
  countedOn: z.string().nullable(),
  samePersonCases: z.number().int().min(0),
  openedInPeriod: z.boolean(),
});
export type ReconciliationRecord = z.infer<typeof reconciliationRecordSchema>;

export const reconciliationRecordsSchema = z.object({
  keys: z.array(z.string()),
  /** The cases and persons the line counts among the records the reader may open. */
  countedCases: z.number().int(),
  countedPersons: z.number().int(),
  /** Cases opened in the period that the line does not count (their counting date falls outside it, or has not come). */
  openedNotCounted: z.number().int(),
  /** Counted cases opened before or after the period. */
  countedOpenedOutside: z.number().int(),
  /** What explains a difference first, then the rest of what is counted. */
  records: z.array(reconciliationRecordSchema),
  /** More records than one answer lists; the numbers above still cover them all. */
  truncated: z.boolean(),
});
export type ReconciliationRecords = z.infer<typeof reconciliationRecordsSchema>;
