import type { HtcdsImportReport } from '@seamless/contracts';
import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { caseKeys } from '../cases/queries';
import { htcdsExchangeApi } from './api';
import type { ExportForm } from './exportForm';
import { IMPORT_POLL_MS, isRunning } from './importJob';

const importKeys = {
  all: ['htcdsImports'] as const,
  recent: () => [...importKeys.all, 'recent'] as const,
  job: (jobId: string | null) => [...importKeys.all, 'job', jobId] as const,
  records: (jobId: string, q: string, page: number) => [...importKeys.all, 'records', jobId, q, page] as const,
};

export function useRecentImports() {
  return useQuery({ queryKey: importKeys.recent(), queryFn: htcdsExchangeApi.recent });
}

/**
 * A job, asked for again every half second while it runs. Once it ends, the recent imports are
 * read again, and after a real import so is the caseload.
 */
export function useImportJob(jobId: string | null) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.job(jobId),
    queryFn: jobId ? () => htcdsExchangeApi.job(jobId) : skipToken,
    refetchInterval: (current) => (current.state.data && isRunning(current.state.data.state) ? IMPORT_POLL_MS : false),
  });
  const ended = query.data && !isRunning(query.data.state) ? query.data : undefined;
  useEffect(() => {
    if (!ended) return;
    void queryClient.invalidateQueries({ queryKey: importKeys.recent() });
    if (!ended.dryRun) void queryClient.invalidateQueries({ queryKey: caseKeys.all });
  }, [ended, queryClient]);
  return query;
}

/** The previous page stays on screen while the next search runs, so the table does not flicker. */
export function useImportRecords(jobId: string, q: string, page: number) {
  return useQuery({
    queryKey: importKeys.records(jobId, q, page),
    queryFn: () => htcdsExchangeApi.records(jobId, { q, page }),
    placeholderData: keepPreviousData,
  });
}

/** Both ways of starting a job answer its first report, which seeds the job's query so polling starts from it. */
function useStartJob<Variables>(start: (variables: Variables) => Promise<HtcdsImportReport>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: start,
    onSuccess: (report) => {
      queryClient.setQueryData(importKeys.job(report.jobId), report);
      return queryClient.invalidateQueries({ queryKey: importKeys.recent() });
    },
  });
}

export const useCheckFile = () => useStartJob(htcdsExchangeApi.checkFile);
export const useImportChecked = () => useStartJob(htcdsExchangeApi.importChecked);

export function useExportCases() {
  return useMutation({ mutationFn: (form: ExportForm) => htcdsExchangeApi.exportCases(form) });
}
