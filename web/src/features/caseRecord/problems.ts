import { CONSENT_REFUSALS, type ConsentRefusal, type StatusRulingRefusal } from '@seamless/contracts';
import { ApiProblem } from '../../api/problem';
import { oneOf } from '../../lib/oneOf';

const STATUS_RULING_REFUSALS = [
  'same_status',
  'transition_not_allowed',
  'elements_missing',
  'no_indicators',
  'unknown_indicator',
  'agency_not_competent',
  'reason_required',
] as const satisfies readonly StatusRulingRefusal[];

/** Someone saved the record after it was read: the user's input stays, the record must be reloaded. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 409 && error.code === 'conflict';
}

/** Why a share was refused for lack of consent, as the server's first field error names it. */
export function consentRefusalOf(error: unknown): ConsentRefusal | null {
  if (!(error instanceof ApiProblem) || error.code !== 'consent_required') return null;
  for (const fieldError of error.errors) {
    const refusal = oneOf(fieldError.code, CONSENT_REFUSALS);
    if (refusal) return refusal;
  }
  return 'no_consent';
}

/** Why the identification rules refused a status decision. */
export function statusRefusalOf(error: unknown): StatusRulingRefusal | null {
  if (!(error instanceof ApiProblem) || error.code !== 'identification_refused') return null;
  for (const fieldError of error.errors) {
    const refusal = oneOf(fieldError.code, STATUS_RULING_REFUSALS);
    if (refusal) return refusal;
  }
  return null;
}
