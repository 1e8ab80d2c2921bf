import { pageParam, textParam, uuidParam } from '../../lib/searchParams';

export interface UserListSearch {
  page?: number;
  q?: string;
  agencyId?: string;
  /** Only the people who asked for a new password. */
  resetRequested?: true;
}

export function validateUserListSearch(search: Record<string, unknown>): UserListSearch {
  return {
    page: pageParam(search.page),
    q: textParam(search.q),
    agencyId: uuidParam(search.agencyId),
    resetRequested: search.resetRequested === true || search.resetRequested === 'true' ? true : undefined,
  };
}
