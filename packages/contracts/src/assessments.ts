import { z } from 'zod';
import { CARE_PART_SECTIONS } from './careSections.js';
import { SUPPORTED_LOCALES } from './locales.js';
import { isoDate } from './person.js';

/** Labels by locale; English is required and is the fallback for the others. */
export const instrumentLabelsSchema = z
  .object({
    en: z.string().trim().min(1).max(300),
    ...Object.fromEntries(
      SUPPORTED_LOCALES.filter((locale) => locale !== 'en').map((locale) => [locale, z.string().trim().max(300).optional()]),
    ),
  })
  .strict();
export type InstrumentLabels = { en: string; [locale: string]: string };

const configKey = z.string().regex(/^[a-z][a-z0-9_]{1,59}$/);

export const assessmentItemSchema = z.object({ key: configKey, labels: instrumentLabelsSchema }).strict();
export const assessmentDomainSchema = z
  .object({
    key: configKey,
    labels: instrumentLabelsSchema,
    /** Whose section the domain's scores, notes and risks belong to; a specialist domain stays closed to others. */
    section: z.enum(CARE_PART_SECTIONS).default('care'),
    items: z.array(assessmentItemSchema).min(1).max(20),
  })
  .strict();
export type AssessmentDomain = z.infer<typeof assessmentDomainSchema>;

/**
 * A reintegration assessment instrument as data: domains × items scored on one scale. Saving it
 * again makes a new version; assessments keep the version they were scored on.
 */
export const assessmentInstrumentInputSchema = z
  .object({
    key: configKey,
    name: instrumentLabelsSchema,
    scaleMin: z.number().int().min(0).max(10),
    scaleMax: z.number().int().min(1).max(10),
    /** One label set per scale point, keyed by the point ("1", "2", …). */
    scaleLabels: z.record(z.string().regex(/^\d+$/), instrumentLabelsSchema),
    domains: z.array(assessmentDomainSchema).min(1).max(20),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.scaleMin >= value.scaleMax) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['scaleMax'], message: 'The scale must run upwards' });
      return;
    }
    for (let point = value.scaleMin; point <= value.scaleMax; point += 1) {
      if (!value.scaleLabels[String(point)]) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['scaleLabels', String(point)], message: 'Every point needs a label' });
      }
    }
    const keys = new Set<string>();
    value.domains.forEach((domain, d) => {
      if (keys.has(domain.key)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['domains', d, 'key'], message: 'Duplicate key' });
      keys.add(domain.key);
      domain.items.forEach((item, i) => {
        if (keys.has(item.key))
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['domains', d, 'items', i, 'key'], message: 'Duplicate key' });
        keys.add(item.key);
      });
    });
  });
export type AssessmentInstrumentInput = z.infer<typeof assessmentInstrumentInputSchema>;

export const assessmentInstrumentSchema = z.object({
  id: z.string().uuid(),
  key: z.string(),
  version: z.number().int(),
  name: z.record(z.string(), z.string()),
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
  scaleLabels: z.record(z.string(), z.record(z.string(), z.string())),
  domains: z.array(
    z.object({
      key: z.string(),
      labels: z.record(z.string(), z.string()),
      section: z.enum(CARE_PART_SECTIONS),
      items: z.array(z.object({ key: z.string(), labels: z.record(z.string(), z.string()) })),
    }),
  ),
  active: z.boolean(),
  createdAt: z.string(),
});
export type AssessmentInstrument = z.infer<typeof assessmentInstrumentSchema>;
export const assessmentInstrumentUpdateSchema = z.object({ active: z.boolean() }).strict();

export const assessmentInputSchema = z
  .object({
    instrumentId: z.string().uuid(),
    assessedOn: isoDate,
    assessorName: z.string().trim().min(1).max(200),
    /** Score per item key: every item of each domain the recorder's sections reach, and no other. */
    scores: z.record(configKey, z.number().int()),
    /** A note per domain key. */
    domainNotes: z.record(configKey, z.string().trim().max(2000)).default({}),
  })
  .strict();
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

/** Why a domain is flagged: it fell by a point or more since the last assessment, or sits in the lowest band. */
export const RISK_REASONS = ['dropped', 'lowest_band'] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

export const assessmentSchema = z.object({
  id: z.string().uuid(),
  instrumentId: z.string().uuid(),
  instrumentKey: z.string(),
  instrumentVersion: z.number().int(),
  assessedOn: z.string(),
  assessorName: z.string(),
  scores: z.record(z.string(), z.number()),
  domainNotes: z.record(z.string(), z.string()),
  domainScores: z.record(z.string(), z.number()),
  /**
   * The mean of the domains the assessment scored; null when the reader may not read all of them,
   * since with the domains she sees it would give back the score of the one she may not.
   */
  overallScore: z.number().nullable(),
  risks: z.array(z.object({ domain: z.string(), reason: z.enum(RISK_REASONS) })),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentListSchema = z.object({
  /** Only assessments with a domain the reader may read, each cut down to those domains. */
  items: z.array(assessmentSchema),
  /** The sections whose domains the reader may record. */
  abilities: z.object({ record: z.array(z.enum(CARE_PART_SECTIONS)) }),
});
export type AssessmentList = z.infer<typeof assessmentListSchema>;

export const assessmentTrendSchema = z.object({
  /** Domains in the order of the newest instrument version used, with their labels. */
  domains: z.array(z.object({ key: z.string(), labels: z.record(z.string(), z.string()) })),
  scaleMin: z.number().int().nullable(),
  scaleMax: z.number().int().nullable(),
  /** One point per assessment, oldest first. */
  points: z.array(
    z.object({
      assessmentId: z.string().uuid(),
      assessedOn: z.string(),
      overallScore: z.number().nullable(),
      domainScores: z.record(z.string(), z.number()),
    }),
  ),
  series: z.array(z.object({ domain: z.string(), values: z.array(z.number().nullable()) })),
});
export type AssessmentTrend = z.infer<typeof assessmentTrendSchema>;

/** Lowest band: a domain score below the scale's second point (e.g. under 2 on a 1–4 scale). */
export const isLowestBand = (score: number, scaleMin: number) => score < scaleMin + 1;

/** A label in the user's language, else English. */
export const localised = (labels: Record<string, string> | undefined, locale: string) => labels?.[locale] || labels?.en || '';
