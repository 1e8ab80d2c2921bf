import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseApi, savedFilterApi } from './api';
import type { CaseListSearch } from './caseListSearch';

export const caseKeys = {
  all: ['cases'] as const,
  lists: ['cases', 'list'] as const,
  list: (search: CaseListSearch) => [...caseKeys.lists, search] as const,
  detail: (id: string) => [...caseKeys.all, 'detail', id] as const,
};

const savedFilterKeys = { all: ['saved-filters'] as const };

export function useCases(search: CaseListSearch) {
  return useQuery({ queryKey: caseKeys.list(search), queryFn: () => caseApi.list(search), placeholderData: keepPreviousData });
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
