import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { caseApi } from './api';
import type { CaseListSearch } from './caseListSearch';

const caseKeys = {
  all: ['cases'] as const,
  list: (search: CaseListSearch) => [...caseKeys.all, 'list', search] as const,
  detail: (id: string) => [...caseKeys.all, 'detail', id] as const,
};

export function useCases(search: CaseListSearch) {
  return useQuery({ queryKey: caseKeys.list(search), queryFn: () => caseApi.list(search), placeholderData: keepPreviousData });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: () => caseApi.get(id) });
}
