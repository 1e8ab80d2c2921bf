import { CASE_STATUSES, type CaseStatus, type caseListQuerySchema } from '@seamless/contracts';
import type { RequestBody } from '../../api/types';
import { oneOf } from '../../lib/oneOf';
import { pageParam } from '../../lib/searchParams';

export type CaseSort = NonNullable<RequestBody<typeof caseListQuerySchema>['sort']>;

/** The orders the server accepts (contracts' caseListQuerySchema), offered in this order. */
export const CASE_SORTS = [
  '-updatedAt',
  'updatedAt',
  '-openedAt',
  'openedAt',
  'reference',
  '-reference',
] as const satisfies readonly CaseSort[];

export interface CaseListSearch {
  page?: number;
  status?: CaseStatus;
  sort?: CaseSort;
}

export function validateCaseListSearch(search: Record<string, unknown>): CaseListSearch {
  return {
    page: pageParam(search.page),
    status: oneOf(search.status, CASE_STATUSES),
    sort: oneOf(search.sort, CASE_SORTS),
  };
}
