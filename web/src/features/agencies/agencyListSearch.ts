import { pageParam, textParam } from '../../lib/searchParams';

export interface AgencyListSearch {
  page?: number;
  q?: string;
}

export function validateAgencyListSearch(search: Record<string, unknown>): AgencyListSearch {
  return { page: pageParam(search.page), q: textParam(search.q) };
}
