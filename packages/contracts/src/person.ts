import { z } from 'zod';
import { GENDERS } from './htcds.js';
import { birthDate, countryCode, isoDate, plainText } from './plausibility.js';
import { CONTACT_KINDS, IDENTITY_DOCUMENT_TYPES, SPOKEN_LANGUAGES } from './vocabulary.js';

export { countryCode, isoDate };

const text = (max: number) => plainText(max, { min: 1 });

export const identityDocumentInputSchema = z
  .object({
    documentType: z.enum(IDENTITY_DOCUMENT_TYPES),
    number: text(60),
    issuingCountry: countryCode.nullable().optional(),
    expiresOn: isoDate.nullable().optional(),
  })
  .strict();
export const contactInputSchema = z.object({ kind: z.enum(CONTACT_KINDS), value: text(200) }).strict();

/**
 * Who the person is (HTCDS `prs_`). Names are stored as written in any script plus a romanised
 * form; birth date exact or an estimated age; several documents, contacts and aliases.
 */
export const personInputSchema = z
  .object({
    givenName: text(200),
    familyName: plainText(200).nullable().optional(),
    nameAsWritten: plainText(400).nullable().optional(),
    aliases: z.array(text(200)).max(20).default([]),
    gender: z.enum(GENDERS),
    birthDate: birthDate.nullable().optional(),
    estimatedAge: z.number().int().min(0).max(120).nullable().optional(),
    citizenship: z.array(countryCode).max(5).default([]),
    languages: z.array(z.enum(SPOKEN_LANGUAGES)).max(10).default([]),
    ethnicMinority: z.boolean().nullable().optional(),
    ethnicity: plainText(100).nullable().optional(),
    address: plainText(500).nullable().optional(),
    documents: z.array(identityDocumentInputSchema).max(10).default([]),
    contacts: z.array(contactInputSchema).max(10).default([]),
  })
  .strict();
export type PersonInput = z.infer<typeof personInputSchema>;

/** A change to the person: the whole identity as it should now read, with the version it was read at. */
export const personUpdateSchema = personInputSchema.extend({ version: z.number().int().min(1) }).strict();
export type PersonUpdate = z.infer<typeof personUpdateSchema>;

/** Facts about the person any agency involved in the case may see (no identity data). */
export const personFactsSchema = z.object({
  id: z.string().uuid(),
  pseudonym: z.string(),
  gender: z.enum(GENDERS),
  birthYear: z.number().int().nullable(),
  birthYearEstimated: z.boolean(),
  citizenship: z.array(z.string()),
  languages: z.array(z.string()),
  ethnicMinority: z.boolean().nullable(),
  version: z.number().int(),
});
export type PersonFacts = z.infer<typeof personFactsSchema>;

/** The identity section: only for roles holding it, through the agency's involvement. */
export const identitySectionSchema = z.object({
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  nameAsWritten: z.string().nullable(),
  aliases: z.array(z.string()),
  birthDate: z.string().nullable(),
  ethnicity: z.string().nullable(),
  address: z.string().nullable(),
  documents: z.array(
    z.object({
      id: z.string().uuid(),
      documentType: z.enum(IDENTITY_DOCUMENT_TYPES),
      number: z.string(),
      issuingCountry: z.string().nullable(),
      expiresOn: z.string().nullable(),
    }),
  ),
  contacts: z.array(z.object({ id: z.string().uuid(), kind: z.enum(CONTACT_KINDS), value: z.string() })),
});
export type IdentitySection = z.infer<typeof identitySectionSchema>;

export const PERSON_MERGE_REQUEST_KINDS = ['merge', 'possible_duplicate'] as const;
export const PERSON_MERGE_REQUEST_STATUSES = ['pending', 'merged', 'declined'] as const;

/**
 * A merge one agency may not make alone, or a possible duplicate raised when a new case could not
 * be linked to a person its agency cannot see. Persons appear by pseudonym only: deciding needs
 * no name, and the asking agency must not learn one from it.
 */
export const personMergeRequestSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(PERSON_MERGE_REQUEST_KINDS),
  status: z.enum(PERSON_MERGE_REQUEST_STATUSES),
  survivor: z.object({ personId: z.string().uuid(), pseudonym: z.string() }),
  merged: z.object({ personId: z.string().uuid(), pseudonym: z.string() }),
  requestingAgencyName: z.string(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedByAgencyName: z.string().nullable(),
  /** The caller's agency is asked to decide it (it owns a case of one of the two persons). */
  mayDecide: z.boolean(),
});
export type PersonMergeRequest = z.infer<typeof personMergeRequestSchema>;
export const personMergeRequestDecisionSchema = z.object({ decision: z.enum(['merge', 'decline']) }).strict();
export type PersonMergeRequestDecision = z.infer<typeof personMergeRequestDecisionSchema>;
export const personMergeRequestListQuerySchema = z
  .object({
    status: z.enum(PERSON_MERGE_REQUEST_STATUSES).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
