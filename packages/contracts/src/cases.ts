import { z } from 'zod';
import { AGE_GROUPS, CASE_SCOPES, CASE_SORTS } from './caseListVocabulary.js';
import { CASE_STATUSES, GENDERS, TRAFFICKING_STATUSES } from './htcds.js';
import { SUPPORTED_LOCALES } from './locales.js';
import { CASE_SECTIONS } from './permissions.js';
import { identitySectionSchema, personFactsSchema, personInputSchema } from './person.js';
import { countryCode } from './plausibility.js';
import {
  CASE_CLOSURE_REASONS,
  CASE_STAGES,
  CONTROL_METHODS,
  EXPLOITATION_TYPES,
  FORCED_LABOUR_INDUSTRIES,
  INTAKE_CHANNELS,
  INTAKE_URGENCIES,
  ONLINE_PLATFORMS,
  RECRUITMENT_METHODS,
  RELATIONSHIPS_TO_TRAFFICKER,
  SEXUAL_EXPLOITATION_TYPES,
} from './vocabulary.js';

/** How the caller's agency reaches a case: it owns it, took the intake and handed it on, was referred or shared, or emergency access. */
export const CASE_INVOLVEMENTS = ['owner', 'intake', 'referral', 'shared', 'break_glass'] as const;
export type CaseInvolvementKind = (typeof CASE_INVOLVEMENTS)[number];

/** What any user with access to a case sees in lists: no identity data. */
export const caseSummarySchema = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  stage: z.enum(CASE_STAGES),
  traffickingStatus: z.enum(TRAFFICKING_STATUSES),
  urgency: z.enum(INTAKE_URGENCIES),
  ownerAgencyId: z.string().uuid(),
  ownerAgencyName: z.string(),
  ownerUserId: z.string().uuid().nullable(),
  ownerUserName: z.string().nullable(),
  involvement: z.enum(CASE_INVOLVEMENTS),
  personId: z.string().uuid(),
  /** Romanised name when the caller may see identity, otherwise a pseudonym. */
  displayName: z.string(),
  gender: z.enum(GENDERS),
  ageAtIntake: z.number().int().nullable(),
  /** A child when trafficked or at intake (DESIGN.md §4: age is computed at each event). */
  child: z.boolean(),
  citizenship: z.array(z.string()),
  exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)),
  returningPerson: z.boolean(),
  identificationDueOn: z.string().nullable(),
  /** An open task of this case is past its due date. */
  overdue: z.boolean(),
  openedAt: z.string(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const victimContextInputSchema = z
  .object({
    recruitmentMethods: z.array(z.enum(RECRUITMENT_METHODS)).max(20).default([]),
    recruitmentPlace: z.string().trim().max(200).nullable().optional(),
    recruitmentCountry: countryCode.nullable().optional(),
    recruitmentApps: z.array(z.enum(ONLINE_PLATFORMS)).max(20).default([]),
    controlMethods: z.array(z.enum(CONTROL_METHODS)).max(30).default([]),
    exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)).max(20).default([]),
    forcedLabourIndustries: z.array(z.enum(FORCED_LABOUR_INDUSTRIES)).max(20).default([]),
    sexualExploitationTypes: z.array(z.enum(SEXUAL_EXPLOITATION_TYPES)).max(10).default([]),
    relationshipsToTrafficker: z.array(z.enum(RELATIONSHIPS_TO_TRAFFICKER)).max(5).default([]),
    ageWhenTrafficked: z.number().int().min(0).max(120).nullable().optional(),
    exploitationCountry: countryCode.nullable().optional(),
  })
  .strict();
export type VictimContextInput = z.infer<typeof victimContextInputSchema>;
export const victimContextUpdateSchema = victimContextInputSchema.extend({ version: z.number().int().min(0) }).strict();
export const victimContextSchema = victimContextInputSchema.required().extend({ version: z.number().int() });
export type VictimContext = z.infer<typeof victimContextSchema>;

export const intakeSchema = z
  .object({
    channel: z.enum(INTAKE_CHANNELS),
    urgency: z.enum(INTAKE_URGENCIES).default('routine'),
    location: z.string().trim().max(200).nullable().optional(),
    /** What the caller said, in her words; encrypted, shown with the identity section. */
    narrative: z.string().trim().max(10_000).nullable().optional(),
    anonymous: z.boolean().default(false),
  })
  .strict();

/**
 * An intake opens a case. The hotline may hand it to the agency responsible for the place
 * (`assignToAgencyId`): that agency becomes the owner and the hotline keeps a referral to it.
 */
export const caseCreateSchema = z
  .object({
    person: personInputSchema,
    intake: intakeSchema.optional(),
    victimContext: victimContextInputSchema.optional(),
    assignToAgencyId: z.string().uuid().optional(),
    locale: z.enum(SUPPORTED_LOCALES).optional(),
    formAnswers: z.record(z.string(), z.unknown()).default({}),
    /** The possible match the caller confirmed as the same person: the new case joins that person. */
    existingPersonId: z.string().uuid().optional(),
  })
  .strict();
export type CaseCreate = z.infer<typeof caseCreateSchema>;

/** Changes to the case itself; status moves check closure reasons, version guards concurrent edits. */
export const caseUpdateSchema = z
  .object({
    version: z.number().int().min(1),
    status: z.enum(CASE_STATUSES).optional(),
    closureReason: z.enum(CASE_CLOSURE_REASONS).nullable().optional(),
    stage: z.enum(CASE_STAGES).optional(),
    urgency: z.enum(INTAKE_URGENCIES).optional(),
    ownerUserId: z.string().uuid().nullable().optional(),
    locale: z.enum(SUPPORTED_LOCALES).optional(),
    formAnswers: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type CaseUpdate = z.infer<typeof caseUpdateSchema>;

export const caseAbilitiesSchema = z.object({
  update: z.boolean(),
  readIdentity: z.boolean(),
  /** Sections the caller may read on this case. */
  sections: z.array(z.enum(CASE_SECTIONS)),
  identify: z.boolean(),
  recordConsent: z.boolean(),
  share: z.boolean(),
  comment: z.boolean(),
  /** Emergency access would open a section the role holds that the caller cannot read now. */
  breakGlass: z.boolean(),
  merge: z.boolean(),
});
export type CaseAbilities = z.infer<typeof caseAbilitiesSchema>;

/**
 * How far identification has gone, for the journey shown on the case page: no record yet, a
 * pre-screening, an interview under way, or a completed interview awaiting its decision. The
 * records themselves stay behind the identification tab, read (and audited) only when opened.
 */
export const IDENTIFICATION_PROGRESS = ['none', 'prescreened', 'interviewing', 'interviewed'] as const;
export type IdentificationProgress = (typeof IDENTIFICATION_PROGRESS)[number];

export const caseDetailSchema = caseSummarySchema.extend({
  version: z.number().int(),
  countryCode: z.string(),
  locale: z.enum(SUPPORTED_LOCALES),
  intake: z.object({
    channel: z.enum(INTAKE_CHANNELS).nullable(),
    location: z.string().nullable(),
    byAgencyName: z.string().nullable(),
    /** Present with the identity section only. */
    narrative: z.string().nullable().optional(),
  }),
  person: personFactsSchema,
  sections: z.object({ identity: identitySectionSchema.optional() }),
  victimContext: victimContextSchema.nullable(),
  reflectionPeriodEndsOn: z.string().nullable(),
  previousCaseId: z.string().uuid().nullable(),
  closureReason: z.enum(CASE_CLOSURE_REASONS).nullable(),
  closedAt: z.string().nullable(),
  formAnswers: z.record(z.string(), z.unknown()),
  /** Until when the caller's emergency access lasts, if that is how they see the case. */
  breakGlassUntil: z.string().nullable(),
  identificationProgress: z.enum(IDENTIFICATION_PROGRESS),
  abilities: caseAbilitiesSchema,
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(item).max(20));

export const caseListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(CASE_SORTS).default('-updatedAt'),
  /** `mine`: cases I own; `team`: my agency's (and my groups') cases; `all`: everything I may see. */
  scope: z.enum(CASE_SCOPES).default('all'),
  status: listOf(z.enum(CASE_STATUSES)).optional(),
  stage: listOf(z.enum(CASE_STAGES)).optional(),
  traffickingStatus: listOf(z.enum(TRAFFICKING_STATUSES)).optional(),
  exploitation: listOf(z.enum(EXPLOITATION_TYPES)).optional(),
  nationality: listOf(countryCode).optional(),
  ageGroup: z.enum(AGE_GROUPS).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  /** Case reference, or a name in any script (matched through the normalised-name index). */
  q: z.string().trim().max(200).optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export const caseTimelineEntrySchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  kind: z.string(),
  section: z.enum(CASE_SECTIONS).nullable(),
  actorName: z.string().nullable(),
  actorAgencyName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type CaseTimelineEntry = z.infer<typeof caseTimelineEntrySchema>;

export const savedCaseFilterSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export const savedCaseFilterCreateSchema = z
  .object({ name: z.string().trim().min(1).max(100), query: z.record(z.string(), z.string().max(500)) })
  .strict();
export type SavedCaseFilter = z.infer<typeof savedCaseFilterSchema>;
