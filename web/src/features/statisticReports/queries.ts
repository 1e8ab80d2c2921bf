import type { StatisticReport } from '@seamless/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReportApprovalBody, type ReportReleaseBody, statisticReportsApi } from './api';

const REPORTS_KEY = ['statistics', 'reports'] as const;

export const useStatisticReports = () => useQuery({ queryKey: REPORTS_KEY, queryFn: statisticReportsApi.list });

export const useStatisticReport = (id: string) =>
  useQuery({ queryKey: [...REPORTS_KEY, id], queryFn: () => statisticReportsApi.detail(id) });

/** Every step changes the list's status column; the answer is the report as it now stands. */
function useReportMutation<Variables>(mutationFn: (variables: Variables) => Promise<StatisticReport>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (report) => queryClient.setQueryData([...REPORTS_KEY, report.id], report),
    // After a refusal too: a colleague's step in between is why a version no longer matches.
    onSettled: () => queryClient.invalidateQueries({ queryKey: REPORTS_KEY }),
  });
}

export const useGenerateReport = () => useReportMutation(statisticReportsApi.generate);
export const useApproveReport = () =>
  useReportMutation(({ id, body }: { id: string; body: ReportApprovalBody }) => statisticReportsApi.approve(id, body));
export const useReleaseReport = () =>
  useReportMutation(({ id, body }: { id: string; body: ReportReleaseBody }) => statisticReportsApi.release(id, body));
