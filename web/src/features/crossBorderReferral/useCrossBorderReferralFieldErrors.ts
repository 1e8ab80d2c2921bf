import type { FieldError } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { useRecordFieldErrors } from '../caseRecord/common/useRecordFieldErrors';
import { consentRefusalOf } from '../caseRecord/problems';

/**
 * Field messages for a referral abroad or one of its steps, all in the reader's language. A consent
 * the server refused (`consent_required` naming `consentId`) is explained in words about crossing
 * the border; an untrusted partner, a section the sender may not read and a decline without a
 * reason get their own sentences instead of the server's English or a generic one.
 */
export function useCrossBorderReferralFieldErrors(clientErrors: readonly FieldError[], serverError: unknown): Record<string, string> {
  const { t } = useTranslation();
  const messages = useRecordFieldErrors(clientErrors, serverError);
  const refusal = consentRefusalOf(serverError);
  if (refusal) messages.consentId = t(`crossBorderReferral.consentRefusal.${refusal}`);
  const serverErrors = serverError instanceof ApiProblem ? serverError.errors : [];
  for (const { path, code } of [...serverErrors, ...clientErrors]) {
    if (code === 'partner_not_trusted') messages[path] = t('problem.partner_not_trusted');
    if (path === 'sections' && code === 'forbidden') messages.sections = t('crossBorderReferral.refer.sectionNotReadable');
    if (path === 'note' && code === 'custom') messages.note = t('crossBorderReferral.answer.noteRequired');
  }
  return messages;
}
