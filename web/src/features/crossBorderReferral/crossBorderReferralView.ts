import {
  type Consent,
  type CrossBorderReferralAction,
  type CrossBorderReferralStatus,
  crossBorderReferralAnswerSchema,
  crossBorderReferralOutcomeSchema,
  crossBorderReferralWithdrawSchema,
} from '@seamless/contracts';
import { validate } from '../../lib/validation';
import { blankToNull } from '../caseRecord/common/options';
import { consentUnusable } from '../repatriation/repatriationView';

export const STATUS_COLORS: Record<CrossBorderReferralStatus, string> = {
  sent: 'blue',
  accepted: 'teal',
  declined: 'red',
  completed: 'green',
  withdrawn: 'gray',
};

/** The consents a referral abroad can rest on: given for referral, active, not withdrawn. */
export const referralConsents = (consents: readonly Consent[]) =>
  consents.filter((consent) => consentUnusable(consent, 'referral') === null);

/**
 * The steps offered as buttons, in the order they are taken; withdrawing comes last, set apart.
 * Only what the server lists in `actions` is ever offered.
 */
export function offeredSteps(actions: readonly CrossBorderReferralAction[]): { forward: CrossBorderReferralAction[]; withdraw: boolean } {
  return { forward: actions.filter((action) => action !== 'withdraw'), withdraw: actions.includes('withdraw') };
}

export type AnswerDecision = 'accept' | 'decline';

/** The answer as the form holds it, checked against the contract: a decline says why. */
export const checkAnswer = (decision: AnswerDecision | null, note: string) =>
  validate(crossBorderReferralAnswerSchema, { decision: decision ?? undefined, note: blankToNull(note) });

export const checkOutcome = (completedOn: string, outcome: string) =>
  validate(crossBorderReferralOutcomeSchema, { completedOn, outcome: outcome.trim() });

export const checkWithdrawal = (reason: string) => validate(crossBorderReferralWithdrawSchema, { reason: reason.trim() });
