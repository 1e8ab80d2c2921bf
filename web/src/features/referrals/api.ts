import type {
  DirectoryOrganisation,
  externalReferralInputSchema,
  Page,
  Referral,
  ReferralBox,
  ReferralStatus,
  referralInputSchema,
  ServiceArea,
  transferInputSchema,
} from '@seamless/contracts';
import { api } from '../../api/client';
import type { RequestBody } from '../../api/types';

export type ReferralBody = RequestBody<typeof referralInputSchema>;
export type TransferBody = RequestBody<typeof transferInputSchema>;
export type ExternalReferralBody = RequestBody<typeof externalReferralInputSchema>;

const casePath = (caseId: string, part: string) => `/api/cases/${encodeURIComponent(caseId)}/${part}`;
const referralPath = (referralId: string, step: string) => `/api/referrals/${encodeURIComponent(referralId)}/${step}`;

export const referralsApi = {
  ofCase: (caseId: string) => api.get<{ items: Referral[] }>(casePath(caseId, 'referrals')),
  inbox: (box: ReferralBox, status: ReferralStatus | null, page: number, pageSize: number) =>
    api.get<Page<Referral>>('/api/referrals', { query: { box, page, pageSize, ...(status ? { status } : {}) } }),
  send: (caseId: string, body: ReferralBody) => api.post<Referral>(casePath(caseId, 'referrals'), body),
  transfer: (caseId: string, body: TransferBody) => api.post<Referral>(casePath(caseId, 'transfers'), body),
  recordExternal: (caseId: string, body: ExternalReferralBody) => api.post<Referral>(casePath(caseId, 'external-referrals'), body),
  accept: (referralId: string) => api.post<Referral>(referralPath(referralId, 'accept')),
  decline: (referralId: string, reason: string) => api.post<Referral>(referralPath(referralId, 'decline'), { reason }),
  withdraw: (referralId: string) => api.post<Referral>(referralPath(referralId, 'withdraw')),
  complete: (referralId: string, outcome: string | null) => api.post<Referral>(referralPath(referralId, 'complete'), { outcome }),
  close: (referralId: string, outcome: string) => api.post<Referral>(referralPath(referralId, 'close'), { outcome }),
  /** Directory organisations offering a service area (the service picker narrows them to the receiving agency). */
  directory: (serviceArea: ServiceArea) =>
    api.get<Page<DirectoryOrganisation>>('/api/directory/organisations', { query: { serviceArea, pageSize: 100 } }),
};
