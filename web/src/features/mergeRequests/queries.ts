import type { PersonMergeRequestDecision } from '@seamless/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type MergeRequestFilter, mergeRequestApi } from './api';

const mergeRequestKeys = {
  all: ['mergeRequests'] as const,
  page: (filter: MergeRequestFilter, page: number) => [...mergeRequestKeys.all, filter, page] as const,
};

export function useMergeRequests(filter: MergeRequestFilter, page: number) {
  return useQuery({
    queryKey: mergeRequestKeys.page(filter, page),
    queryFn: () => mergeRequestApi.list(filter, page),
    placeholderData: keepPreviousData,
  });
}

/** A decision can move cases between records: requests and any case already read are read again. */
export function useDecideMergeRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: PersonMergeRequestDecision['decision'] }) =>
      mergeRequestApi.decide(id, decision),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: mergeRequestKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
      ]),
  });
}
