import { pageParam } from '../../lib/searchParams';

/** Which grants the list shows: those still open, those ended, or (unset) all. */
export const BREAK_GLASS_FILTERS = ['active', 'ended'] as const;
export type BreakGlassFilter = (typeof BREAK_GLASS_FILTERS)[number];

export interface BreakGlassSearch {
  page?: number;
  status?: BreakGlassFilter;
}

export function validateBreakGlassSearch(search: Record<string, unknown>): BreakGlassSearch {
  return { page: pageParam(search.page), status: BREAK_GLASS_FILTERS.find((filter) => filter === search.status) };
}
