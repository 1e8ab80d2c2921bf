import type {
  CrossBorderReferral,
  CrossBorderReferralInput,
  CrossBorderReferralStatus,
  CrossBorderReferralSummary,
  crossBorderReferralAnswerSchema,
  crossBorderReferralOutcomeSchema,
  crossBorderReferralWithdrawSchema,
  RepatriationSide,
} from '@seamless/contracts';
import { api } from '../../api/client';
import type { RequestBody } from '../../api/types';

/** One step on a referral across a border, with the body its endpoint takes. */
export type CrossBorderReferralStep =
  | { action: 'answer'; body: RequestBody<typeof crossBorderReferralAnswerSchema> }
  | { action: 'report_outcome'; body: RequestBody<typeof crossBorderReferralOutcomeSchema> }
  | { action: 'withdraw'; body: RequestBody<typeof crossBorderReferralWithdrawSchema> };

const STEP_PATHS: Record<CrossBorderReferralStep['action'], string> = {
  answer: 'answer',
  report_outcome: 'outcome',
  withdraw: 'withdraw',
};

const referralPath = (id: string, ...parts: string[]) =>
  ['/api/cross-border-referrals', id, ...parts].map((part, index) => (index === 0 ? part : encodeURIComponent(part))).join('/');
const caseReferralsPath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/cross-border-referrals`;

export const crossBorderReferralApi = {
  /** The agency's queue; no side lists both directions. */
  list: (side: RepatriationSide | null, status: CrossBorderReferralStatus | null) =>
    api.get<{ items: CrossBorderReferralSummary[] }>('/api/cross-border-referrals', { query: { side, status } }),
  detail: (id: string) => api.get<CrossBorderReferral>(referralPath(id)),
  ofCase: (caseId: string) => api.get<{ items: CrossBorderReferralSummary[] }>(caseReferralsPath(caseId)),
  refer: (caseId: string, body: CrossBorderReferralInput) => api.post<CrossBorderReferral>(caseReferralsPath(caseId), body),
  step: (id: string, step: CrossBorderReferralStep) => api.post<CrossBorderReferral>(referralPath(id, STEP_PATHS[step.action]), step.body),
};
