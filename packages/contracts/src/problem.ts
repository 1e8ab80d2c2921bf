import { z } from 'zod';

/**
 * Stable problem codes (RFC 9457 `code` extension). The UI translates them through the
 * catalogue key `problem.<code>`, so a code must never be renamed once shipped.
 */
export const PROBLEM_CODES = [
  'validation_failed',
  'malformed_json',
  'unsupported_media_type',
  'payload_too_large',
  'not_found',
  'route_not_found',
  'unauthenticated',
  'invalid_credentials',
  'second_factor_required',
  'invalid_second_factor',
  'account_disabled',
  'too_many_requests',
  'forbidden',
  'csrf_failed',
  'conflict',
  'username_taken',
  'password_too_weak',
  'password_reused',
  'second_factor_already_enabled',
  'second_factor_not_enrolled',
  'second_factor_mandatory',
  'invalid_reference',
  'consent_required',
  'share_required',
  'identification_refused',
  'unsupported_file_type',
  'unsafe_file',
  'case_closed',
  'placement_rule',
  'packet_rejected',
  'partner_not_trusted',
  'internal_error',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const fieldErrorSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(PROBLEM_CODES),
  detail: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  /** On a conflict: the record's current version and who changed it last. */
  current: z.record(z.string(), z.unknown()).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const problemType = (code: ProblemCode) => `urn:seamless:problem:${code}`;
