import { z } from 'zod';
import { CASE_STATUSES } from './htcds.js';
import { matchReasonSchema } from './matching.js';

/**
 * Batch re-linkage (issue 16): after the matching rules change, a job re-checks the whole register
 * and queues the pairs of records likely to be one person for the agencies owning them. Nothing is
 * merged by the job; an owner decides each pair.
 */
export const RELINKAGE_STATUSES = ['pending', 'same_person', 'not_same_person'] as const;
export type RelinkageStatus = (typeof RELINKAGE_STATUSES)[number];

/** One record of a pair, as the caller may see it: names only where she could read them in the possible-matches panel. */
export const relinkageRecordSchema = z.object({
  personId: z.string().uuid(),
  pseudonym: z.string(),
  /** Every name the person is known by, decrypted; empty when the caller may not read her identity. */
  names: z.array(z.string()),
  identityShown: z.boolean(),
  /** The person's cases the caller may see. */
  cases: z.array(z.object({ id: z.string().uuid(), reference: z.string(), status: z.enum(CASE_STATUSES) })),
});
export type RelinkageRecord = z.infer<typeof relinkageRecordSchema>;

export const relinkageCandidateSchema = z.object({
  id: z.string().uuid(),
  /** The calibrated likelihood that the two records are one person (the possible-matches score). */
  likelihood: z.number().min(0).max(1),
  /** Why, in codes the interface puts into words; empty while either person's identity is closed to the caller. */
  reasons: z.array(matchReasonSchema),
  reasonsWithheld: z.boolean(),
  records: z.tuple([relinkageRecordSchema, relinkageRecordSchema]),
  status: z.enum(RELINKAGE_STATUSES),
  foundAt: z.string(),
  decidedAt: z.string().nullable(),
  /** Set when deciding "same person" merged the records at once, or asked the other owners through a merge request. */
  mergeId: z.string().uuid().nullable(),
  mergeRequestId: z.string().uuid().nullable(),
  mayDecide: z.boolean(),
});
export type RelinkageCandidate = z.infer<typeof relinkageCandidateSchema>;

export const relinkageListQuerySchema = z
  .object({
    status: z.enum(RELINKAGE_STATUSES).default('pending'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type RelinkageListQuery = z.infer<typeof relinkageListQuerySchema>;

export const relinkageDecisionSchema = z.object({ decision: z.enum(['same_person', 'not_same_person']) }).strict();
export type RelinkageDecision = z.infer<typeof relinkageDecisionSchema>;

export const relinkageRunSchema = z.object({
  id: z.string().uuid(),
  keysVersion: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  persons: z.number().int().nullable(),
  pairsScored: z.number().int().nullable(),
  pairsQueued: z.number().int().nullable(),
});
export type RelinkageRun = z.infer<typeof relinkageRunSchema>;

/** An admin's request for a run: null when one is already waiting. */
export const relinkageRunRequestedSchema = z.object({ jobId: z.string().nullable() });
