import type { ApiClient } from '../test/harness.js';
import { type Bench, type BenchEntry, budgetEntry, entry } from './context.js';
import { RAW_CASE_PATH } from './rawCaseRoutes.js';

const CLIENTS = [8, 64];

/** The target: at least half the bare route's throughput at each concurrency. */
const SHARE_BUDGET = 0.5;

/** Requests per second of `clients` callers reading the cases in turn, each as soon as its last answer came. */
async function throughput(client: ApiClient, path: string, ids: readonly string[], clients: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let at = next++; at < ids.length; at = next++) {
        const response = await client.get(`${path}/${ids[at]}`);
        if (response.status !== 200) throw new Error(`GET ${path}/{id} answered ${response.status}`);
      }
    }),
  );
  return ids.length / ((performance.now() - started) / 1000);
}

/**
 * Read throughput: GET /api/cases/{id} from 8 and from 64 clients at once, in requests per
 * second, against the bare route on the same server (the same reads, audit and decryption by
 * hand, no session or row-level security) from as many clients. A rate: higher is better.
 */
export const httpCaseRead: Bench = {
  name: 'http-case-read',
  async run({ quick, client, caseIds, random }) {
    const ids = Array.from({ length: quick ? 200 : 800 }, () => caseIds[Math.floor(random() * caseIds.length)]!);
    for (const id of ids.slice(0, 10)) {
      await client.get(`/api/cases/${id}`);
      await client.get(`${RAW_CASE_PATH}/${id}`);
    }
    const entries: BenchEntry[] = [];
    for (const clients of CLIENTS) {
      // Ours, bare, bare, ours over the two halves: both see the same load on a shared machine.
      const half = ids.length / 2;
      const [first, second] = [ids.slice(0, half), ids.slice(half)];
      const seconds = { ours: 0, baseline: 0 };
      seconds.ours += first.length / (await throughput(client, '/api/cases', first, clients));
      seconds.baseline += first.length / (await throughput(client, RAW_CASE_PATH, first, clients));
      seconds.baseline += second.length / (await throughput(client, RAW_CASE_PATH, second, clients));
      seconds.ours += second.length / (await throughput(client, '/api/cases', second, clients));
      const [ours, baseline] = [ids.length / seconds.ours, ids.length / seconds.baseline];
      entries.push(
        entry('http-case-read', `requests per second, ${clients} clients`, ours, baseline, 'req/s', ids.length),
        budgetEntry('http-case-read-budget', ours / baseline, SHARE_BUDGET, 'share', ids.length, `${clients} clients, ours ÷ bare route`),
      );
    }
    return entries;
  },
};
