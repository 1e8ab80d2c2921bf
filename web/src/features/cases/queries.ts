import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseApi, savedFilterApi } from './api';
import type { CaseListSearch } from './caseListSearch';

export const caseKeys = {
  all: ['cases'] as const,
  lists: ['cases', 'list'] as const,
  list: (search: CaseListSearch) => [...caseKeys.lists, search] as const,
  detail: (id: string) => [...caseKeys.all, 'detail', id] as const,
};

const savedFilterKeys = { all: ['saved-filters'] as const };

/** A page of the case list for criteria already narrowed (narrowCaseListSearch); the route's loader asks for it before the page draws. */
export const caseListQuery = (search: CaseListSearch) =>
  queryOptions({ queryKey: caseKeys.list(search), queryFn: () => caseApi.list(search), placeholderData: keepPreviousData });

export function useCases(search: CaseListSearch) {
  return useQuery(caseListQuery(search));
}

export function useSavedFilters() {
  return useQuery({ queryKey: savedFilterKeys.all, queryFn: savedFilterApi.list });
}

export function useSaveFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: savedFilterApi.create,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedFilterKeys.all }),
  });
}

export function useDeleteSavedFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: savedFilterApi.remove,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedFilterKeys.all }),
  });
}
