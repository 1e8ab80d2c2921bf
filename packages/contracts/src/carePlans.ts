import { z } from 'zod';
import { CARE_PART_SECTIONS } from './careSections.js';
import { isoDate } from './person.js';
import { SERVICE_AREAS } from './vocabulary.js';

/** How the person agreed to her plan; a guardian agrees for a child. */
export const CARE_PLAN_AGREEMENT_METHODS = ['signed', 'verbal', 'guardian'] as const;
export type CarePlanAgreementMethod = (typeof CARE_PLAN_AGREEMENT_METHODS)[number];
export const CARE_GOAL_STATUSES = ['open', 'achieved', 'dropped'] as const;
export type CareGoalStatus = (typeof CARE_GOAL_STATUSES)[number];
export const CARE_ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type CareActionStatus = (typeof CARE_ACTION_STATUSES)[number];
/** Where vocational training or start-up support left her. */
export const LIVELIHOOD_OUTCOMES = ['employed', 'business_running', 'unemployed', 'in_training', 'other'] as const;
export type LivelihoodOutcome = (typeof LIVELIHOOD_OUTCOMES)[number];
/** The picklist (lookup list) holding a country's monthly income bands. */
export const INCOME_BAND_LIST = 'income_band';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const careActionInputSchema = z
  .object({
    /** Keeps the action (its task, referral and services) when the plan is revised; new actions leave it out. */
    actionKey: z.string().uuid().optional(),
    what: text(500),
    responsibleAgencyId: z.string().uuid().nullable().optional(),
    responsibleOrganisation: optionalText(200),
    responsiblePerson: optionalText(200),
    dueOn: isoDate.nullable().optional(),
    status: z.enum(CARE_ACTION_STATUSES).default('planned'),
  })
  .strict()
  .refine((action) => !(action.responsibleAgencyId && action.responsibleOrganisation), {
    path: ['responsibleOrganisation'],
    message: 'Either an agency or an outside organisation, not both',
  });
export type CareActionInput = z.infer<typeof careActionInputSchema>;

export const careGoalInputSchema = z
  .object({
    serviceArea: z.enum(SERVICE_AREAS),
    goal: text(1000),
    status: z.enum(CARE_GOAL_STATUSES).default('open'),
    actions: z.array(careActionInputSchema).max(30).default([]),
  })
  .strict();

/** A revision of the plan: the whole plan as it now stands (a new version; earlier ones are kept). */
export const carePlanInputSchema = z
  .object({
    /** The version the caseworker revised, so two revisions at once do not overwrite each other. */
    basedOnVersion: z.number().int().min(0),
    victimGoals: text(4000),
    agreedOn: isoDate.nullable().optional(),
    agreementMethod: z.enum(CARE_PLAN_AGREEMENT_METHODS).nullable().optional(),
    witnessedBy: optionalText(200),
    reviewOn: isoDate.nullable().optional(),
    goals: z.array(careGoalInputSchema).max(30).default([]),
  })
  .strict()
  .refine((plan) => !plan.agreedOn === !plan.agreementMethod, {
    path: ['agreementMethod'],
    message: 'An agreement needs both its date and how it was given',
  });
export type CarePlanInput = z.infer<typeof carePlanInputSchema>;

export const careActionSchema = z.object({
  id: z.string().uuid(),
  actionKey: z.string().uuid(),
  what: z.string(),
  responsibleAgencyId: z.string().uuid().nullable(),
  responsibleAgencyName: z.string().nullable(),
  responsibleOrganisation: z.string().nullable(),
  responsiblePerson: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(CARE_ACTION_STATUSES),
  referralId: z.string().uuid().nullable(),
  /** The referral's own status, as the referrals part reports it. */
  referralStatus: z.string().nullable(),
  taskId: z.string().uuid().nullable(),
});
export type CareAction = z.infer<typeof careActionSchema>;

export const careGoalSchema = z.object({
  id: z.string().uuid(),
  serviceArea: z.enum(SERVICE_AREAS),
  goal: z.string(),
  status: z.enum(CARE_GOAL_STATUSES),
  actions: z.array(careActionSchema),
});
export type CareGoal = z.infer<typeof careGoalSchema>;

/**
 * One version as its reader may see it: goals only of the sections she reads (by service area);
 * the plan's own terms (her goals in her words, the agreement) are `care` and null without it.
 */
export const carePlanVersionSchema = z.object({
  id: z.string().uuid(),
  version: z.number().int(),
  victimGoals: z.string().nullable(),
  agreedOn: z.string().nullable(),
  agreementMethod: z.enum(CARE_PLAN_AGREEMENT_METHODS).nullable(),
  witnessedBy: z.string().nullable(),
  reviewOn: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
  goals: z.array(careGoalSchema),
});
export type CarePlanVersion = z.infer<typeof carePlanVersionSchema>;

export const careServiceInputSchema = z
  .object({
    deliveredOn: isoDate,
    providerAgencyId: z.string().uuid().nullable().optional(),
    providerName: optionalText(200),
    serviceArea: z.enum(SERVICE_AREAS),
    description: text(2000),
    costAmount: z.number().nonnegative().max(1e11).multipleOf(0.01).nullable().optional(),
    costCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable()
      .optional(),
    actionKey: z.string().uuid().nullable().optional(),
    outcome: z.enum(LIVELIHOOD_OUTCOMES).nullable().optional(),
    incomeBand: z.string().trim().max(60).nullable().optional(),
  })
  .strict()
  .refine((service) => !!service.providerAgencyId !== !!service.providerName, {
    path: ['providerName'],
    message: 'Name the providing agency or organisation (one of them)',
  })
  .refine((service) => (service.costAmount == null) === !service.costCurrency, {
    path: ['costCurrency'],
    message: 'A cost needs its amount and its currency',
  });
export type CareServiceInput = z.infer<typeof careServiceInputSchema>;

export const careServiceSchema = z.object({
  id: z.string().uuid(),
  deliveredOn: z.string(),
  providerAgencyId: z.string().uuid().nullable(),
  providerAgencyName: z.string().nullable(),
  providerName: z.string().nullable(),
  serviceArea: z.enum(SERVICE_AREAS),
  description: z.string(),
  costAmount: z.number().nullable(),
  costCurrency: z.string().nullable(),
  actionKey: z.string().uuid().nullable(),
  outcome: z.enum(LIVELIHOOD_OUTCOMES).nullable(),
  incomeBand: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type CareService = z.infer<typeof careServiceSchema>;

export const carePlanSchema = z.object({
  /** Null until a first plan is made. */
  current: carePlanVersionSchema.nullable(),
  versions: z.array(z.object({ version: z.number().int(), recordedAt: z.string(), recordedByName: z.string() })),
  services: z.array(careServiceSchema),
  /** The case country's income bands (picklist), for livelihood outcomes. */
  incomeBands: z.array(z.object({ value: z.string(), labels: z.record(z.string(), z.string()) })),
  abilities: z.object({
    /** May revise the plan (its terms are `care`). */
    write: z.boolean(),
    /** The sections whose goals, actions and services the reader may record. */
    record: z.array(z.enum(CARE_PART_SECTIONS)),
  }),
});
export type CarePlan = z.infer<typeof carePlanSchema>;

export const careActionUpdateSchema = z
  .object({
    status: z.enum(CARE_ACTION_STATUSES).optional(),
    referralId: z.string().uuid().nullable().optional(),
  })
  .strict()
  .refine((update) => update.status !== undefined || update.referralId !== undefined, { message: 'Nothing to change' });
