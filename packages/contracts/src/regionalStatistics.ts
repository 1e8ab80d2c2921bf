/**
 * A regional report (issue 13): the countries' released aggregates side by side. A released
 * report travels to every partner instance as a `statistic_release` packet; the reader's own
 * released report and each partner's current release of the same template and period make one
 * table per figure, a column per country.
 */
import { z } from 'zod';
import { SUPPORTED_LOCALES } from './locales.js';
import { REPORT_TEMPLATE_KEYS, type ReportTemplate, reportRequestSchema } from './statisticReports.js';
import { STATISTIC_BREAKDOWNS, STATISTIC_KEYS, STATISTIC_UNITS } from './statisticVocabulary.js';
import { DELIVERY_STATUSES } from './vocabulary.js';

const template = z.enum(REPORT_TEMPLATE_KEYS as [ReportTemplate, ...ReportTemplate[]]);

const regionalPeriod = z.object({ template, year: z.coerce.number().int(), part: z.coerce.number().int().optional() });

// The period is checked exactly as a report's: the regional view is of reports' periods.
function checkRegionalPeriod({ template, year, part }: z.infer<typeof regionalPeriod>, ctx: z.RefinementCtx) {
  const period = reportRequestSchema.safeParse({ template, year, part });
  for (const issue of period.success ? [] : period.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}

/** `GET /api/statistics/regional`: a template and its period, as a report is generated for. */
export const regionalQuerySchema = regionalPeriod.strict().superRefine(checkRegionalPeriod);
/** `GET /api/statistics/regional.xlsx`: the same as a workbook, in the reader's language unless another is asked for. */
export const regionalFileQuerySchema = regionalPeriod
  .extend({ locale: z.enum(SUPPORTED_LOCALES).optional() })
  .strict()
  .superRefine(checkRegionalPeriod);
export type RegionalQuery = z.infer<typeof regionalQuerySchema>;

/**
 * One country's number for one row: shown as released, hidden below the country's threshold,
 * not released (the country has no release of this template and period), or not recorded (the
 * country's records of this figure do not exist yet).
 */
export const regionalValueSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('shown'), value: z.number() }),
  z.object({ state: z.literal('suppressed'), threshold: z.number().int() }),
  z.object({ state: z.literal('not_released') }),
  z.object({ state: z.literal('not_recorded') }),
]);
export type RegionalValue = z.infer<typeof regionalValueSchema>;

/**
 * A row of a figure: its breakdown values in the order of `by`, `null` where the row sums over
 * that breakdown (a row total, a column total, or the grand total when all are null); one value
 * per country, in the order of the report's countries.
 */
export const regionalRowSchema = z.object({ keys: z.array(z.string().nullable()), values: z.array(regionalValueSchema) });
export type RegionalRow = z.infer<typeof regionalRowSchema>;

export const regionalFigureSchema = z.object({
  statistic: z.enum(STATISTIC_KEYS),
  unit: z.enum(STATISTIC_UNITS),
  by: z.array(z.enum(STATISTIC_BREAKDOWNS)),
  rows: z.array(regionalRowSchema),
});
export type RegionalFigure = z.infer<typeof regionalFigureSchema>;

/** A country's column: the reader's own first, then each partner; `release` null when it has released nothing for the period. */
export const regionalCountrySchema = z.object({
  country: z.string(),
  own: z.boolean(),
  partner: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  release: z
    .object({
      releasedAt: z.string(),
      locale: z.enum(SUPPORTED_LOCALES),
      /** The signatory's position as printed on the released report; no one's name crosses the border. */
      approverPosition: z.string().nullable(),
      /** The country's publication rule: cells below `threshold` hidden, shown counts adjusted by at most `adjustment`. */
      threshold: z.number().int(),
      adjustment: z.number().int(),
      /**
       * Set when the release is differentially private (a public report): its numbers carry random
       * noise of privacy loss `epsilon` per table and `releaseEpsilon` in all, in place of the adjustment.
       */
      privacy: z.object({ epsilon: z.number().positive(), releaseEpsilon: z.number().positive() }).nullable(),
      /** When this instance received it; null for the reader's own release. */
      receivedAt: z.string().nullable(),
    })
    .nullable(),
});
export type RegionalCountry = z.infer<typeof regionalCountrySchema>;

export const regionalReportSchema = z.object({
  template,
  from: z.string(),
  to: z.string(),
  countries: z.array(regionalCountrySchema),
  figures: z.array(regionalFigureSchema),
});
export type RegionalReport = z.infer<typeof regionalReportSchema>;

/** Where a released report stands with each partner it was sent to: on its way, delivered, or turned away. */
export const releaseSharingSchema = z.object({
  items: z.array(
    z.object({
      partner: z.object({ id: z.string().uuid(), name: z.string(), country: z.string() }),
      status: z.enum(DELIVERY_STATUSES),
      sentAt: z.string(),
      settledAt: z.string().nullable(),
    }),
  ),
});
export type ReleaseSharing = z.infer<typeof releaseSharingSchema>;
