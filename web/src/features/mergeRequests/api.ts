import type { Page, PersonMergeRequest, PersonMergeRequestDecision } from '@seamless/contracts';
import { api } from '../../api/client';

export type MergeRequestFilter = 'pending' | 'all';
export const MERGE_REQUEST_PAGE_SIZE = 25;

export const mergeRequestApi = {
  list: (filter: MergeRequestFilter, page: number) =>
    api.get<Page<PersonMergeRequest>>('/api/persons/merge-requests', {
      query: { ...(filter === 'pending' ? { status: 'pending' } : {}), page, pageSize: MERGE_REQUEST_PAGE_SIZE },
    }),
  decide: (id: string, decision: PersonMergeRequestDecision['decision']) =>
    api.post<PersonMergeRequest>(`/api/persons/merge-requests/${encodeURIComponent(id)}/decision`, { decision }),
};
