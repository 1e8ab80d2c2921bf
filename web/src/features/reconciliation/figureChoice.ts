import {
  periodShapeOf,
  type StatisticBreakdown,
  type StatisticDefinition,
  type StatisticKey,
  type StatisticSubmissionRequest,
} from '@seamless/contracts';
import { type Month, type Period, periodRange } from '../statistics/period';

/**
 * A breakdown reported figures can take: never the agency, as an agency's figures are its row of
 * the national table by agency, so the agency is already that table's other dimension.
 */
export type ReportedBreakdown = Exclude<StatisticBreakdown, 'agency'>;

export const isReportedBreakdown = (breakdown: StatisticBreakdown): breakdown is ReportedBreakdown => breakdown !== 'agency';

/** Which figure a data officer is reporting for: the same choices for typed numbers and for a workbook. */
export interface FigureChoice {
  sourceAgencyId: string | null;
  statistic: StatisticKey;
  period: Period;
  /** One at most, the agency being the table's other dimension; `null` for the total only. */
  breakdown: ReportedBreakdown | null;
  source: string;
}

export const DEFAULT_STATISTIC: StatisticKey = 'victims_identified';

/** An agency's annual report is the usual source, so last year (where the agency works) comes first. */
export function initialChoice(sourceAgencyId: string | null, currentYear: number): FigureChoice {
  return { sourceAgencyId, statistic: DEFAULT_STATISTIC, period: { kind: 'year', year: currentYear - 1 }, breakdown: null, source: '' };
}

/**
 * Figures an agency can report as counts. A rate per 100,000 is worked out from a count and the
 * population, never reported as a whole number, so it is compared through the count behind it.
 */
export const reportableDefinitions = (definitions: readonly StatisticDefinition[]) =>
  definitions.filter((definition) => definition.unit !== 'rate_per_100k');

/** The breakdown still allowed after the figure changed: one the new figure lacks is dropped, not refused. */
export function allowedBreakdown(breakdown: ReportedBreakdown | null, allowed: readonly StatisticBreakdown[]): ReportedBreakdown | null {
  return breakdown !== null && allowed.includes(breakdown) ? breakdown : null;
}

type FigureFields = Omit<StatisticSubmissionRequest, 'cells' | 'total'>;

/** The figure part of a submission as the contract names it; an agency not chosen yet is left for the check to name. */
export function figureFields(choice: FigureChoice): Record<keyof FigureFields, unknown> {
  return {
    sourceAgencyId: choice.sourceAgencyId ?? undefined,
    statistic: choice.statistic,
    ...periodRange(choice.period),
    by: choice.breakdown === null ? [] : [choice.breakdown],
    source: choice.source,
  };
}

/** The workbook routes take the figure in the address. */
export function workbookQuery(choice: FigureChoice): Record<string, string | undefined> {
  return {
    sourceAgencyId: choice.sourceAgencyId ?? undefined,
    statistic: choice.statistic,
    ...periodRange(choice.period),
    by: choice.breakdown ?? undefined,
    source: choice.source.trim() || undefined,
  };
}

/** The template needs only the shape of the table: which figure, which period, which breakdown. */
export function templateQuery(choice: FigureChoice): Record<string, string | undefined> {
  const { statistic, from, to, by } = workbookQuery(choice);
  return { statistic, from, to, by };
}

/** A half-year is a period the server accepts that the pickers do not offer. */
export type SubmittedPeriod = Period | { kind: 'half'; year: number; half: 1 | 2 };

/** A submission's period as the pickers name it, or `null` for a span the figures never take. */
export function submittedPeriod(from: string, to: string): SubmittedPeriod | null {
  const shape = periodShapeOf(from, to);
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7));
  switch (shape) {
    case 'years': {
      const last = Number(to.slice(0, 4));
      return last === year ? { kind: 'year', year } : { kind: 'years', from: year, to: last };
    }
    case 'quarter':
      return { kind: 'quarter', year, quarter: Math.ceil(month / 3) as 1 | 2 | 3 | 4 };
    case 'half':
      return { kind: 'half', year, half: month === 1 ? 1 : 2 };
    case 'month':
      return { kind: 'month', year, month: month as Month };
    case null:
      return null;
  }
}
