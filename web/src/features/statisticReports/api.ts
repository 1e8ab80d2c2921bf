import type {
  Locale,
  ReportRequest,
  reportApprovalSchema,
  reportReleaseSchema,
  StatisticReport,
  StatisticReportSummary,
} from '@seamless/contracts';
import { api } from '../../api/client';
import type { RequestBody } from '../../api/types';
import { download } from '../caseRecord/api';

export type ReportApprovalBody = RequestBody<typeof reportApprovalSchema>;
export type ReportReleaseBody = RequestBody<typeof reportReleaseSchema>;
export type ReportFormat = 'pdf' | 'xlsx';

const REPORTS = '/api/statistics/reports';
const reportPath = (id: string, part = '') => `${REPORTS}/${encodeURIComponent(id)}${part}`;

export const statisticReportsApi = {
  list: () => api.get<{ items: StatisticReportSummary[] }>(REPORTS),
  detail: (id: string) => api.get<StatisticReport>(reportPath(id)),
  generate: (body: ReportRequest) => api.post<StatisticReport>(REPORTS, body),
  approve: (id: string, body: ReportApprovalBody) => api.post<StatisticReport>(reportPath(id, '/approve'), body),
  release: (id: string, body: ReportReleaseBody) => api.post<StatisticReport>(reportPath(id, '/release'), body),
  /** The frozen figures as a PDF to print and sign, or a workbook; in the language asked for. */
  download: (id: string, format: ReportFormat, locale: Locale) =>
    download(`${reportPath(id, '/file')}?format=${format}&locale=${locale}`, `report.${format}`),
};
