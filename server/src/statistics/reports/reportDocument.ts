import type { FigureTable, Locale, ReportStatus, ReportTemplate } from '@seamless/contracts';
import { dayIn, interpolate, periodLabel, type ReportLabelling } from './reportLabels.js';
import { REPORT_TEXT } from './reportText.js';

/** A report as both renderings print it: its frozen tables and who generated, signed and released it. */
export type ReportDocument = {
  template: ReportTemplate;
  from: string;
  to: string;
  locale: Locale;
  status: ReportStatus;
  tables: FigureTable[];
  generatedAt: Date;
  generatedByName: string;
  approval: { signatoryName: string; signatoryPosition: string; at: Date } | null;
  releasedAt: Date | null;
  agencyNames: Map<string, string>;
  /** The country's time zone: the days printed are the country's days. */
  timeZone: string;
};

/** The lines every rendering opens with: title, period, standing, provenance and signature. */
export function coverOf(report: ReportDocument) {
  const text = REPORT_TEXT[report.locale];
  const labelling: ReportLabelling = { locale: report.locale, text, agencyNames: report.agencyNames };
  const day = (at: Date) => dayIn(at, report.locale, report.timeZone);
  const threshold = report.tables[0]?.threshold ?? 5;
  const privacy = report.tables[0]?.differentialPrivacy;
  return {
    labelling,
    title: text.title[report.template],
    period: periodLabel(report.template, report.from, labelling),
    status: text.status[report.status],
    notReleased: report.status === 'released' ? null : text.notReleased,
    generated: interpolate(text.generated, { date: day(report.generatedAt), name: report.generatedByName }),
    frozen: interpolate(text.frozen, { date: day(report.generatedAt) }),
    approval: report.approval
      ? [
          [text.signatoryName, report.approval.signatoryName],
          [text.signatoryPosition, report.approval.signatoryPosition],
          [text.approvedOn, day(report.approval.at)],
        ]
      : null,
    released: report.releasedAt ? interpolate(text.releasedOn, { date: day(report.releasedAt) }) : null,
    suppressedNote: privacy
      ? interpolate(text.differentiallyPrivate, {
          epsilon: privacy.epsilon,
          total: privacy.releaseEpsilon,
          // The widest of the tables: a one-way table spends its privacy loss on fewer lines.
          error: Math.max(...report.tables.map((table) => table.differentialPrivacy?.typicalError ?? 0)),
          threshold,
        })
      : interpolate(text.suppressed, { threshold }),
    // Reports frozen before counts were adjusted say nothing of it; a private release is not adjusted.
    adjustedNote: report.tables[0]?.adjustment ? interpolate(text.adjusted, { adjustment: report.tables[0].adjustment }) : null,
    text,
  };
}
