import { z } from 'zod';
import { CASE_STATUSES, GENDERS } from './htcds.js';
import { birthDate, countryCode, plainText } from './plausibility.js';

/**
 * Possible matches (DESIGN.md §8): "is this person already known?" — asked before a new record
 * is created, and when an admin looks for duplicates to merge. The name may be in any script or
 * romanisation, in any order; the other fields sharpen the answer.
 */
export const personMatchQuerySchema = z
  .object({
    name: plainText(200, { min: 1 }),
    birthdate: birthDate.optional(),
    /** When only the year (or an estimate of it) is known. `birthdate` wins when both are given. */
    birthYear: z.number().int().min(1900).max(2100).optional(),
    citizenship: countryCode.optional(),
    gender: z.enum(GENDERS).optional(),
    documentNumber: z.string().trim().min(1).max(60).optional(),
    phone: z.string().trim().min(1).max(40).optional(),
    /** The record being edited, so it does not match itself. */
    excludePersonId: z.string().uuid().optional(),
  })
  .strict();
export type PersonMatchQuery = z.infer<typeof personMatchQuerySchema>;

/**
 * Why a candidate was proposed, or what speaks against it — typed codes with parameters, so the
 * interface explains a match in the user's language (`matching.reason.<code>`). Similarities are
 * 0..1 and shown as percentages.
 */
export const MATCH_REASON_CODES = [
  'same_document',
  'same_phone',
  'name_same_script',
  'name_similar_after_romanisation',
  'name_order_differs',
  'name_part_missing',
  'alias_matches',
  'birth_date_same',
  'birth_year_same',
  'birth_year_close',
  'birth_year_differs',
  'citizenship_same',
  'citizenship_differs',
  'gender_differs',
] as const;
export type MatchReasonCode = (typeof MATCH_REASON_CODES)[number];

const similarity = z.number().min(0).max(1);
const difference = z.number().int().min(1);

export const matchReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('same_document') }),
  z.object({ code: z.literal('same_phone') }),
  /** The query and the matching name are in the same script (both Thai, both Latin …). */
  z.object({ code: z.literal('name_same_script'), similarity }),
  /** The names match once romanised: another script, or another spelling of the same sound. */
  z.object({ code: z.literal('name_similar_after_romanisation'), similarity }),
  z.object({ code: z.literal('name_order_differs') }),
  /** One of the names has words the other lacks (a family name, a middle name). */
  z.object({ code: z.literal('name_part_missing'), count: z.number().int().min(1) }),
  /** The best-matching name is one the person is also known by, not the primary name. */
  z.object({ code: z.literal('alias_matches') }),
  z.object({ code: z.literal('birth_date_same') }),
  z.object({ code: z.literal('birth_year_same') }),
  z.object({ code: z.literal('birth_year_close'), difference }),
  z.object({ code: z.literal('birth_year_differs'), difference }),
  z.object({ code: z.literal('citizenship_same') }),
  z.object({ code: z.literal('citizenship_differs') }),
  z.object({ code: z.literal('gender_differs') }),
]);
export type MatchReason = z.infer<typeof matchReasonSchema>;

export const personMatchCandidateSchema = z.object({
  personId: z.string().uuid(),
  /** 0..1, how likely the two records are the same person; candidates are sorted by it. */
  score: z.number().min(0).max(1),
  /** Every name the person is known by (primary, as written, aliases), decrypted. */
  names: z.array(z.string()),
  reasons: z.array(matchReasonSchema),
  pseudonym: z.string(),
  birthYear: z.number().int().nullable(),
  citizenship: z.array(z.string()),
  /** The person's cases the caller may see. */
  cases: z.array(z.object({ id: z.string().uuid(), reference: z.string(), status: z.enum(CASE_STATUSES) })),
});
export type PersonMatchCandidate = z.infer<typeof personMatchCandidateSchema>;

export const personMatchResponseSchema = z.object({ candidates: z.array(personMatchCandidateSchema) });
export type PersonMatchResponse = z.infer<typeof personMatchResponseSchema>;
