import type { Page, RelinkageCandidate, RelinkageDecision, RelinkageStatus } from '@seamless/contracts';
import { api } from '../../api/client';

export const RELINKAGE_PAGE_SIZE = 25;

export const relinkageApi = {
  list: (status: RelinkageStatus, page: number) =>
    api.get<Page<RelinkageCandidate>>('/api/persons/relinkage-candidates', { query: { status, page, pageSize: RELINKAGE_PAGE_SIZE } }),
  decide: (id: string, decision: RelinkageDecision['decision']) =>
    api.post<RelinkageCandidate>(`/api/persons/relinkage-candidates/${encodeURIComponent(id)}/decision`, { decision }),
};
