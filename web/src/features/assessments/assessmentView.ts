import {
  type Assessment,
  type AssessmentInstrument,
  type AssessmentTrend,
  type CarePartSection,
  localised,
  type RiskReason,
} from '@seamless/contracts';
import { formatNumber } from '../../lib/numbers';

/** The instruments a new assessment may use: for each key, its newest version in use. */
export function instrumentsInUse(instruments: readonly AssessmentInstrument[]): AssessmentInstrument[] {
  const newest = new Map<string, AssessmentInstrument>();
  for (const instrument of instruments) {
    if (!instrument.active) continue;
    const seen = newest.get(instrument.key);
    if (!seen || seen.version < instrument.version) newest.set(instrument.key, instrument);
  }
  return [...newest.values()];
}

/**
 * The instruments as the recorder may fill them in: only the domains of the sections she records,
 * and only instruments left with a domain at all.
 */
export function recordableInstruments(
  instruments: readonly AssessmentInstrument[],
  record: readonly CarePartSection[],
): AssessmentInstrument[] {
  return instruments
    .map((instrument) => ({ ...instrument, domains: instrument.domains.filter((domain) => record.includes(domain.section)) }))
    .filter((instrument) => instrument.domains.length > 0);
}

/** The instrument's domains this assessment shows the reader: those it scored that her sections open. */
export const shownDomains = (assessment: Pick<Assessment, 'domainScores'>, instrument: AssessmentInstrument | undefined) =>
  (instrument?.domains ?? []).filter((domain) => assessment.domainScores[domain.key] !== undefined);

/** Risk reasons by domain, for badges: a domain that dropped and sits in the lowest band shows both. */
export function risksByDomain(assessment: Pick<Assessment, 'risks'>): Map<string, RiskReason[]> {
  const byDomain = new Map<string, RiskReason[]>();
  for (const { domain, reason } of assessment.risks) byDomain.set(domain, [...(byDomain.get(domain) ?? []), reason]);
  return byDomain;
}

/** `overall` is null where the reader does not see every domain the assessment scored. */
export type TrendTableRow = { assessedOn: string; overall: number | null; values: (number | null)[] };

/** The chart's accessible alternative: one row per assessment, a column per domain in the trend's order. */
export function trendTable(trend: AssessmentTrend): { columns: { key: string; labels: Record<string, string> }[]; rows: TrendTableRow[] } {
  return {
    columns: trend.domains,
    rows: trend.points.map((point, index) => ({
      assessedOn: point.assessedOn,
      overall: point.overallScore,
      values: trend.series.map((series) => series.values[index] ?? null),
    })),
  };
}

/** Line series for the chart, named in the reader's language. */
export function chartSeries(trend: AssessmentTrend, locale: string) {
  return trend.series.map((series) => ({
    name: localised(trend.domains.find((domain) => domain.key === series.domain)?.labels, locale) || series.domain,
    values: series.values,
  }));
}

/** A score as the form shows it: at most two decimals, no trailing zeros. */
export const formatScore = (score: number, locale: string) => formatNumber(score, locale, { maximumFractionDigits: 2 });
