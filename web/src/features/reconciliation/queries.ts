import type { StatisticSubmissionRequest } from '@seamless/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { reconciliationApi } from './api';

const SUBMISSIONS_KEY = ['statistics', 'submissions'] as const;

export const useStatisticSubmissions = () => useQuery({ queryKey: SUBMISSIONS_KEY, queryFn: reconciliationApi.submissions });

/** Recomputed at every visit: records entered since change the computed side, never the reported one. */
export const useReconciliation = (id: string) =>
  useQuery({ queryKey: [...SUBMISSIONS_KEY, id, 'reconciliation'], queryFn: () => reconciliationApi.reconciliation(id) });

/** The records behind a line, read when a reader who may open cases asks for them. */
export const useReconciliationRecords = (id: string, keys: string[]) =>
  useQuery({ queryKey: [...SUBMISSIONS_KEY, id, 'records', keys], queryFn: () => reconciliationApi.records(id, keys) });

/** A new submission (or a new version of one) heads the list. */
function useSubmissionMutation<Variables>(mutationFn: (variables: Variables) => ReturnType<typeof reconciliationApi.submit>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: SUBMISSIONS_KEY, exact: true }) });
}

export const useSubmitFigures = () => useSubmissionMutation((body: StatisticSubmissionRequest) => reconciliationApi.submit(body));

export const useUploadWorkbook = () =>
  useSubmissionMutation(({ query, file }: { query: Record<string, string | undefined>; file: File }) =>
    reconciliationApi.uploadWorkbook(query, file),
  );

export const useDownloadTemplate = () =>
  useMutation({ mutationFn: (query: Record<string, string | undefined>) => reconciliationApi.downloadTemplate(query) });
