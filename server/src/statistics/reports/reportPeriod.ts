import { lastDayOfMonth, REPORT_TEMPLATES, type ReportRequest } from '@seamless/contracts';

const pad = (month: number) => String(month).padStart(2, '0');

/** The whole months a report covers: a quarter, a half or the calendar year. */
export function reportPeriodOf(request: Pick<ReportRequest, 'template' | 'year' | 'part'>): { from: string; to: string } {
  const kind = REPORT_TEMPLATES[request.template].period;
  const months = kind === 'quarter' ? 3 : kind === 'half' ? 6 : 12;
  const first = ((request.part ?? 1) - 1) * months + 1;
  const last = first + months - 1;
  return { from: `${request.year}-${pad(first)}-01`, to: lastDayOfMonth(`${request.year}-${pad(last)}-01`) };
}

/** Which part of its year a report's period is (quarter 1–4, half 1–2), from its first month. */
export function reportPartOf(template: keyof typeof REPORT_TEMPLATES, from: string): number | undefined {
  const kind = REPORT_TEMPLATES[template].period;
  const month = Number(from.slice(5, 7));
  if (kind === 'quarter') return Math.floor((month - 1) / 3) + 1;
  if (kind === 'half') return month <= 6 ? 1 : 2;
  return undefined;
}
