import {
  countryCode,
  figureCellSchema,
  figureTableSchema,
  REPORT_TEMPLATE_KEYS,
  REPORT_TEMPLATES,
  type ReportTemplate,
  SUPPORTED_LOCALES,
} from '@seamless/contracts';
import { z } from 'zod';
import type { statisticReports } from '../../db/schema/index.js';
import { reportPartOf, reportPeriodOf } from '../reports/reportPeriod.js';

/** As many numbers as one figure may hold (a larger table is refused when computed, too). */
const MOST_CELLS = 1_500;

const cell = figureCellSchema.strict();

/** A released table as published: hidden cells carry no number, shown ones a number that is never negative. */
const releasedTable = figureTableSchema
  .extend({ cells: z.array(cell).max(MOST_CELLS), margins: z.array(z.array(cell).max(MOST_CELLS)).max(2), total: cell })
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
    if (table.threshold < 1)
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'Cells below a threshold of one or more are hidden.' });
  });

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
