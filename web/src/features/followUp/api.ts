import type {
  Assessment,
  CaseFollowUp,
  FollowUpPolicy,
  FollowUpPreview,
  followUpCloseSchema,
  followUpPolicyInputSchema,
  followUpPolicyUpdateSchema,
  followUpReopenSchema,
  followUpRescheduleSchema,
  followUpStartSchema,
  followUpVisitRecordSchema,
} from '@seamless/contracts';
import { api } from '../../api/client';
import type { RequestBody } from '../../api/types';

export type FollowUpStartBody = RequestBody<typeof followUpStartSchema>;
export type FollowUpVisitBody = RequestBody<typeof followUpVisitRecordSchema>;
export type FollowUpRescheduleBody = RequestBody<typeof followUpRescheduleSchema>;
export type FollowUpCloseBody = RequestBody<typeof followUpCloseSchema>;
export type FollowUpReopenBody = RequestBody<typeof followUpReopenSchema>;
export type FollowUpPolicyBody = RequestBody<typeof followUpPolicyInputSchema>;
export type FollowUpPolicyUpdateBody = RequestBody<typeof followUpPolicyUpdateSchema>;

const path = (caseId: string, ...parts: string[]) => ['/api/cases', caseId, 'follow-up', ...parts].map(encodeURI).join('/');

export const followUpApi = {
  get: (caseId: string) => api.get<CaseFollowUp>(path(caseId)),
  preview: (caseId: string, startOn: string, policyId: string | null) => {
    const query = new URLSearchParams({ startOn, ...(policyId ? { policyId } : {}) });
    return api.get<FollowUpPreview>(`${path(caseId, 'preview')}?${query}`);
  },
  start: (caseId: string, body: FollowUpStartBody) => api.post<CaseFollowUp>(path(caseId), body),
  recordVisit: (caseId: string, body: FollowUpVisitBody) => api.post<CaseFollowUp>(path(caseId, 'visits'), body),
  reschedule: (caseId: string, visitId: string, body: FollowUpRescheduleBody) =>
    api.patch<CaseFollowUp>(path(caseId, 'visits', visitId), body),
  close: (caseId: string, body: FollowUpCloseBody) => api.post<CaseFollowUp>(path(caseId, 'close'), body),
  reopen: (caseId: string, body: FollowUpReopenBody) => api.post<CaseFollowUp>(path(caseId, 'reopen'), body),

  /** The case's assessments, to name the one made on a visit. */
  assessments: (caseId: string) => api.get<{ items: Assessment[] }>(['/api/cases', caseId, 'assessments'].map(encodeURI).join('/')),

  policies: () => api.get<{ items: FollowUpPolicy[] }>('/api/admin/follow-up-policies'),
  addPolicy: (body: FollowUpPolicyBody) => api.post<FollowUpPolicy>('/api/admin/follow-up-policies', body),
  updatePolicy: (id: string, body: FollowUpPolicyUpdateBody) =>
    api.patch<FollowUpPolicy>(`/api/admin/follow-up-policies/${encodeURIComponent(id)}`, body),
};
