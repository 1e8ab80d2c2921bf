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
  /** For `too_small` and `too_big`: what was measured (characters, a number, entries) and its bound, so the form can say what to enter. */
  origin: z.string().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** The bound a zod size issue names, as a field error carries it; nothing for other issues or exclusive bounds. */
export function limitsOfIssue(issue: {
  code: string;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: unknown;
}): Pick<FieldError, 'origin' | 'minimum' | 'maximum'> {
  if (issue.code !== 'too_small' && issue.code !== 'too_big') return {};
  const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
  if (typeof bound !== 'number' || !Number.isFinite(bound) || issue.inclusive === false) return {};
  const origin = typeof issue.origin === 'string' ? issue.origin : undefined;
  return issue.code === 'too_small' ? { origin, minimum: bound } : { origin, maximum: bound };
}

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
