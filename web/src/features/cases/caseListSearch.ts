import {
  AGE_GROUPS,
  CASE_SCOPES,
  CASE_SORTS,
  CASE_STAGES,
  CASE_STATUSES,
  EXPLOITATION_TYPES,
  TRAFFICKING_STATUSES,
} from '@seamless/contracts';
import { oneOf } from '../../lib/oneOf';
import { pageParam, textParam } from '../../lib/searchParams';

/** The filters that take several values, each with the vocabulary it accepts. */
const CASE_LIST_FILTERS = {
  status: CASE_STATUSES,
  stage: CASE_STAGES,
  traffickingStatus: TRAFFICKING_STATUSES,
  exploitation: EXPLOITATION_TYPES,
} as const;
type ListFilter = keyof typeof CASE_LIST_FILTERS | 'nationality';

/**
 * The caseload as the URL holds it. Several values of a filter are kept comma-joined, as the
 * API reads them, so a link stays readable and a saved filter is the same strings.
 */
export interface CaseListSearch {
  page?: number;
  /**
   * Sort, scope and age group are checked here only for shape: their vocabularies share a
   * contract module with zod schemas that the entry bundle should not carry. The page narrows
   * them (`narrowCaseListSearch` in CasesPage).
   */
  sort?: string;
  scope?: string;
  status?: string;
  stage?: string;
  traffickingStatus?: string;
  exploitation?: string;
  nationality?: string;
  ageGroup?: string;
  overdue?: boolean;
  q?: string;
}

const COUNTRY_CODE = /^[A-Z]{2}$/;
const MAX_VALUES = 20;

/** Known values only, each once, in a stable order; `undefined` when none is left. */
function listParam(value: unknown, accepts: (item: string) => boolean): string | undefined {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const kept = [...new Set(items.filter((item): item is string => typeof item === 'string').map((item) => item.trim()))]
    .filter(accepts)
    .slice(0, MAX_VALUES);
  return kept.length ? kept.join(',') : undefined;
}

export function splitList(value: string | undefined): string[] {
  return value ? value.split(',') : [];
}

export function joinList(values: readonly string[]): string | undefined {
  return values.length ? values.join(',') : undefined;
}

function booleanParam(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

function listFilterParam(filter: ListFilter, value: unknown): string | undefined {
  if (filter === 'nationality') return listParam(value, (item) => COUNTRY_CODE.test(item));
  const accepted: readonly string[] = CASE_LIST_FILTERS[filter];
  return listParam(value, (item) => accepted.includes(item));
}

const SORT_SHAPE = /^-?[A-Za-z]{1,40}$/;
const WORD_SHAPE = /^[a-z_]{1,20}$/;

function shaped(value: unknown, shape: RegExp): string | undefined {
  return typeof value === 'string' && shape.test(value) ? value : undefined;
}

export function validateCaseListSearch(search: Record<string, unknown>): CaseListSearch {
  return {
    page: pageParam(search.page),
    sort: shaped(search.sort, SORT_SHAPE),
    scope: shaped(search.scope, WORD_SHAPE),
    status: listFilterParam('status', search.status),
    stage: listFilterParam('stage', search.stage),
    traffickingStatus: listFilterParam('traffickingStatus', search.traffickingStatus),
    exploitation: listFilterParam('exploitation', search.exploitation),
    nationality: listFilterParam('nationality', search.nationality),
    ageGroup: shaped(search.ageGroup, WORD_SHAPE),
    overdue: booleanParam(search.overdue),
    q: textParam(search.q),
  };
}

/** The criteria as the API and a saved filter take them: strings, without the page and the empty ones. */
/** The URL's criteria with sort, scope and age group narrowed to what the API accepts. */
export function narrowCaseListSearch(search: CaseListSearch): CaseListSearch {
  return {
    ...search,
    sort: oneOf(search.sort, CASE_SORTS),
    scope: oneOf(search.scope, CASE_SCOPES),
    ageGroup: oneOf(search.ageGroup, AGE_GROUPS),
  };
}

export function filterQueryOf(search: CaseListSearch): Record<string, string> {
  const { page: _page, ...criteria } = search;
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(criteria)) {
    if (value !== undefined) query[key] = String(value);
  }
  return query;
}

/** How many criteria narrow the list (scope and order only arrange it): the phone's "Filters (n)". */
export function activeFilterCount(search: CaseListSearch): number {
  return [
    search.status,
    search.stage,
    search.traffickingStatus,
    search.exploitation,
    search.nationality,
    search.ageGroup,
    search.overdue !== undefined,
    search.q,
  ].filter(Boolean).length;
}

export const hasFilters = (search: CaseListSearch): boolean => activeFilterCount(search) > 0;
