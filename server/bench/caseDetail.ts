import { type Bench, budgetEntry, latencyEntries, percentile, timeEachPaired } from './context.js';
import { RAW_CASE_PATH } from './rawCaseRoutes.js';

/** The target: an audited case read costs at most twice the bare route's (its share at least a half). */
const SHARE_BUDGET = 0.5;

/**
 * One case: GET /api/cases/{id} over HTTP (session, row-level security, sections the role may
 * read, identity decrypted, the audit event) against the bare route on the same server doing
 * the same reads, audit and decryption by hand (rawCaseRoutes.ts), one request at a time.
 */
export const caseDetail: Bench = {
  name: 'case-detail',
  async run({ quick, client, caseIds, random }) {
    const ids = Array.from({ length: quick ? 100 : 300 }, () => caseIds[Math.floor(random() * caseIds.length)]!);
    const read = (path: string) => async (id: string) => {
      const response = await client.get(`${path}/${id}`);
      if (response.status !== 200) throw new Error(`GET ${path}/{id} answered ${response.status}`);
    };
    const { ours, baseline } = await timeEachPaired(ids, read('/api/cases'), read(RAW_CASE_PATH));
    return [
      ...latencyEntries('case-detail', ours, baseline),
      budgetEntry(
        'case-detail-budget',
        percentile(baseline, 95) / percentile(ours, 95),
        SHARE_BUDGET,
        'share',
        ids.length,
        'p95, bare route ÷ ours',
      ),
    ];
  },
};
