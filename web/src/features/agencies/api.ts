import type { Agency, agencyCreateSchema, agencyUpdateSchema, Page } from '@seamless/contracts';
import { api } from '../../api/client';
import type { RequestBody } from '../../api/types';

export type AgencyCreate = RequestBody<typeof agencyCreateSchema>;
export type AgencyUpdate = RequestBody<typeof agencyUpdateSchema>;

export interface AgencyListQuery {
  page?: number;
  pageSize?: number;
  q?: string;
}

export const agencyApi = {
  list: (query: AgencyListQuery) => api.get<Page<Agency>>('/api/admin/agencies', { query: { ...query } }),
  create: (body: AgencyCreate) => api.post<Agency>('/api/admin/agencies', body),
  update: (id: string, body: AgencyUpdate) => api.patch<Agency>(`/api/admin/agencies/${encodeURIComponent(id)}`, body),
};
