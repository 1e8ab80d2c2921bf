import type {
  admissionSchema,
  CaseShelter,
  dischargeSchema,
  ShelterDetail,
  ShelterFacility,
  ShelterList,
  ShelterResidentList,
  shelterFacilityInputSchema,
  shelterFacilityUpdateSchema,
  shelterUnitInputSchema,
  shelterUnitUpdateSchema,
  transferSchema,
} from '@seamless/contracts';
import { api } from '../../api/client';
import type { RequestBody } from '../../api/types';

export type AdmissionBody = RequestBody<typeof admissionSchema>;
export type TransferBody = RequestBody<typeof transferSchema>;
export type DischargeBody = RequestBody<typeof dischargeSchema>;
export type FacilityBody = RequestBody<typeof shelterFacilityInputSchema>;
export type FacilityUpdateBody = RequestBody<typeof shelterFacilityUpdateSchema>;
export type UnitBody = RequestBody<typeof shelterUnitInputSchema>;
export type UnitUpdateBody = RequestBody<typeof shelterUnitUpdateSchema>;

const casePath = (caseId: string, ...parts: string[]) => `/api/cases/${[caseId, 'shelter', ...parts].map(encodeURIComponent).join('/')}`;

export const sheltersApi = {
  list: () => api.get<ShelterList>('/api/shelters'),
  residents: () => api.get<ShelterResidentList>('/api/shelters/residents'),
  get: (shelterId: string) => api.get<ShelterDetail>(`/api/shelters/${encodeURIComponent(shelterId)}`),
  create: (body: FacilityBody) => api.post<ShelterFacility>('/api/shelters', body),
  update: (shelterId: string, body: FacilityUpdateBody) =>
    api.patch<ShelterFacility>(`/api/shelters/${encodeURIComponent(shelterId)}`, body),
  addUnit: (shelterId: string, body: UnitBody) => api.post<ShelterFacility>(`/api/shelters/${encodeURIComponent(shelterId)}/units`, body),
  updateUnit: (shelterId: string, unitId: string, body: UnitUpdateBody) =>
    api.patch<ShelterFacility>(`/api/shelters/${encodeURIComponent(shelterId)}/units/${encodeURIComponent(unitId)}`, body),
  caseShelter: (caseId: string) => api.get<CaseShelter>(casePath(caseId)),
  admit: (caseId: string, body: AdmissionBody) => api.post<CaseShelter>(casePath(caseId, 'admit'), body),
  transfer: (caseId: string, body: TransferBody) => api.post<CaseShelter>(casePath(caseId, 'transfer'), body),
  discharge: (caseId: string, body: DischargeBody) => api.post<CaseShelter>(casePath(caseId, 'discharge'), body),
};
