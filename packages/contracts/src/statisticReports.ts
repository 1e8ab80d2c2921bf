/**
 * Statistical reports (issue 13): the quarterly, six-monthly and annual tables a ministry
 * publishes, each a template that is data — which figures, broken down how. A report is generated
 * for one period with its figures frozen (the same numbers on every download, whatever is
 * recorded later), signed by an approver who did not generate it, then released; released, it
 * never changes.
 */
import { z } from 'zod';
import { countryLanguageOf } from './documentLanguage.js';
import { SUPPORTED_LOCALES } from './locales.js';
import { plainText } from './plausibility.js';
import { figureTableSchema } from './statistics.js';
import type { StatisticBreakdown, StatisticKey } from './statisticVocabulary.js';

export const REPORT_PERIOD_KINDS = ['quarter', 'half', 'year'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

export type ReportTable = { statistic: StatisticKey; by: StatisticBreakdown[] };

/** The tables of the national reports: victims by sex × age band, nationality and form of exploitation; identified vs assisted vs repatriated; follow-up; SDG 16.2.2. */
const VICTIM_TABLES: ReportTable[] = [
  { statistic: 'victims_identified', by: ['sex', 'ageBand'] },
  { statistic: 'victims_identified', by: ['nationality', 'sex'] },
  { statistic: 'victims_identified', by: ['exploitationType', 'sex'] },
  { statistic: 'victims_identified', by: ['domesticAbroad'] },
  { statistic: 'victims_assisted', by: ['sex', 'child'] },
  { statistic: 'victims_sheltered', by: ['sex', 'child'] },
  { statistic: 'victims_repatriated', by: ['nationality'] },
  { statistic: 'follow_ups_completed', by: [] },
];
const JUSTICE_TABLES: ReportTable[] = [
  { statistic: 'cases_investigated', by: ['exploitationType'] },
  { statistic: 'suspects_prosecuted', by: ['sex'] },
  { statistic: 'suspects_convicted', by: ['sex'] },
];

export const REPORT_TEMPLATES = {
  national_quarterly: { period: 'quarter', tables: [...VICTIM_TABLES, { statistic: 'cases_opened', by: ['month'] }] },
  national_six_monthly: {
    period: 'half',
    tables: [...VICTIM_TABLES, { statistic: 'cases_opened', by: ['quarter'] }, ...JUSTICE_TABLES],
  },
  national_annual: {
    period: 'year',
    tables: [
      ...VICTIM_TABLES,
      { statistic: 'victims_identified', by: ['province'] },
      { statistic: 'cases_opened', by: ['quarter'] },
      ...JUSTICE_TABLES,
      { statistic: 'sdg_16_2_2', by: ['sex', 'child'] },
    ],
  },
  /**
   * What a ministry sends the US Department of State for its annual Trafficking in Persons (TIP)
   * Report: victims identified (by sex and age, form of exploitation, nationality, and whether
   * exploited at home or abroad), victims referred to and receiving care, victims sheltered, and
   * the law-enforcement figures — cases investigated, suspects prosecuted and convicted, split
   * between forms of exploitation (sex trafficking, forced labour) as the report asks. The TIP
   * reporting period runs April to March, but a Seamless report covers whole quarters, halves or
   * calendar years, so this one is of the calendar year; the ministry notes the difference when
   * it submits the figures.
   * Left out, because Seamless does not record them yet: sentences imposed, investigations and
   * prosecutions of complicit officials, restitution and compensation to victims, victims who
   * took part in proceedings, foreign victims given legal alternatives to removal, victims
   * penalised for acts they were compelled to commit, budgets, training, prevention campaigns and
   * labour inspections. Until legal proceedings are recorded the investigation, prosecution and
   * conviction tables print "No data recorded".
   */
  us_tip_annual: {
    period: 'year',
    tables: [
      { statistic: 'victims_identified', by: ['sex', 'child'] },
      { statistic: 'victims_identified', by: ['exploitationType'] },
      { statistic: 'victims_identified', by: ['nationality'] },
      { statistic: 'victims_identified', by: ['domesticAbroad'] },
      { statistic: 'victims_assisted', by: ['sex', 'child'] },
      { statistic: 'victims_sheltered', by: ['sex', 'child'] },
      { statistic: 'cases_investigated', by: ['exploitationType'] },
      { statistic: 'suspects_prosecuted', by: ['exploitationType', 'sex'] },
      { statistic: 'suspects_convicted', by: ['exploitationType', 'sex'] },
    ],
  },
  /**
   * The annual indicators of the COMMIT (Coordinated Mekong Ministerial Initiative against
   * Trafficking) sub-regional plan of action, which the six Mekong countries report to one
   * another: victims identified by nationality and sex, and as children or adults by sex (the
   * cross-border and child-protection questions); victims repatriated by nationality; victims
   * assisted; reintegration follow-ups completed (the plan's question of victims supported back
   * into their communities); and cases investigated, suspects prosecuted and convicted.
   * Left out, because Seamless does not record them yet: requests for mutual legal assistance and
   * extradition between COMMIT countries, whether a repatriation went through a bilateral
   * agreement's channel, how long victims waited to go home, reintegration outcomes beyond a
   * completed follow-up plan, and the plan's training, prevention and budget indicators.
   * Legal proceedings print "No data recorded" until their capability lands.
   */
  commit_annual: {
    period: 'year',
    tables: [
      { statistic: 'victims_identified', by: ['nationality', 'sex'] },
      { statistic: 'victims_identified', by: ['child', 'sex'] },
      { statistic: 'victims_repatriated', by: ['nationality'] },
      { statistic: 'victims_assisted', by: ['sex', 'child'] },
      { statistic: 'follow_ups_completed', by: [] },
      { statistic: 'cases_investigated', by: [] },
      { statistic: 'suspects_prosecuted', by: [] },
      { statistic: 'suspects_convicted', by: [] },
    ],
  },
  /**
   * The figures an ASEAN member state reports on its implementation of the ASEAN Convention
   * against Trafficking in Persons, Especially Women and Children (ACTIP) and its plan of action:
   * victims identified by sex and age, by form of exploitation and sex, and by nationality (the
   * Convention's women-and-children and transnational questions); victims repatriated by
   * nationality (the return of victims); suspects prosecuted and convicted by sex (criminalisation
   * and prosecution); cases investigated by form of exploitation.
   * Left out, because Seamless does not record them yet: mutual legal assistance and extradition,
   * confiscated proceeds of crime, compensation to victims, victims not punished for acts they
   * were compelled to commit, sentences, and the prevention and cooperation measures the report
   * describes in words. Legal proceedings print "No data recorded" until their capability lands.
   */
  asean_actip_annual: {
    period: 'year',
    tables: [
      { statistic: 'victims_identified', by: ['sex', 'child'] },
      { statistic: 'victims_identified', by: ['exploitationType', 'sex'] },
      { statistic: 'victims_identified', by: ['nationality'] },
      { statistic: 'victims_repatriated', by: ['nationality'] },
      { statistic: 'suspects_prosecuted', by: ['sex'] },
      { statistic: 'suspects_convicted', by: ['sex'] },
      { statistic: 'cases_investigated', by: ['exploitationType'] },
    ],
  },
  /**
   * Open data: the figures a ministry may publish for anyone, released with differential privacy
   * (each table's numbers carry random noise of privacy loss 2, so what the release says about any
   * one person is bounded however it is combined with other data; a report of 7 tables spends 14).
   * Only breakdowns whose values are known in advance, so that which rows exist says nothing; a
   * row whose every number falls below the threshold is left out after the noise.
   */
  public_annual: {
    period: 'year',
    privacy: { epsilonPerTable: 2 },
    tables: [
      { statistic: 'victims_identified', by: ['sex', 'child'] },
      { statistic: 'victims_identified', by: ['exploitationType'] },
      { statistic: 'victims_identified', by: ['nationality'] },
      { statistic: 'victims_identified', by: ['domesticAbroad'] },
      { statistic: 'victims_assisted', by: ['sex', 'child'] },
      { statistic: 'victims_repatriated', by: [] },
      { statistic: 'cases_opened', by: ['quarter'] },
    ],
  },
} as const satisfies Record<string, ReportTemplateDefinition>;

/** A template's period, tables, and — for a public release — the privacy loss each table may spend. */
export type ReportTemplateDefinition = {
  period: ReportPeriodKind;
  tables: ReportTable[];
  privacy?: { epsilonPerTable: number };
};

/** The differential privacy a template's release uses, or none (counts adjusted and small ones suppressed). */
export const reportPrivacyOf = (template: ReportTemplate): { epsilonPerTable: number } | null =>
  (REPORT_TEMPLATES[template] as ReportTemplateDefinition).privacy ?? null;
export type ReportTemplate = keyof typeof REPORT_TEMPLATES;
export const REPORT_TEMPLATE_KEYS = Object.keys(REPORT_TEMPLATES) as ReportTemplate[];

export const REPORT_STATUSES = ['draft', 'approved', 'released'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Generate a report: the template, and which quarter or half of which year (none for an annual one). */
export const reportRequestSchema = z
  .object({
    template: z.enum(REPORT_TEMPLATE_KEYS as [ReportTemplate, ...ReportTemplate[]]),
    year: z.number().int().min(2000).max(2100),
    /** 1–4 for a quarterly report, 1–2 for a six-monthly one. */
    part: z.number().int().min(1).max(4).optional(),
    /** The language the report is written in; the country's own by default. */
    locale: z.enum(SUPPORTED_LOCALES).optional(),
  })
  .strict()
  .superRefine((request, ctx) => {
    const period = REPORT_TEMPLATES[request.template].period;
    const parts = period === 'quarter' ? 4 : period === 'half' ? 2 : 0;
    if (parts === 0 && request.part !== undefined)
      ctx.addIssue({ code: 'custom', path: ['part'], message: 'An annual report covers the whole year.' });
    if (parts > 0 && (request.part === undefined || request.part > parts)) {
      ctx.addIssue({ code: 'custom', path: ['part'], message: `Choose which ${period} of the year (1–${parts}).` });
    }
  });
export type ReportRequest = z.infer<typeof reportRequestSchema>;

/** The approver signs with her name and position, as on the printed report. */
export const reportApprovalSchema = z
  .object({ signatoryName: plainText(200, { min: 1 }), signatoryPosition: plainText(200, { min: 1 }), version: z.number().int() })
  .strict();
export const reportReleaseSchema = z.object({ version: z.number().int() }).strict();

const personStampSchema = z.object({ name: z.string(), at: z.string() }).nullable();

export const statisticReportSummarySchema = z.object({
  id: z.string().uuid(),
  template: z.enum(REPORT_TEMPLATE_KEYS as [ReportTemplate, ...ReportTemplate[]]),
  from: z.string(),
  to: z.string(),
  locale: z.enum(SUPPORTED_LOCALES),
  status: z.enum(REPORT_STATUSES),
  version: z.number().int(),
  generated: personStampSchema,
  approved: z.object({ name: z.string(), at: z.string(), signatoryName: z.string(), signatoryPosition: z.string() }).nullable(),
  released: personStampSchema,
});
export type StatisticReportSummary = z.infer<typeof statisticReportSummarySchema>;

export const statisticReportSchema = statisticReportSummarySchema.extend({
  tables: z.array(figureTableSchema),
  /** What the reader may do next: approve (not the one who generated it), release, or nothing. */
  actions: z.array(z.enum(['approve', 'release'])),
});
export type StatisticReport = z.infer<typeof statisticReportSchema>;

/** The language a country's reports are written in unless another is asked for. */
export const reportLanguageOf = (countryCode: string) => countryLanguageOf(countryCode) ?? 'en';
