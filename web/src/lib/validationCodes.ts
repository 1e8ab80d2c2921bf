/** Zod's issue codes: the vocabulary of field errors, from this app's checks and the server's alike. */
export const VALIDATION_CODES = [
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

export function isValidationCode(code: string): code is ValidationCode {
  return (VALIDATION_CODES as readonly string[]).includes(code);
}
