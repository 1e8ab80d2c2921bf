import { sql } from 'drizzle-orm';
import { asActor, asSystem } from '../src/db/actorContext.js';
import { rowsOf } from '../src/db/client.js';
import { users } from '../src/db/schema/index.js';
import { ageBandsOf } from '../src/statistics/definitions.js';
import { type Bench, type BenchContext, ceilingEntry, latencyEntries, percentile, timeEachPaired } from './context.js';
import { countCasesOpenedRaw, FIGURE_QUERY, RAW_FIGURE_PATH } from './rawFigureRoute.js';

/** Issue 15's target: a dashboard indicator costs at most 1.5 times one raw GROUP BY. */
const RATIO_CEILING = 1.5;

/**
 * A dashboard figure: GET /api/statistics/figures for cases opened over twelve years by year × sex,
 * as the data officer (session, row-level security on the rows kept per case, cells, margins and
 * total in one pass, suppression, cell-key adjustment, the audit event) against the bare route on
 * the same server counting the same cells, margins and total with one raw GROUP BY over cases ⋈
 * persons as the schema owner, with the same audit event (rawFigureRoute.ts), alternately. Before
 * the ratio counts, the raw numbers must be the true counts behind our figure.
 */
export const statisticsFigure: Bench = {
  name: 'statistics-figure',
  async run({ app, quick }) {
    await expectSameNumbers(app);
    const client = await app.login('th.data');
    const rounds = Array.from({ length: quick ? 20 : 60 }, (_, index) => index);
    const ask = (path: string) => async () => {
      const response = await client.get(path);
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    };
    const { ours, baseline } = await timeEachPaired(rounds, ask(`/api/statistics/figures?${FIGURE_QUERY}`), ask(RAW_FIGURE_PATH));
    return [
      ...latencyEntries('statistics-figure', ours, baseline),
      ceilingEntry(
        'statistics-figure-budget',
        percentile(ours, 95) / percentile(baseline, 95),
        RATIO_CEILING,
        '×',
        rounds.length,
        'p95, ours ÷ bare route',
      ),
    ];
  },
};

/** Our true counts (before suppression and adjustment) equal the raw GROUP BY's, cell by cell. */
async function expectSameNumbers(app: BenchContext['app']) {
  const raw = await asSystem(app.database.db, countCasesOpenedRaw);
  const [officer] = await asSystem(app.database.db, (tx) => tx.select().from(users).where(sql`${users.username} = 'th.data'`));
  if (!officer) throw new Error('The demo data officer th.data is missing');
  const ours = await asActor(app.database.db, { userId: officer.id, agencyId: officer.agencyId, scopes: ['stats'] }, async (tx) =>
    rowsOf<{ keys: (string | null)[]; value: string | number }>(
      await tx.execute(sql`select keys, value from case_opening_counts('2015-01-01', '2026-12-31', '["year","sex"]',
        ${JSON.stringify(ageBandsOf('TH'))}::jsonb, 'Asia/Bangkok')`),
    ),
  );
  const asText = (rows: { keys: (string | null)[]; count: number }[]) =>
    rows.map((row) => `${row.keys.join('|')}=${row.count}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const expected = asText(raw.map((row) => ({ keys: [row.year, row.sex], count: row.count })));
  const counted = asText(ours.map((row) => ({ keys: row.keys, count: Number(row.value) })));
  if (JSON.stringify(expected) !== JSON.stringify(counted))
    throw new Error(`The raw GROUP BY and the figure count differently: ${expected.length} against ${counted.length} rows`);
}
