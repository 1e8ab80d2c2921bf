import { z } from 'zod';
import { SUPPORTED_LOCALES } from './locales.js';
import { PERMISSIONS } from './permissions.js';

export const loginRequestSchema = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
  })
  .strict();

/** A code from the authenticator app, or one of the recovery codes. */
export const secondFactorRequestSchema = z.object({ code: z.string().trim().min(6).max(20) }).strict();

export const meSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(SUPPORTED_LOCALES),
  agency: z.object({ id: z.string().uuid(), name: z.string(), countryCode: z.string() }),
  roles: z.array(z.string()),
  permissions: z.array(z.enum(PERMISSIONS)),
  secondFactor: z.object({ enabled: z.boolean(), required: z.boolean() }),
  pseudonymMode: z.boolean(),
  /** She has finished or dismissed the first-run tour. */
  tourSeen: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

/**
 * Sign-in is staged: a correct password alone yields a session that can only finish the
 * second factor (or enrol one, when the role demands it and none is set up yet).
 */
export const SESSION_STAGES = ['active', 'second_factor', 'enrolment'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

export const loginResponseSchema = z.object({
  stage: z.enum(SESSION_STAGES),
  me: meSchema.optional(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(12).max(200),
  })
  .strict();

export const sessionSchema = z.object({
  id: z.string().uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionSummary = z.infer<typeof sessionSchema>;

export const totpEnrolmentSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrSvg: z.string(),
});
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const preferencesSchema = z
  .object({
    locale: z.enum(SUPPORTED_LOCALES).optional(),
    pseudonymMode: z.boolean().optional(),
    /** The first-run tour was finished or dismissed; it is not shown again (it stays in the user menu). */
    tourSeen: z.literal(true).optional(),
  })
  .strict();

/** "Forgot password": only the username, so the answer can be the same whether or not it exists. */
export const passwordResetRequestSchema = z.object({ username: z.string().trim().min(1).max(100) }).strict();
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

/** Who helps: the instance's help contact (HELP_CONTACT) and, once signed in, her agency's administrators. */
export const helpContactSchema = z.object({
  contact: z.string().nullable(),
  administrators: z.array(z.object({ displayName: z.string(), email: z.string().nullable() })),
});
export type HelpContact = z.infer<typeof helpContactSchema>;

/**
 * The key that encrypts this user's unsaved form drafts on the device (AES-GCM, 32 bytes,
 * base64url). Held only in memory by the browser: the drafts at rest are unreadable without a
 * session of the same user.
 */
export const draftKeySchema = z.object({ key: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
export type DraftKey = z.infer<typeof draftKeySchema>;
