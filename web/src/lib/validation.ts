import { type FieldError, limitsOfIssue } from '@seamless/contracts';
import type { z } from 'zod';

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/**
 * Checks a form against the same contract schema the server applies, so most mistakes show at
 * once and in the same words as the server's answer would (both speak in zod issue codes).
 */
export function validate<Schema extends z.ZodType>(schema: Schema, values: unknown): Validation<z.output<Schema>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      code: issue.code,
      message: issue.message,
      ...limitsOfIssue(issue),
    })),
  };
}
