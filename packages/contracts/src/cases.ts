import { z } from 'zod';
import { CASE_STATUSES, GENDERS, TRAFFICKING_STATUSES } from './htcds.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** What any user with access to a case sees: no identity data. */
export const caseSummarySchema = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  traffickingStatus: z.enum(TRAFFICKING_STATUSES),
  ownerAgencyId: z.string().uuid(),
  ownerAgencyName: z.string(),
  personId: z.string().uuid(),
  /** Romanised name when the caller may see identity, otherwise a pseudonym. */
  displayName: z.string(),
  gender: z.enum(GENDERS),
  ageAtIntake: z.number().int().nullable(),
  citizenship: z.array(z.string()),
  openedAt: z.string(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const identitySectionSchema = z.object({
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  nameAsWritten: z.string().nullable(),
  birthDate: z.string().nullable(),
  documentNumber: z.string().nullable(),
  phone: z.string().nullable(),
});

export const caseDetailSchema = caseSummarySchema.extend({
  version: z.number().int(),
  sections: z.object({ identity: identitySectionSchema.optional() }),
  abilities: z.object({ update: z.boolean(), readIdentity: z.boolean() }),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseCreateSchema = z
  .object({
    person: z
      .object({
        givenName: z.string().trim().min(1).max(200),
        familyName: z.string().trim().max(200).nullable().optional(),
        nameAsWritten: z.string().trim().max(400).nullable().optional(),
        gender: z.enum(GENDERS),
        birthDate: isoDate.nullable().optional(),
        estimatedAge: z.number().int().min(0).max(120).nullable().optional(),
        citizenship: z.array(z.string().regex(/^[A-Z]{2}$/)).max(5).default([]),
        documentNumber: z.string().trim().max(60).nullable().optional(),
        phone: z.string().trim().max(40).nullable().optional(),
      })
      .strict(),
  })
  .strict();
export type CaseCreate = z.infer<typeof caseCreateSchema>;

export const caseListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  status: z.enum(CASE_STATUSES).optional(),
  sort: z.enum(['openedAt', '-openedAt', 'updatedAt', '-updatedAt', 'reference', '-reference']).default('-updatedAt'),
});
