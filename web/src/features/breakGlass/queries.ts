import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { breakGlassApi } from './api';
import type { BreakGlassSearch } from './breakGlassSearch';

export function useBreakGlassGrants(search: BreakGlassSearch) {
  return useQuery({
    queryKey: ['breakGlass', 'grants', search] as const,
    queryFn: () => breakGlassApi.list(search),
    placeholderData: keepPreviousData,
  });
}
