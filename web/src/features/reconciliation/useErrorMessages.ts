import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { fieldErrorMessage } from '../../lib/fieldErrorMessage';
import type { ErrorPlace, PlacedError } from './problemFields';

/**
 * One message per place in the reader's language: this form's own wording, else the code's (with the limit the
 * error names: "No more than 200 characters"), else the server's.
 */
export function errorMessages(t: TFunction, placed: ReadonlyMap<ErrorPlace, PlacedError>): Record<ErrorPlace, string> {
  const messages: Record<ErrorPlace, string> = {};
  for (const [place, error] of placed) {
    messages[place] = error.reason ? t(`reconciliation.errors.${error.reason}`) : (fieldErrorMessage(t, error) ?? error.message);
  }
  return messages;
}

export function useErrorMessages(placed: ReadonlyMap<ErrorPlace, PlacedError>): Record<ErrorPlace, string> {
  const { t } = useTranslation();
  return errorMessages(t, placed);
}
