/**
 * Statistics (DESIGN.md §2 step 9): one definition per figure, computed once from the records, so
 * every agency reports the same number for the same fact. Figures leave the database as counts
 * only, with small cells suppressed (DESIGN.md §4 Publication); never rows, names or free text.
 */
import { z } from 'zod';
import { caseSummarySchema } from './cases.js';
import { isoDate } from './plausibility.js';
import { lastDayOfMonth, STATISTIC_AVAILABILITY, STATISTIC_BREAKDOWNS, STATISTIC_KEYS, STATISTIC_UNITS } from './statisticVocabulary.js';

export const statisticDefinitionSchema = z.object({
  key: z.enum(STATISTIC_KEYS),
  unit: z.enum(STATISTIC_UNITS),
  /** Which date of the record puts it in a period (e.g. `decided_on` of the identification decision). */
  periodDate: z.string(),
  breakdowns: z.array(z.enum(STATISTIC_BREAKDOWNS)),
  availability: z.enum(STATISTIC_AVAILABILITY),
});
export type StatisticDefinition = z.infer<typeof statisticDefinitionSchema>;

/** A national age band: `from` inclusive, `to` exclusive, in whole years; `to: null` is open-ended. */
export const ageBandSchema = z.object({
  key: z.string().min(1).max(16),
  from: z.number().int().min(0),
  to: z.number().int().min(1).nullable(),
});
export type AgeBand = z.infer<typeof ageBandSchema>;

const figureQueryObject = z.object({
  statistic: z.enum(STATISTIC_KEYS),
  from: isoDate,
  to: isoDate,
  /** Up to two breakdowns: a table's rows and columns. */
  by: z
    .string()
    .max(100)
    .optional()
    .transform((value, ctx) => {
      const keys = value ? value.split(',').filter(Boolean) : [];
      const parsed = z.array(z.enum(STATISTIC_BREAKDOWNS)).max(2).safeParse(keys);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: 'Choose up to two known breakdowns.' });
        return z.NEVER;
      }
      return parsed.data;
    }),
  /** Only this agency's records (a per-agency dashboard); the whole country otherwise. */
  agencyId: z.string().uuid().optional(),
  child: z.enum(['true', 'false']).optional(),
  sex: z.enum(['female', 'male', 'other']).optional(),
});

/** A figure's period, breakdowns and filters: two dimensions at most, filters counted among them. */
function checkFigureQuery(query: z.infer<typeof figureQueryObject>, ctx: z.RefinementCtx): void {
  checkPeriod(query, ctx);
  // A filter is a breakdown whose other rows are not shown: it is suppressed as one, within the two a table has.
  // An agency's own figures too: published apart, they undid what the table by agency hides (final probe F2).
  const filters = [query.child, query.sex, query.agencyId].filter((filter) => filter !== undefined).length;
  if ((query.by?.length ?? 0) + filters > 2) {
    ctx.addIssue({ code: 'custom', path: ['by'], message: 'Breakdowns and filters together: two at most.' });
  }
  if (query.agencyId !== undefined && query.by?.includes('agency'))
    ctx.addIssue({ code: 'custom', path: ['by'], message: "One agency's figures are not broken down by agency." });
}

export const figureQuerySchema = figureQueryObject.strict().superRefine(checkFigureQuery);
export type FigureQuery = z.infer<typeof figureQuerySchema>;

/** A breakdown value as cells carry it: a year, quarter, code, band or agency id. */
const cellKey = z.string().regex(/^[A-Za-z0-9_.+-]{1,64}$/);

/**
 * One cell of a figure (its breakdown values in the order of `by`; none for the total) and a page
 * of the cases behind it: the drill-down, for readers who may also see cases.
 */
export const figureCellCasesQuerySchema = figureQueryObject
  .extend({
    keys: z
      .string()
      .max(300)
      .optional()
      .transform((value, ctx) => {
        const keys = value ? value.split(',') : [];
        const parsed = z.array(cellKey).max(2).safeParse(keys);
        if (!parsed.success) {
          ctx.addIssue({
            code: 'custom',
            message: 'A cell is named by up to two breakdown values, each of letters, digits and . _ + - only.',
          });
          return z.NEVER;
        }
        return parsed.data;
      }),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
  .superRefine((query, ctx) => {
    checkFigureQuery(query, ctx);
    if ((query.keys?.length ?? 0) !== (query.by?.length ?? 0))
      ctx.addIssue({ code: 'custom', path: ['keys'], message: 'Name one value for each breakdown.' });
  });
export type FigureCellCasesQuery = z.infer<typeof figureCellCasesQuerySchema>;

/** A case behind a cell, as the case list shows it, with the date that put it in the period. */
export const figureCellCaseSchema = z.object({ countedOn: z.string(), case: caseSummarySchema });
export type FigureCellCase = z.infer<typeof figureCellCaseSchema>;

/** A figure's period: a calendar unit (see periodShapeOf), problems named on `from` or `to`. */
export function checkPeriod(period: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (period.from > period.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period ends before it starts.' });
  else if (!period.from.endsWith('-01'))
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'A period starts on the first day of a month.' });
  else if (periodShapeOf(period.from, period.to) === null)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'A period is one month, quarter, half-year, or a run of whole years.' });
}

export const PERIOD_SHAPES = ['month', 'quarter', 'half', 'years'] as const;
export type PeriodShape = (typeof PERIOD_SHAPES)[number];

/**
 * Which calendar unit a period is, or null for any other span. Figures come only for these: with
 * free spans, Jan–Apr less Jan–Mar is April, and many overlapping spans averaged would wear away
 * the adjustment that protects a small count (DESIGN.md §4 Publication). Nested units leave a
 * reader few ways to difference, each through several adjusted figures.
 */
export function periodShapeOf(from: string, to: string): PeriodShape | null {
  const [fromYear, fromMonth, fromDay] = from.split('-').map(Number) as [number, number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  if (fromDay !== 1 || to !== lastDayOfMonth(to)) return null;
  if (fromMonth === 1 && toMonth === 12 && toYear >= fromYear) return 'years';
  if (toYear !== fromYear) return null;
  const months = toMonth - fromMonth + 1;
  if (months === 1) return 'month';
  if (months === 3 && fromMonth % 3 === 1) return 'quarter';
  if (months === 6 && fromMonth % 6 === 1) return 'half';
  return null;
}

/**
 * One cell: its breakdown values (same order as `by`) and its count, or `null` with `suppressed`
 * when it is below the threshold or would let one below it be worked out from the totals.
 */
export const figureCellSchema = z.object({
  keys: z.array(z.string()),
  value: z.number().nullable(),
  suppressed: z.boolean(),
});
export type FigureCell = z.infer<typeof figureCellSchema>;

export const figureTableSchema = z.object({
  statistic: z.enum(STATISTIC_KEYS),
  unit: z.enum(STATISTIC_UNITS),
  availability: z.enum(STATISTIC_AVAILABILITY),
  from: z.string(),
  to: z.string(),
  by: z.array(z.enum(STATISTIC_BREAKDOWNS)),
  /** Cells below this are never shown (DESIGN.md §4). */
  threshold: z.number().int(),
  /**
   * The most a shown count differs from the true one: each is adjusted by a small amount fixed by
   * the records it counts, the same at every asking, so no figure can be subtracted from another
   * to reveal a person. Totals are adjusted on their own and may differ from the sum of their parts.
   */
  adjustment: z.number().int().min(0).default(0),
  /**
   * Set on a differentially private release (a public report): every number carries random noise
   * of privacy loss `epsilon` for the whole table (`releaseEpsilon` for all the release's tables
   * together), typically `typicalError` from the count, in place of the adjustment and of
   * suppression's complements; numbers below the threshold are still shown as hidden.
   * `listedFrom`, one per breakdown in `by` order, is the noisy count a line of it had to reach to
   * be listed (0: every line is listed), so a reader of the table knows what a line left out
   * stood below; a release made before lines had a bar left out only lines below the threshold.
   */
  differentialPrivacy: z
    .object({
      epsilon: z.number().positive(),
      releaseEpsilon: z.number().positive(),
      typicalError: z.number().min(0),
      listedFrom: z.array(z.number().int().min(0)).max(2).optional(),
    })
    .optional(),
  cells: z.array(figureCellSchema),
  /** Row and column totals (keys of one breakdown), suppressed by the same rule. */
  margins: z.array(z.array(figureCellSchema)),
  total: figureCellSchema,
});
export type FigureTable = z.infer<typeof figureTableSchema>;

/** `GET /api/statistics/definitions`: every figure, and the age bands of the reader's country. */
export const statisticDefinitionsSchema = z.object({
  items: z.array(statisticDefinitionSchema),
  ageBands: z.array(ageBandSchema),
});
export type StatisticDefinitions = z.infer<typeof statisticDefinitionsSchema>;
