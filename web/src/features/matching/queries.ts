import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { matchApi, type PersonMatchQuery } from './api';

export const matchKeys = {
  all: ['person-matches'] as const,
  find: (query: PersonMatchQuery | null) => [...matchKeys.all, query] as const,
};

/** Nothing is asked before there is a name to compare; earlier answers stay while the next one loads. */
export function usePersonMatches(query: PersonMatchQuery | null) {
  return useQuery({
    queryKey: matchKeys.find(query),
    queryFn: query ? ({ signal }) => matchApi.find(query, signal) : skipToken,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
