import type { FieldError } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { fieldErrorMessage } from './fieldErrorMessage';

/**
 * Messages per field path, from client-side validation and from the server's problem, for the
 * `error` props of inputs. The catalogue's message for a known zod issue code wins (with the
 * field's limit where the error names one); the server's own message is the fallback for any other code.
 */
export function useFieldErrors(clientErrors: readonly FieldError[], serverError: unknown): Record<string, string> {
  const { t } = useTranslation();
  const serverErrors = serverError instanceof ApiProblem ? serverError.errors : [];
  const messages: Record<string, string> = {};
  for (const error of [...serverErrors, ...clientErrors]) messages[error.path] = fieldErrorMessage(t, error) ?? error.message;
  return messages;
}
