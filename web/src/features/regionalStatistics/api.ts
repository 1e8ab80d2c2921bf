import type { Locale, RegionalReport, ReleaseSharing } from '@seamless/contracts';
import { api } from '../../api/client';
import { download } from '../caseRecord/api';
import { type RegionalChoice, regionalQuery } from './regionalView';

export const regionalStatisticsApi = {
  report: (choice: RegionalChoice) => api.get<RegionalReport>(`/api/statistics/regional?${regionalQuery(choice)}`),
  /** The combined tables as a workbook, in the language asked for. */
  download: (choice: RegionalChoice, locale: Locale) =>
    download(`/api/statistics/regional.xlsx?${regionalQuery(choice)}&locale=${locale}`, 'regional.xlsx'),
  sharing: (reportId: string) => api.get<ReleaseSharing>(`/api/statistics/reports/${encodeURIComponent(reportId)}/sharing`),
};
