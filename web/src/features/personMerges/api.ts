import type { Page } from '@seamless/contracts';
import { api } from '../../api/client';

/** A merge of two records of one person, as `GET /api/admin/person-merges` lists it: ids and counts, never names. */
export interface PersonMerge {
  id: string;
  /** The record that was kept. */
  survivorId: string;
  /** The record merged into it, restored as a person of its own when the merge is undone. */
  mergedId: string;
  moved: { cases: number; names: number; documents: number; contacts: number };
  mergedByName: string;
  mergedAt: string;
  undoneAt: string | null;
  undoneByName: string | null;
}

export const PERSON_MERGE_PAGE_SIZE = 25;

export const personMergeApi = {
  list: (page: number) => api.get<Page<PersonMerge>>('/api/admin/person-merges', { query: { page, pageSize: PERSON_MERGE_PAGE_SIZE } }),
  undo: (id: string) => api.post<PersonMerge>(`/api/admin/person-merges/${encodeURIComponent(id)}/undo`),
};
