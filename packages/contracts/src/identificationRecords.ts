import { z } from 'zod';
import { TRAFFICKING_STATUSES } from './htcds.js';
import { isoDate } from './person.js';
import { SPOKEN_LANGUAGES } from './vocabulary.js';

/** Answers to the pre-screening checklist, keyed by question (see PRESCREENING_QUESTIONS). */
export const prescreeningInputSchema = z.object({ answers: z.record(z.string().max(64), z.enum(['yes', 'no', 'unknown'])) }).strict();
export const prescreeningSchema = z.object({
  id: z.string().uuid(),
  answers: z.record(z.string(), z.enum(['yes', 'no', 'unknown'])),
  outcome: z.enum(['refer_to_identification', 'no_indication']),
  conductedByName: z.string(),
  conductedAt: z.string(),
});
export type Prescreening = z.infer<typeof prescreeningSchema>;

export const indicatorSetSchema = z
  .object({
    act: z.array(z.string().max(64)).max(50).default([]),
    means: z.array(z.string().max(64)).max(50).default([]),
    purpose: z.array(z.string().max(64)).max(50).default([]),
  })
  .strict();
export type IndicatorSetInput = z.infer<typeof indicatorSetSchema>;

export const interviewInputSchema = z
  .object({
    /** Left out: the case country's procedure. */
    procedure: z.string().max(64).optional(),
    stepsCompleted: z.array(z.string().max(64)).max(20).default([]),
    conductedOn: isoDate,
    place: z.string().trim().max(200).nullable().optional(),
    language: z.enum(SPOKEN_LANGUAGES).nullable().optional(),
    participantAgencyIds: z.array(z.string().uuid()).max(20).default([]),
    indicators: indicatorSetSchema,
    /** The person's account in her own words; identity-level, encrypted. */
    account: z.string().trim().max(50_000).nullable().optional(),
    status: z.enum(['draft', 'completed']).default('draft'),
  })
  .strict();
export type InterviewInput = z.infer<typeof interviewInputSchema>;
/**
 * A change names only what changes: the input's defaults are taken off, or a change of the place
 * alone would reset the steps, the participants and the status.
 */
const { stepsCompleted, participantAgencyIds, status, ...interviewFields } = interviewInputSchema.shape;
export const interviewUpdateSchema = z
  .object({
    ...interviewFields,
    stepsCompleted: stepsCompleted.unwrap(),
    participantAgencyIds: participantAgencyIds.unwrap(),
    status: status.unwrap(),
  })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();

export const interpreterRequestInputSchema = z.object({ language: z.enum(SPOKEN_LANGUAGES) }).strict();
export const interpreterRequestUpdateSchema = z
  .object({
    version: z.number().int().min(1),
    status: z.enum(['requested', 'provided', 'unavailable', 'cancelled']),
    interpreterName: z.string().trim().max(200).nullable().optional(),
    interpreterOrganisation: z.string().trim().max(200).nullable().optional(),
  })
  .strict();
export const interpreterRequestSchema = z.object({
  id: z.string().uuid(),
  interviewId: z.string().uuid(),
  language: z.enum(SPOKEN_LANGUAGES),
  status: z.enum(['requested', 'provided', 'unavailable', 'cancelled']),
  requestedByName: z.string(),
  requestedAt: z.string(),
  interpreterName: z.string().nullable().optional(),
  interpreterOrganisation: z.string().nullable(),
  providedAt: z.string().nullable(),
  version: z.number().int(),
});
export type InterpreterRequest = z.infer<typeof interpreterRequestSchema>;

export const interviewSchema = z.object({
  id: z.string().uuid(),
  procedure: z.string(),
  stepsCompleted: z.array(z.string()),
  conductedOn: z.string(),
  place: z.string().nullable(),
  language: z.string().nullable(),
  conductedByName: z.string(),
  agencyName: z.string(),
  participantAgencies: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  indicators: z.object({ act: z.array(z.string()), means: z.array(z.string()), purpose: z.array(z.string()) }),
  childAtTime: z.boolean(),
  /** Present only with the identity section. */
  account: z.string().nullable().optional(),
  status: z.enum(['draft', 'completed']),
  interpreterRequests: z.array(interpreterRequestSchema),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Interview = z.infer<typeof interviewSchema>;

/** A move of the trafficking status (potential → presumed → identified, or not a victim). */
export const statusDecisionInputSchema = z
  .object({
    toStatus: z.enum(TRAFFICKING_STATUSES),
    decidingAgencyId: z.string().uuid(),
    decidedOn: isoDate,
    decidedByName: z.string().trim().min(1).max(200),
    reasons: z.string().trim().min(1).max(5_000),
    interviewId: z.string().uuid().nullable().optional(),
    /** The case version the decision was made on, so two decisions cannot cross. */
    caseVersion: z.number().int().min(1),
  })
  .strict();
export type StatusDecisionRequest = z.infer<typeof statusDecisionInputSchema>;
export const statusDecisionSchema = z.object({
  id: z.string().uuid(),
  fromStatus: z.enum(TRAFFICKING_STATUSES),
  toStatus: z.enum(TRAFFICKING_STATUSES),
  decidingAgencyName: z.string(),
  decidedOn: z.string(),
  decidedByName: z.string(),
  reasons: z.string(),
  interviewId: z.string().uuid().nullable(),
  indicators: z.object({ act: z.array(z.string()), means: z.array(z.string()), purpose: z.array(z.string()) }).nullable(),
  certificateNumber: z.string().nullable(),
  recordedAt: z.string(),
});
export type StatusDecisionRecord = z.infer<typeof statusDecisionSchema>;

export const identificationRecordSchema = z.object({
  prescreenings: z.array(prescreeningSchema),
  interviews: z.array(interviewSchema),
  decisions: z.array(statusDecisionSchema),
});
export type IdentificationRecord = z.infer<typeof identificationRecordSchema>;
