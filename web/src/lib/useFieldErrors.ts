import type { FieldError } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { isValidationCode } from './validationCodes';

/**
 * Messages per field path, from client-side validation and from the server's problem, for the
 * `error` props of inputs. The catalogue's message for a known zod issue code wins; the
 * server's own message is the fallback for any other code.
 */
export function useFieldErrors(clientErrors: readonly FieldError[], serverError: unknown): Record<string, string> {
  const { t } = useTranslation();
  const serverErrors = serverError instanceof ApiProblem ? serverError.errors : [];
  const messages: Record<string, string> = {};
  for (const { path, code, message } of [...serverErrors, ...clientErrors]) {
    messages[path] = isValidationCode(code) ? t(`validation.${code}`) : message;
  }
  return messages;
}
