import {
  closedBreakdownValues,
  countryCode,
  EXPLOITATION_TYPES,
  type FigureCell,
  type FigureTable,
  figureCellSchema,
  figureTableSchema,
  ISO_COUNTRY_CODES,
  REPORT_TEMPLATE_KEYS,
  REPORT_TEMPLATES,
  type ReportTemplate,
  type StatisticBreakdown,
  SUPPORTED_LOCALES,
} from '@seamless/contracts';
import { z } from 'zod';
import type { statisticReports } from '../../db/schema/index.js';
import { MOST_PUBLISHED_CELLS } from '../figures.js';
import { reportPartOf, reportPeriodOf } from '../reports/reportPeriod.js';
import { SUPPRESSION_THRESHOLD } from '../suppression.js';

const cell = figureCellSchema.strict();

/** A released table as published: hidden cells carry no number, shown ones a number that is never negative. */
const releasedTable = figureTableSchema
  // As many numbers as one figure may hold when it is computed.
  .extend({
    cells: z.array(cell).max(MOST_PUBLISHED_CELLS),
    margins: z.array(z.array(cell).max(MOST_PUBLISHED_CELLS)).max(2),
    total: cell,
  })
  .strict()
  .superRefine((table, ctx) => {
    // A number that is not there (a rate without the population, a figure not recorded) is null without being hidden.
    const published = [...table.cells, ...table.margins.flat(), table.total];
    for (const { value, suppressed } of published) {
      const consistent = value === null || (!suppressed && value >= 0 && Number.isFinite(value));
      if (!consistent) ctx.addIssue({ code: 'custom', path: ['cells'], message: 'A hidden cell has no number; a shown one is a count.' });
    }
    if (table.cells.some((one) => one.keys.length !== table.by.length) || table.total.keys.length !== 0)
      ctx.addIssue({ code: 'custom', path: ['cells'], message: 'Each cell names one value per breakdown.' });
    const margins = table.by.length === 2 ? 2 : 0;
    if (table.margins.length > margins || table.margins.some((line) => line.some((one) => one.keys.length !== 1)))
      ctx.addIssue({ code: 'custom', path: ['margins'], message: 'Totals are by one breakdown, of a table of two.' });
    const bars = table.differentialPrivacy?.listedFrom;
    if (bars && bars.length !== table.by.length)
      ctx.addIssue({ code: 'custom', path: ['differentialPrivacy', 'listedFrom'], message: 'One bar per breakdown.' });
    // A partner's numbers are shown on our pages and in our workbooks beside our own: its rule
    // hides at least what ours hides, so nothing we print shows a count our rule would not.
    if (table.threshold < SUPPRESSION_THRESHOLD)
      ctx.addIssue({
        code: 'custom',
        path: ['threshold'],
        message: `Cells below a threshold of ${SUPPRESSION_THRESHOLD} or more are hidden.`,
      });
    if (published.some((cell) => isSmallCount(table, cell)))
      ctx.addIssue({ code: 'custom', path: ['cells'], message: 'A shown count is not below the threshold.' });
  });

/**
 * A shown count the table's own rule would have hidden. A suppressed table shows a zero (a true
 * zero reveals no one) and otherwise counts of at least the threshold: the adjustment never takes
 * one below it (perturbation.ts). A differentially private table hides every noisy count below
 * the threshold, zero included, so a zero there would claim "none" where the noise hides whether
 * any. A rate is a count divided by the population, so only counts are held to this.
 */
function isSmallCount(table: Pick<FigureTable, 'unit' | 'threshold' | 'differentialPrivacy'>, shown: FigureCell): boolean {
  if (table.unit === 'rate_per_100k' || shown.suppressed || shown.value === null || shown.value >= table.threshold) return false;
  return shown.value !== 0 || table.differentialPrivacy !== undefined;
}

/** Where a record does not say (`unknown`) or says something outside the list (`other`), as statistic_counts names them. */
const UNLISTED: ReadonlySet<string> = new Set(['other', 'unknown']);
const EXPLOITATION: ReadonlySet<string> = new Set(EXPLOITATION_TYPES);
/** ISO 3166-2: the country's alpha-2 code, then one to three letters or digits. */
const SUBDIVISION = /^([A-Z]{2})-[A-Z0-9]{1,3}$/;
/** An age band as instances name theirs (`0-14`, `50+`): a country draws its own bands, but names them alike. */
const AGE_BAND = /^\d{1,3}(-\d{1,3}|\+)$/;

/**
 * Whether a received key is a value of its breakdown for the releasing country and period. What
 * a partner sends becomes row labels on our pages and in our workbooks, so only values of the
 * shared vocabulary pass: free text there could carry anything, a person's name included.
 */
function isValueOf(breakdown: StatisticBreakdown, key: string, release: { country: string; from: string; to: string }): boolean {
  switch (breakdown) {
    case 'nationality':
      return ISO_COUNTRY_CODES.has(key) || UNLISTED.has(key);
    case 'exploitationType':
      return EXPLOITATION.has(key) || UNLISTED.has(key);
    case 'province':
      return SUBDIVISION.exec(key)?.[1] === release.country || UNLISTED.has(key);
    case 'ageBand':
      return AGE_BAND.test(key) || key === 'unknown';
    // No report template breaks down by agency: another country's agency ids name nothing here.
    case 'agency':
      return false;
    default:
      return closedBreakdownValues(breakdown, release, []).includes(key);
  }
}

/** Every key a table's cells and totals name, with the breakdown it is a value of (undefined where the table has fewer). */
const namedKeys = (table: Pick<FigureTable, 'by' | 'cells' | 'margins'>) => [
  ...table.cells.flatMap((one) => one.keys.map((key, at) => ({ breakdown: table.by[at], key }))),
  ...table.margins.flatMap((line, at) => line.map((one) => ({ breakdown: table.by[at], key: one.keys[0] }))),
];

/**
 * The body of a `statistic_release` packet: a released statistical report, aggregates only — the
 * published numbers as printed (hidden cells hidden), the threshold and adjustment, the template,
 * period, country and release date, and the signatory's position. It carries nothing about a
 * person, so it relies on no consent (the packet's consent is null): what crosses the border is
 * what the country has already published. The names of the staff who generated, signed and
 * released it are not sent, although the printed report carries the signatory's: the partner
 * reads the figures on the authority of an office, and a name would only need keeping current.
 */
export const statisticReleaseSchema = z
  .object({
    report: z.string().uuid(),
    country: countryCode,
    template: z.enum(REPORT_TEMPLATE_KEYS as [ReportTemplate, ...ReportTemplate[]]),
    from: z.iso.date(),
    to: z.iso.date(),
    locale: z.enum(SUPPORTED_LOCALES),
    releasedAt: z.iso.datetime(),
    approverPosition: z.string().trim().min(1).max(200),
    tables: z.array(releasedTable).max(30),
  })
  .strict()
  .superRefine((release, ctx) => {
    // The period is one the template covers, and every table is the template's, for that period.
    const period = reportPeriodOf({
      template: release.template,
      year: Number(release.from.slice(0, 4)),
      part: reportPartOf(release.template, release.from),
    });
    if (period.from !== release.from || period.to !== release.to)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'Not a period of this template.' });
    const expected = REPORT_TEMPLATES[release.template].tables;
    const matches =
      release.tables.length === expected.length &&
      release.tables.every(
        (table, index) =>
          table.statistic === expected[index]!.statistic &&
          table.by.join() === expected[index]!.by.join() &&
          table.from === release.from &&
          table.to === release.to,
      );
    if (!matches) ctx.addIssue({ code: 'custom', path: ['tables'], message: "Not the template's tables for the period." });
    release.tables.forEach((table, index) => {
      const foreign = namedKeys(table).some(
        ({ breakdown, key }) => breakdown === undefined || key === undefined || !isValueOf(breakdown, key, release),
      );
      if (foreign) ctx.addIssue({ code: 'custom', path: ['tables', index, 'cells'], message: 'A key is not a value of its breakdown.' });
    });
  });
export type StatisticRelease = z.infer<typeof statisticReleaseSchema>;

type ReleasedReport = typeof statisticReports.$inferSelect;

/** What of a released report goes to partners (see statisticReleaseSchema for why exactly this). */
export function statisticReleaseOf(report: ReleasedReport): StatisticRelease {
  if (!report.releasedAt || !report.signatoryPosition) throw new Error('only a released report is shared');
  return {
    report: report.id,
    country: report.countryCode,
    template: report.template,
    from: report.periodFrom,
    to: report.periodTo,
    locale: report.locale,
    releasedAt: report.releasedAt.toISOString(),
    approverPosition: report.signatoryPosition,
    tables: report.tables,
  };
}
