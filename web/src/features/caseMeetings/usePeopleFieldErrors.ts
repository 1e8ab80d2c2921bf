import type { FieldError } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { peopleReferenceErrors } from './meetingPeople';

/** Field errors for forms that name people or agencies, each in the reader's language. */
export function usePeopleFieldErrors(clientErrors: readonly FieldError[], serverError: unknown): Record<string, string> {
  const { t } = useTranslation();
  const messages = useFieldErrors(clientErrors, serverError);
  const refused = serverError instanceof ApiProblem ? peopleReferenceErrors(serverError.errors) : [];
  for (const field of refused) messages[field] = t(`caseMeetings.people.refused.${field}`);
  return messages;
}
