import type {
  Assessment,
  AssessmentInstrument,
  AssessmentList,
  AssessmentTrend,
  assessmentInputSchema,
  assessmentInstrumentInputSchema,
  assessmentInstrumentUpdateSchema,
} from '@seamless/contracts';
import { api } from '../../api/client';
import type { RequestBody } from '../../api/types';

export type AssessmentBody = RequestBody<typeof assessmentInputSchema>;
export type InstrumentBody = RequestBody<typeof assessmentInstrumentInputSchema>;
export type InstrumentUpdateBody = RequestBody<typeof assessmentInstrumentUpdateSchema>;

const casePath = (caseId: string, ...parts: string[]) => ['/api/cases', ...[caseId, ...parts].map(encodeURIComponent)].join('/');

export const assessmentsApi = {
  instruments: () => api.get<{ items: AssessmentInstrument[] }>('/api/assessment-instruments'),
  saveInstrument: (body: InstrumentBody) => api.post<AssessmentInstrument>('/api/admin/assessment-instruments', body),
  updateInstrument: (id: string, body: InstrumentUpdateBody) =>
    api.patch<AssessmentInstrument>(`/api/admin/assessment-instruments/${encodeURIComponent(id)}`, body),
  list: (caseId: string) => api.get<AssessmentList>(casePath(caseId, 'assessments')),
  record: (caseId: string, body: AssessmentBody) => api.post<Assessment>(casePath(caseId, 'assessments'), body),
  trend: (caseId: string) => api.get<AssessmentTrend>(casePath(caseId, 'assessments', 'trend')),
};
