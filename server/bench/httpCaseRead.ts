import { asSystem } from '../src/db/actorContext.js';
import { readCaseRaw } from './caseDetail.js';
import { type Bench, entry } from './context.js';

const CONCURRENCY = 8;

/**
 * Read throughput: GET /api/cases/{id} from eight clients at once for a fixed number of requests,
 * in requests per second, against the raw SQL reads of the same cases per second. A rate: higher
 * is better, so the ratio is below 1 by what the HTTP layer, security and audit cost.
 */
export const httpCaseRead: Bench = {
  name: 'http-case-read',
  async run({ app, quick, client, caseIds, random }) {
    const ids = Array.from({ length: quick ? 200 : 800 }, () => caseIds[Math.floor(random() * caseIds.length)]!);
    for (const id of ids.slice(0, 10)) await client.get(`/api/cases/${id}`);
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let at = next++; at < ids.length; at = next++) {
          const response = await client.get(`/api/cases/${ids[at]}`);
          if (response.status !== 200) throw new Error(`GET /api/cases/{id} answered ${response.status}`);
        }
      }),
    );
    const ours = ids.length / ((performance.now() - started) / 1000);
    const rawStarted = performance.now();
    for (const id of ids) await asSystem(app.database.db, (tx) => tx.execute(readCaseRaw(id)));
    const baseline = ids.length / ((performance.now() - rawStarted) / 1000);
    return [entry('http-case-read', `requests per second, ${CONCURRENCY} clients`, ours, baseline, 'req/s', ids.length)];
  },
};
