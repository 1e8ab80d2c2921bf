import type { CaseDetail, CaseSummary, Page } from '@seamless/contracts';
import { api } from '../../api/client';
import type { CaseListSearch } from './caseListSearch';

export const CASE_PAGE_SIZE = 25;

export const caseApi = {
  list: ({ page, status, sort }: CaseListSearch) =>
    api.get<Page<CaseSummary>>('/api/cases', { query: { page, pageSize: CASE_PAGE_SIZE, status, sort } }),
  get: (id: string) => api.get<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`),
};
