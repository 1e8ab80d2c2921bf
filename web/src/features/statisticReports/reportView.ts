import {
  type Locale,
  REPORT_TEMPLATES,
  type ReportPeriodKind,
  type ReportRequest,
  type ReportStatus,
  type ReportTemplate,
  timeZoneOfCountry,
} from '@seamless/contracts';

/** How many parts of a year a template's period divides it into: four quarters, two halves, or none (the whole year). */
export function partsOf(template: ReportTemplate): number {
  const period: ReportPeriodKind = REPORT_TEMPLATES[template].period;
  return period === 'quarter' ? 4 : period === 'half' ? 2 : 0;
}

/** The choices of the quarter or half select, 1…n; empty when the template covers a whole year. */
export const partOptions = (template: ReportTemplate): number[] => Array.from({ length: partsOf(template) }, (_, index) => index + 1);

export const STATUS_COLORS: Record<ReportStatus, string> = { draft: 'gray', approved: 'blue', released: 'green' };

/** Today's date (`YYYY-MM-DD`) where the reader's agency works. */
export function todayIn(countryCode: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timeZoneOfCountry(countryCode),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * The period a report is usually wanted for: the last one that has ended (a quarterly report in
 * May is for the first quarter; an annual report is for last year).
 */
export function lastCompletePeriod(template: ReportTemplate, today: string): { year: number; part: number | null } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const parts = partsOf(template);
  if (parts === 0) return { year: year - 1, part: null };
  const current = Math.floor(((month - 1) * parts) / 12) + 1;
  return current === 1 ? { year: year - 1, part: parts } : { year, part: current - 1 };
}

/** The years offered: this one and the ten before, newest first. */
export const yearOptions = (currentYear: number): number[] => Array.from({ length: 11 }, (_, index) => currentYear - index);

export interface ReportDraft {
  template: ReportTemplate;
  year: number | null;
  part: number | null;
  locale: Locale;
}

/** The request as the contract wants it: a part only for a template that divides the year. */
export function reportRequest(draft: ReportDraft): Record<keyof ReportRequest, unknown> {
  return {
    template: draft.template,
    year: draft.year ?? undefined,
    part: partsOf(draft.template) > 0 ? (draft.part ?? undefined) : undefined,
    locale: draft.locale,
  };
}

/** The period a report covers, read back from its first day: which quarter or half of which year. */
export type ReportPeriod = { kind: 'year'; year: number } | { kind: 'quarter' | 'half'; year: number; part: number };

export function reportPeriod(template: ReportTemplate, from: string): ReportPeriod {
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7));
  const parts = partsOf(template);
  if (parts === 0) return { kind: 'year', year };
  return { kind: parts === 4 ? 'quarter' : 'half', year, part: Math.floor(((month - 1) * parts) / 12) + 1 };
}

/** `national_quarterly_2025-Q2`: a report's figure tables are downloaded under its period. */
export function reportSlug(template: ReportTemplate, from: string): string {
  const period = reportPeriod(template, from);
  if (period.kind === 'year') return String(period.year);
  return `${period.year}-${period.kind === 'quarter' ? 'Q' : 'H'}${period.part}`;
}
