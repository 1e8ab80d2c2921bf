import { useQuery } from '@tanstack/react-query';
import { regionalStatisticsApi } from './api';
import type { RegionalChoice } from './regionalView';

export const useRegionalReport = (choice: RegionalChoice) =>
  useQuery({ queryKey: ['statistics', 'regional', choice], queryFn: () => regionalStatisticsApi.report(choice) });

/** Where a released report stands with each partner; asked again while a delivery is still on its way. */
export const useReleaseSharing = (reportId: string, released: boolean) =>
  useQuery({
    queryKey: ['statistics', 'reports', reportId, 'sharing'],
    queryFn: () => regionalStatisticsApi.sharing(reportId),
    enabled: released,
    refetchInterval: (query) => (query.state.data?.items.some((item) => item.status === 'pending') ? 5_000 : false),
  });
