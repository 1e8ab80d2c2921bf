import { useTranslation } from 'react-i18next';
import { isValidationCode } from '../../lib/validationCodes';
import type { ErrorPlace, PlacedError } from './problemFields';

/** One message per place in the reader's language: this form's own wording, else the code's, else the server's. */
export function useErrorMessages(placed: ReadonlyMap<ErrorPlace, PlacedError>): Record<ErrorPlace, string> {
  const { t } = useTranslation();
  const messages: Record<ErrorPlace, string> = {};
  for (const [place, error] of placed) {
    messages[place] = error.reason
      ? t(`reconciliation.errors.${error.reason}`)
      : isValidationCode(error.code)
        ? t(`validation.${error.code}`)
        : error.message;
  }
  return messages;
}
