import { CONSENT_REFUSALS, type FieldError } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../api/problem';
import { oneOf } from '../../../lib/oneOf';
import { useFieldErrors } from '../../../lib/useFieldErrors';
import { isValidationCode } from '../../../lib/validationCodes';

/** Rule codes the case-record endpoints put on a field, each with a sentence in the catalogue. */
export const RECORD_FIELD_CODES = [
  'date_in_future',
  'before_birth',
  'before_case_opened',
  'before_interview',
  'interview_not_completed',
  'interview_completed',
  'unknown_indicator',
  'unknown_step',
  'unknown_procedure',
  'unknown_question',
  'invalid_reference',
  'required',
  'decision_superseded',
  'no_decision_to_certify',
] as const;

/** Plausibility rules on a record's state (issue 14), each saying what to do first. */
const STATE_CODES = {
  interpreter_pending: 'fieldChecks.interview.interpreterPending',
  ends_before_start: 'fieldChecks.dates.endsBeforeStart',
} as const;

const RULING_CODES = [
  'same_status',
  'transition_not_allowed',
  'elements_missing',
  'no_indicators',
  'agency_not_competent',
  'reason_required',
] as const;

/**
 * Field messages in the reader's language. Zod's codes are translated by the shared hook. For the
 * record's own rules, the sentence a form gives for that field (`fallbacks`, e.g. "the guardian
 * gives a child's consent" for `givenBy`) comes first, then the sentence for the rule's code; the
 * server's English text is left only for a rule neither knows.
 */
export function useRecordFieldErrors(
  clientErrors: readonly FieldError[],
  serverError: unknown,
  fallbacks: Record<string, string> = {},
): Record<string, string> {
  const { t } = useTranslation();
  const messages = useFieldErrors(clientErrors, serverError);
  const serverErrors = serverError instanceof ApiProblem ? serverError.errors : [];
  for (const { path, code } of serverErrors) {
    if (isValidationCode(code)) continue;
    const recordCode = oneOf(code, RECORD_FIELD_CODES);
    const ruling = oneOf(code, RULING_CODES);
    const refusal = oneOf(code, CONSENT_REFUSALS);
    const state = oneOf(code, Object.keys(STATE_CODES) as (keyof typeof STATE_CODES)[]);
    const fallback = fallbacks[path];
    if (state) messages[path] = t(STATE_CODES[state]);
    else if (fallback) messages[path] = fallback;
    else if (recordCode) messages[path] = t(`caseRecord.fieldError.${recordCode}`);
    else if (ruling) messages[path] = t(`identification.ruling.${ruling}`);
    else if (refusal) messages[path] = t(`caseRecord.share.refusal.${refusal}`);
  }
  return messages;
}

/** The first message for a field or any entry of it (`stepsCompleted` or `stepsCompleted.2`), for a group of inputs. */
export function groupError(messages: Record<string, string>, path: string): string | undefined {
  return Object.entries(messages).find(([key]) => key === path || key.startsWith(`${path}.`))?.[1];
}
