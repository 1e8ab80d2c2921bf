import { type Bench, budgetEntry, latencyEntries, percentile, timeEachPaired } from './context.js';
import { RAW_CASE_PATH } from './rawCaseRoutes.js';

const PAGE_SIZE = 50;
const NATIONALITIES = ['MM', 'KH', 'LA', 'TH', 'VN', 'CN'];

/** The target: a filtered caseload page costs at most 1.5 times the bare route's (its share at least 2/3). */
const SHARE_BUDGET = 0.667;

/**
 * The caseload with filters: GET /api/cases?status=Active&nationality=…&page=… over HTTP
 * (session, row-level security, filters, the page and its total, the audit event, presentation)
 * against the bare route on the same server selecting the same page and count by hand, with the
 * same audit event and names decrypted (rawCaseRoutes.ts), one request at a time.
 */
export const caseList: Bench = {
  name: 'case-list',
  async run({ quick, client, caseIds, random }) {
    const pages = Math.max(1, Math.floor(caseIds.length / PAGE_SIZE / NATIONALITIES.length));
    const requests = Array.from(
      { length: quick ? 60 : 200 },
      () =>
        `?status=Active&nationality=${NATIONALITIES[Math.floor(random() * NATIONALITIES.length)]}` +
        `&page=${1 + Math.floor(random() * Math.min(pages, 20))}&pageSize=${PAGE_SIZE}`,
    );
    const list = (path: string) => async (query: string) => {
      const response = await client.get(`${path}${query}`);
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    };
    const { ours, baseline } = await timeEachPaired(requests, list('/api/cases'), list(RAW_CASE_PATH));
    return [
      ...latencyEntries('case-list', ours, baseline),
      budgetEntry(
        'case-list-budget',
        percentile(baseline, 95) / percentile(ours, 95),
        SHARE_BUDGET,
        'share',
        requests.length,
        'p95, bare route ÷ ours',
      ),
    ];
  },
};
