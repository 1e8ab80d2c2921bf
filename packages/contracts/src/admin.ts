import { z } from 'zod';
import { AGENCY_FUNCTIONS, ORGANISATION_TYPES } from './htcds.js';
import { SUPPORTED_LOCALES } from './locales.js';
import { PERMISSIONS } from './permissions.js';
import { countryCode } from './plausibility.js';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const countrySchema = z.object({ code: z.string(), isInstanceCountry: z.boolean() });

export const agencySchema = z.object({
  id: z.string().uuid(),
  countryCode: z.string(),
  parentId: z.string().uuid().nullable(),
  name: z.string(),
  localName: z.string().nullable(),
  acronym: z.string().nullable(),
  organisationType: z.enum(ORGANISATION_TYPES),
  agencyFunction: z.enum(AGENCY_FUNCTIONS),
  city: z.string().nullable(),
  province: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Agency = z.infer<typeof agencySchema>;

export const agencyCreateSchema = z
  .object({
    countryCode,
    parentId: z.string().uuid().nullable().optional(),
    name: z.string().trim().min(2).max(200),
    localName: optionalText(200),
    acronym: optionalText(30),
    organisationType: z.enum(ORGANISATION_TYPES),
    agencyFunction: z.enum(AGENCY_FUNCTIONS),
    city: optionalText(120),
    province: optionalText(120),
    phone: optionalText(40),
    email: z.string().trim().email().max(200).nullable().optional(),
  })
  .strict();
export const agencyUpdateSchema = agencyCreateSchema
  .partial()
  .extend({ active: z.boolean().optional(), version: z.number().int() })
  .strict();

export const roleSchema = z.object({
  id: z.string().uuid(),
  key: z.string(),
  name: z.string(),
  builtIn: z.boolean(),
  permissions: z.array(z.enum(PERMISSIONS)),
  requiresSecondFactor: z.boolean(),
  /** Set by a system administrator: agency administrators may hand this role out in their agency. */
  assignableByAgencyAdmins: z.boolean(),
  /** Whether the caller may give this role to an account (DESIGN.md §4: nobody grants what they lack). */
  assignable: z.boolean(),
  version: z.number().int(),
});
export type Role = z.infer<typeof roleSchema>;

export const roleCreateSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,40}$/, 'lowercase letters, digits and _'),
    name: z.string().trim().min(2).max(100),
    permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
    assignableByAgencyAdmins: z.boolean().default(false),
  })
  .strict();
export const roleUpdateSchema = z
  .object({
    name: z.string().trim().min(2).max(100).optional(),
    permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length).optional(),
    assignableByAgencyAdmins: z.boolean().optional(),
    version: z.number().int(),
  })
  .strict();

export const userSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  agencyId: z.string().uuid(),
  agencyName: z.string(),
  roleKeys: z.array(z.string()),
  groupIds: z.array(z.string().uuid()),
  locale: z.enum(SUPPORTED_LOCALES),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  secondFactorEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  /** She forgot her password and asked for a new one; null once a password is set. */
  passwordResetRequestedAt: z.string().nullable(),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, 'letters, digits, . _ -');

export const userCreateSchema = z
  .object({
    username,
    displayName: z.string().trim().min(1).max(120),
    email: z.string().trim().email().max(200).nullable().optional(),
    agencyId: z.string().uuid(),
    roleKeys: z.array(z.string()).min(1).max(20),
    groupIds: z.array(z.string().uuid()).max(50).optional(),
    locale: z.enum(SUPPORTED_LOCALES).default('en'),
    password: z.string().min(12).max(200),
  })
  .strict();
export const userUpdateSchema = z
  .object({
    displayName: z.string().trim().min(1).max(120).optional(),
    email: z.string().trim().email().max(200).nullable().optional(),
    roleKeys: z.array(z.string()).min(1).max(20).optional(),
    groupIds: z.array(z.string().uuid()).max(50).optional(),
    locale: z.enum(SUPPORTED_LOCALES).optional(),
    active: z.boolean().optional(),
    unlock: z.literal(true).optional(),
    resetSecondFactor: z.literal(true).optional(),
    newPassword: z.string().min(12).max(200).optional(),
    version: z.number().int(),
  })
  .strict();

export const userGroupSchema = z.object({
  id: z.string().uuid(),
  agencyId: z.string().uuid(),
  name: z.string(),
  memberCount: z.number().int(),
  version: z.number().int(),
});
export const userGroupCreateSchema = z.object({ agencyId: z.string().uuid(), name: z.string().trim().min(2).max(100) }).strict();
export const userGroupUpdateSchema = z.object({ name: z.string().trim().min(2).max(100), version: z.number().int() }).strict();

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.second_factor_enrolled',
  'auth.second_factor_reset',
  'auth.password_changed',
  'auth.password_reset_requested',
  'auth.session_revoked',
  'auth.draft_key_issued',
  'case.read',
  'case.read_denied',
  'case.list',
  'case.create',
  'case.update',
  'case.share',
  'case.unshare',
  'case.break_glass',
  'case.comment',
  'case.attachment_upload',
  'case.attachment_read',
  'case.certificate_issued',
  'case.identification',
  'case.timeline_read',
  'consent.record',
  'consent.withdraw',
  'directory.organisation_create',
  'directory.organisation_update',
  'directory.service_create',
  'directory.service_update',
  'directory.contact_create',
  'directory.contact_update',
  'directory.contact_delete',
  'directory.contact_verify',
  'directory.export',
  'shelter.facility_create',
  'shelter.facility_update',
  'shelter.residents_read',
  'referral.read',
  'referral.send',
  'referral.answer',
  'referral.update',
  'case.transfer',
  'person.update',
  'person.match_search',
  'person.merge',
  'person.merge_request',
  'person.merge_request_declined',
  'person.separate',
  'person.unmerge',
  'relinkage.run',
  'relinkage.run_requested',
  'relinkage.queue_read',
  'relinkage.decide',
  'form.update',
  'lookup.update',
  'agency.create',
  'agency.update',
  'user.create',
  'user.update',
  'user.permissions_changed',
  'role.create',
  'role.update',
  'group.create',
  'group.update',
  'export.created',
  'export.cases',
  'import.created',
  'import.records_read',
  'case.import',
  'audit.verified',
  'statistics.read',
  'statistics.report_generated',
  'statistics.report_read',
  'statistics.report_approved',
  'statistics.report_released',
  'statistics.figures_submitted',
  'statistics.submissions_listed',
  'statistics.reconciliation_read',
  'statistics.global_collection_exported',
  'statistics.release_shared',
  'statistics.release_sharing_read',
  'statistics.partner_release_received',
  'statistics.regional_read',
  'federation.partner_registered',
  'federation.partner_status',
  'federation.keys_rotated',
  'federation.partner_keys_rotated',
  'federation.read',
  'federation.packet_received',
  'federation.packet_rejected',
  'federation.packet_exported',
  'federation.packet_retried',
  'repatriation.request',
  'repatriation.read',
  'repatriation.update',
  'repatriation.case_opened',
  'cross_border_referral.send',
  'cross_border_referral.read',
  'cross_border_referral.update',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEventSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  actorUserId: z.string().uuid().nullable(),
  actorUsername: z.string().nullable(),
  actorAgencyId: z.string().uuid().nullable(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  outcome: z.enum(['success', 'denied', 'failure']),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** ISO 8601 instant within years 1–9999, the range PostgreSQL timestamps hold. */
const auditInstant = z
  .string()
  .datetime({ offset: true })
  .refine((value) => !value.startsWith('0000'), 'year out of range');

export const auditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorUserId: z.string().uuid().optional(),
  resourceType: z.string().max(40).optional(),
  resourceId: z.string().max(80).optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
  from: auditInstant.optional(),
  to: auditInstant.optional(),
});

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
});

/** An agency as pickers show it to any signed-in user (referral targets, deciding organisations). */
export const agencyDirectoryEntrySchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  localName: z.string().nullable(),
  acronym: z.string().nullable(),
  agencyFunction: z.enum(AGENCY_FUNCTIONS),
  countryCode: z.string(),
  province: z.string().nullable(),
});
export type AgencyDirectoryEntry = z.infer<typeof agencyDirectoryEntrySchema>;
