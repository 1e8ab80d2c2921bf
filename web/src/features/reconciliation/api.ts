import type { Reconciliation, ReconciliationRecords, StatisticSubmission, StatisticSubmissionRequest } from '@seamless/contracts';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { download } from '../caseRecord/api';
import { WorkbookRefusal, workbookProblemsOf } from './workbookProblems';

const SUBMISSIONS = '/api/statistics/submissions';
const submissionPath = (id: string, part = '') => `${SUBMISSIONS}/${encodeURIComponent(id)}${part}`;

type Query = Record<string, string | undefined>;

const withQuery = (path: string, query: Query) => {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return `${path}?${params}`;
};

/** A refused file answers with every problem it has (`problems`), all shown so all can be fixed at once. */
async function uploadWorkbook(query: Query, file: File): Promise<StatisticSubmission> {
  const form = new FormData();
  form.set('file', file);
  try {
    return await api.upload<StatisticSubmission>(withQuery(`${SUBMISSIONS}/workbook`, query), form);
  } catch (error) {
    if (error instanceof ApiProblem) throw new WorkbookRefusal(error, workbookProblemsOf(error.extensions));
    throw error;
  }
}

export const reconciliationApi = {
  submissions: () => api.get<{ items: StatisticSubmission[] }>(SUBMISSIONS),
  submit: (body: StatisticSubmissionRequest) => api.post<StatisticSubmission>(SUBMISSIONS, body),
  uploadWorkbook,
  reconciliation: (id: string) => api.get<Reconciliation>(submissionPath(id, '/reconciliation')),
  /** The records behind one line (`keys`: its breakdown value; none for the total), as far as the reader may open them. */
  records: (id: string, keys: string[]) => api.get<ReconciliationRecords>(submissionPath(id, '/records'), { query: { keys: keys[0] } }),
  /** A workbook headed for the chosen breakdowns, to fill in and upload. */
  downloadTemplate: (query: Query) => download(withQuery(`${SUBMISSIONS}/template`, query), 'reported-figures.xlsx'),
};
