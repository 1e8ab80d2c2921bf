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

/** The script a name is written in, so a reason can say which two spellings met. */
export const NAME_SCRIPTS = ['latin', 'thai', 'lao', 'khmer', 'burmese', 'han', 'other'] as const;
export type NameScript = (typeof NAME_SCRIPTS)[number];

/**
 * Why a candidate was proposed, or what speaks against it — typed codes with parameters, so the
 * interface explains a match in the user's language (`matching.reason.<code>`). They say how the
 * records meet, in words; the one number is the candidate's likelihood (`score`).
 */
export const MATCH_REASON_CODES = [
  'same_document',
  'same_phone',
  'name_same',
  'name_similar_spelling',
  'name_sounds_same',
  'name_sounds_similar',
  'name_order_differs',
  'name_shortened',
  'name_one_part',
  'name_honorific_set_aside',
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

const difference = z.number().int().min(1);
/** The script of the name searched for and of the candidate's name that met it. */
const scripts = { queryScript: z.enum(NAME_SCRIPTS), candidateScript: z.enum(NAME_SCRIPTS) };

export const matchReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('same_document') }),
  z.object({ code: z.literal('same_phone') }),
  /** The same words, in the same script. */
  z.object({ code: z.literal('name_same') }),
  /** The same script, spelt a little differently (Nyein / Nyain, a typing slip). */
  z.object({ code: z.literal('name_similar_spelling') }),
  /** Written in two scripts (by ear, or romanised), with the same sounds. */
  z.object({ code: z.literal('name_sounds_same'), ...scripts }),
  /** Written in two scripts, with close but not the same sounds. */
  z.object({ code: z.literal('name_sounds_similar'), ...scripts }),
  /** The parts of the name come in another order (family name first, given name first). */
  z.object({ code: z.literal('name_order_differs') }),
  /** One name has only some of the other's parts ("Hnin Wai" for Hnin Hnin Wai: two of three). */
  z.object({ code: z.literal('name_shortened'), parts: z.number().int().min(2), of: z.number().int().min(3) }),
  /** One of the names is a single part (no family name, as Burmese names have none). */
  z.object({ code: z.literal('name_one_part') }),
  /** An honorific or title (Ma, Daw, U, Maung, Ko, Naw, Saw, Nai, Mr …) was set aside to compare the names. */
  z.object({ code: z.literal('name_honorific_set_aside') }),
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
  /**
   * 0..1, how likely the two records are the same person, calibrated on the labelled sets (of the
   * candidates scored about 0.8, about eight in ten are): the one number shown. Sorted by it.
   */
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

/**
 * The likelihood in words, so that a worker reads one scale: at or above each band's floor.
 * Below 0.5 the records are more likely two people than one (a name alone, or a namesake).
 */
export const MATCH_LIKELIHOOD_BANDS = [
  ['very_likely', 0.9],
  ['likely', 0.7],
  ['possible', 0.5],
  ['unlikely', 0],
] as const;
export type MatchLikelihood = (typeof MATCH_LIKELIHOOD_BANDS)[number][0];

export function matchLikelihoodOf(score: number): MatchLikelihood {
  return MATCH_LIKELIHOOD_BANDS.find(([, floor]) => score >= floor)![0];
}

export const personMatchResponseSchema = z.object({
  candidates: z.array(personMatchCandidateSchema),
  /**
   * True when records exist that the search could not read (other agencies' persons, identity not
   * shared): the same person may be known elsewhere, and the answer cannot say so.
   */
  searchedOnlyVisible: z.boolean(),
});
export type PersonMatchResponse = z.infer<typeof personMatchResponseSchema>;
