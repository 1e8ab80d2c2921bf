import { pageParam } from '../../lib/searchParams';

export interface PersonMergeSearch {
  page?: number;
}

export function validatePersonMergeSearch(search: Record<string, unknown>): PersonMergeSearch {
  return { page: pageParam(search.page) };
}
