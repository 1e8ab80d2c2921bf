import { pageParam, textParam, uuidParam } from '../../lib/searchParams';

export interface UserListSearch {
  page?: number;
  q?: string;
  agencyId?: string;
}

export function validateUserListSearch(search: Record<string, unknown>): UserListSearch {
  return { page: pageParam(search.page), q: textParam(search.q), agencyId: uuidParam(search.agencyId) };
}
