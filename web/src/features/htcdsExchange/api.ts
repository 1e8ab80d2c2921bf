import type { HtcdsImportRecord, HtcdsImportReport, HtcdsKeptValues, Page } from '@seamless/contracts';
import { api, apiFetch, apiRequest } from '../../api/client';
import { fileNameFromDisposition } from '../caseRecord/api';
import { type ExportForm, exportPath } from './exportForm';

const IMPORTS = '/api/imports';

/** The server then answers at once with the queued job, which the page polls, instead of holding the request. */
const RESPOND_ASYNC = { Prefer: 'respond-async' };

const jobPath = (jobId: string, ...parts: string[]) => [IMPORTS, ...[jobId, ...parts].map(encodeURIComponent)].join('/');

/** Hands a fetched file to the browser's downloads under the given name. */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const htcdsExchangeApi = {
  /** Starts a dry run of the file: everything an import would do, without saving anything. */
  checkFile: (file: File) => {
    const form = new FormData();
    form.set('file', file);
    return api.upload<HtcdsImportReport>(`${IMPORTS}/htcds`, form, { query: { dryRun: true }, headers: RESPOND_ASYNC });
  },
  /** Imports the file a clean dry run checked, answering the new job. */
  importChecked: (dryRunJobId: string) => apiRequest<HtcdsImportReport>('POST', jobPath(dryRunJobId, 'import'), { headers: RESPOND_ASYNC }),
  job: (jobId: string) => api.get<HtcdsImportReport>(jobPath(jobId)),
  recent: () => api.get<{ items: HtcdsImportReport[] }>(IMPORTS),
  /** The records an import of one's own wrote, narrowed to a name in any script or a case reference. */
  records: (jobId: string, query: { q?: string; page: number }) =>
    api.get<Page<HtcdsImportRecord>>(jobPath(jobId, 'records'), { query: { ...query, q: query.q || undefined } }),
  /** What an import kept of the case as its file wrote it (identity readers only). */
  keptValues: (caseId: string) => api.get<HtcdsKeptValues>(`/api/cases/${encodeURIComponent(caseId)}/htcds-values`),
  /**
   * Fetched rather than linked so that a refusal shows as a message instead of being saved as
   * the file, and so that the server's file name is kept.
   */
  exportCases: async (form: ExportForm) => {
    const response = await apiFetch('GET', exportPath(form), { headers: { accept: '*/*' } });
    saveFile(await response.blob(), fileNameFromDisposition(response.headers.get('content-disposition'), `htcds.${form.format}`));
  },
};
