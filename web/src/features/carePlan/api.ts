import type { CarePlan, CareService, careActionUpdateSchema, carePlanInputSchema, careServiceInputSchema } from '@seamless/contracts';
import { api } from '../../api/client';
import type { RequestBody } from '../../api/types';

export type CarePlanBody = RequestBody<typeof carePlanInputSchema>;
export type CareActionUpdateBody = RequestBody<typeof careActionUpdateSchema>;
export type CareServiceBody = RequestBody<typeof careServiceInputSchema>;

const path = (caseId: string, ...parts: string[]) => ['/api/cases', ...[caseId, ...parts].map(encodeURIComponent)].join('/');

export const carePlanApi = {
  get: (caseId: string, version?: number) =>
    api.get<CarePlan>(`${path(caseId, 'care-plan')}${version === undefined ? '' : `?version=${version}`}`),
  revise: (caseId: string, body: CarePlanBody) => api.post<CarePlan>(path(caseId, 'care-plan'), body),
  updateAction: (caseId: string, actionId: string, body: CareActionUpdateBody) =>
    api.patch<CarePlan>(path(caseId, 'care-plan', 'actions', actionId), body),
  recordService: (caseId: string, body: CareServiceBody) => api.post<CareService>(path(caseId, 'care-services'), body),
};
