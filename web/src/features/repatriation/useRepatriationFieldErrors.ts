import type { FieldError } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { useRecordFieldErrors } from '../caseRecord/common/useRecordFieldErrors';
import { consentRefusalOf } from '../caseRecord/problems';

/**
 * Field messages for a repatriation form, all in the reader's language. A consent the server
 * refused (`consent_required` naming `consentId`) is explained in words about crossing the border;
 * the request's own rules (identity always sent, only sections the sender may read, files only
 * under sections sent, a trusted partner) get their sentences instead of the server's English.
 */
export function useRepatriationFieldErrors(clientErrors: readonly FieldError[], serverError: unknown): Record<string, string> {
  const { t } = useTranslation();
  const messages = useRecordFieldErrors(clientErrors, serverError);
  const errors = serverError instanceof ApiProblem ? serverError.errors : [];
  // A refusal names the consent, or a file filed under a section the request does not send.
  const refusal = consentRefusalOf(serverError);
  if (refusal && !errors.some((error) => error.path === 'attachmentIds')) messages.consentId = t(`repatriation.consentRefusal.${refusal}`);
  for (const { path, code } of errors) {
    if (code === 'partner_not_trusted') messages[path] = t('problem.partner_not_trusted');
    if (path === 'sections' && code === 'validation_failed') messages.sections = t('repatriation.request.identityRequired');
    if (path === 'sections' && code === 'forbidden') messages.sections = t('repatriation.request.sectionNotReadable');
    if (path === 'attachmentIds')
      messages.attachmentIds = t(`repatriation.request.fileRefusal.${code === 'payload_too_large' ? 'tooLarge' : 'outsideSections'}`);
  }
  return messages;
}
