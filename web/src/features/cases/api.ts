import type { CaseDetail, CaseSummary, caseCreateSchema, Page, SavedCaseFilter } from '@seamless/contracts';
import { api } from '../../api/client';
import type { RequestBody } from '../../api/types';
import { type CaseListSearch, filterQueryOf } from './caseListSearch';

export const CASE_PAGE_SIZE = 25;

export type CaseCreate = RequestBody<typeof caseCreateSchema>;

export const caseApi = {
  list: (search: CaseListSearch) =>
    api.get<Page<CaseSummary>>('/api/cases', { query: { ...filterQueryOf(search), page: search.page, pageSize: CASE_PAGE_SIZE } }),
  create: (body: CaseCreate) => api.post<CaseDetail>('/api/cases', body),
};

export const savedFilterApi = {
  list: () => api.get<{ items: SavedCaseFilter[] }>('/api/saved-filters'),
  create: (body: { name: string; query: Record<string, string> }) => api.post<SavedCaseFilter>('/api/saved-filters', body),
  remove: (id: string) => api.delete(`/api/saved-filters/${encodeURIComponent(id)}`),
};
