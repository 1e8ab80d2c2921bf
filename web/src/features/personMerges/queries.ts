import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { personMergeApi } from './api';

const personMergeKeys = {
  all: ['personMerges'] as const,
  page: (page: number) => [...personMergeKeys.all, page] as const,
};

export function usePersonMerges(page: number) {
  return useQuery({ queryKey: personMergeKeys.page(page), queryFn: () => personMergeApi.list(page), placeholderData: keepPreviousData });
}

/** Undoing moves cases back to the restored person: the merges and any case already read are read again. */
export function useUndoPersonMerge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: personMergeApi.undo,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: personMergeKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
      ]),
  });
}
