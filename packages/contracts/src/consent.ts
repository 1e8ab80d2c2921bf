import { z } from 'zod';
import { CASE_SECTIONS } from './permissions.js';
import { countryCode, isoDate } from './person.js';
import { CONSENT_PURPOSES } from './vocabulary.js';

/** HTCDS `con_` and ours: what the person (or her guardian) agreed to, with whom, why, until when. */
export const consentInputSchema = z
  .object({
    purpose: z.enum(CONSENT_PURPOSES),
    sections: z.array(z.enum(CASE_SECTIONS)).max(CASE_SECTIONS.length).default([]),
    agencyIds: z.array(z.string().uuid()).max(50).default([]),
    countries: z.array(countryCode).max(10).default([]),
    givenBy: z.enum(['victim', 'guardian']),
    guardianName: z.string().trim().max(200).nullable().optional(),
    guardianRelationship: z.string().trim().max(100).nullable().optional(),
    givenOn: isoDate,
    expiresOn: isoDate.nullable().optional(),
  })
  .strict();
export type ConsentInput = z.infer<typeof consentInputSchema>;

export const consentSchema = z.object({
  id: z.string().uuid(),
  purpose: z.enum(CONSENT_PURPOSES),
  sections: z.array(z.enum(CASE_SECTIONS)),
  agencies: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  countries: z.array(z.string()),
  givenBy: z.enum(['victim', 'guardian']),
  guardianName: z.string().nullable().optional(),
  guardianRelationship: z.string().nullable(),
  givenOn: z.string(),
  expiresOn: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  /** Active: not withdrawn and not expired today. */
  active: z.boolean(),
});
export type Consent = z.infer<typeof consentSchema>;
export const consentWithdrawSchema = z.object({ reason: z.string().trim().min(1).max(500) }).strict();

/** Why a share was refused, so the UI can say it plainly (problem code `consent_required`). */
export const CONSENT_REFUSALS = [
  'no_consent',
  'consent_withdrawn',
  'consent_expired',
  'agency_not_covered',
  'section_not_covered',
  'country_not_covered',
  'purpose_not_covered',
] as const;
export type ConsentRefusal = (typeof CONSENT_REFUSALS)[number];

export const caseShareInputSchema = z
  .object({
    agencyId: z.string().uuid(),
    sections: z.array(z.enum(CASE_SECTIONS)).max(CASE_SECTIONS.length).default([]),
    consentId: z.string().uuid(),
    kind: z.enum(['referral', 'shared']).default('shared'),
  })
  .strict();
export type CaseShareInput = z.infer<typeof caseShareInputSchema>;

export const caseShareSchema = z.object({
  agencyId: z.string().uuid(),
  agencyName: z.string(),
  kind: z.enum(['referral', 'shared']),
  sections: z.array(z.enum(CASE_SECTIONS)),
  consentId: z.string().uuid().nullable(),
  grantedAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type CaseShare = z.infer<typeof caseShareSchema>;

export const BREAK_GLASS_MINUTES = 240;
export const breakGlassInputSchema = z.object({ reason: z.string().trim().min(10).max(500) }).strict();
export const breakGlassGrantSchema = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid(),
  caseReference: z.string().nullable(),
  username: z.string(),
  agencyName: z.string(),
  reason: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  active: z.boolean(),
});
export type BreakGlassGrant = z.infer<typeof breakGlassGrantSchema>;
