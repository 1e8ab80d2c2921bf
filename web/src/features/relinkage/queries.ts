import type { RelinkageDecision, RelinkageStatus } from '@seamless/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { relinkageApi } from './api';

const relinkageKeys = {
  all: ['relinkage'] as const,
  page: (status: RelinkageStatus, page: number) => [...relinkageKeys.all, status, page] as const,
};

export function useRelinkageCandidates(status: RelinkageStatus, page: number) {
  return useQuery({
    queryKey: relinkageKeys.page(status, page),
    queryFn: () => relinkageApi.list(status, page),
    placeholderData: keepPreviousData,
  });
}

/** "Same person" may merge records or raise a merge request: the queue, requests and cases are read again. */
export function useDecideRelinkage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: RelinkageDecision['decision'] }) => relinkageApi.decide(id, decision),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: relinkageKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['mergeRequests'] }),
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
      ]),
  });
}
