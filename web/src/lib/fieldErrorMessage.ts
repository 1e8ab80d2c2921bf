import type { FieldError } from '@seamless/contracts';
import type { TFunction } from 'i18next';
import { isValidationCode } from './validationCodes';

/** What a size bound measures, as zod names it: characters, a number, or entries chosen. */
const ORIGIN_KIND: Record<string, 'text' | 'number' | 'list'> = {
  string: 'text',
  number: 'number',
  int: 'number',
  bigint: 'number',
  array: 'list',
  set: 'list',
};

/** The limit a size refusal names, said as what to enter ("Enter at least 2 characters"); null without one. */
function limitMessage(t: TFunction, { code, origin, minimum, maximum }: FieldError): string | null {
  const kind = origin ? ORIGIN_KIND[origin] : undefined;
  if (!kind) return null;
  if (code === 'too_small' && minimum !== undefined) {
    if (kind === 'text') return minimum <= 1 ? t('fieldChecks.limit.required') : t('fieldChecks.limit.minLength', { minimum });
    if (kind === 'list') return minimum <= 1 ? t('fieldChecks.limit.chooseOne') : t('fieldChecks.limit.minItems', { minimum });
    return t('fieldChecks.limit.minNumber', { minimum });
  }
  if (code === 'too_big' && maximum !== undefined) {
    if (kind === 'text') return t('fieldChecks.limit.maxLength', { maximum });
    if (kind === 'list') return t('fieldChecks.limit.maxItems', { maximum });
    return t('fieldChecks.limit.maxNumber', { maximum });
  }
  return null;
}

/**
 * A field error in the reader's language, saying what to do: with the limit when the error names
 * one, else the sentence for its zod code; null for a code of the record's own rules, which the
 * caller words.
 */
export function fieldErrorMessage(t: TFunction, error: FieldError): string | null {
  if (!isValidationCode(error.code)) return null;
  return limitMessage(t, error) ?? t(`validation.${error.code}`);
}
