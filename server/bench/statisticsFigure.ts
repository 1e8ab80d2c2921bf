import { sql } from 'drizzle-orm';
import { asSystem } from '../src/db/actorContext.js';
import { type Bench, latencyEntries, timeEach } from './context.js';

/**
 * A dashboard figure: GET /api/statistics/figures for cases opened over twelve years by year × sex,
 * as the data officer (session, the counting function for cells, margins and total, suppression,
 * cell-key adjustment, the audit event) against one raw GROUP BY of the same cells as the schema
 * owner. Issue 15's target is 1.5×; the figure needs four counts (cells, two margins, the total)
 * because persons are counted once per margin, so the ratio also says what pre-aggregation must win.
 */
export const statisticsFigure: Bench = {
  name: 'statistics-figure',
  async run({ app, quick }) {
    const client = await app.login('th.data');
    const rounds = Array.from({ length: quick ? 20 : 60 }, (_, index) => index);
    const ours = await timeEach(rounds, async () => {
      const response = await client.get('/api/statistics/figures?statistic=cases_opened&from=2015-01-01&to=2026-12-31&by=year,sex');
      if (response.status !== 200) throw new Error(`GET /api/statistics/figures answered ${response.status}`);
    });
    const baseline = await timeEach(rounds, () =>
      asSystem(app.database.db, (tx) =>
        tx.execute(sql`
          select to_char((c.opened_at at time zone 'Asia/Bangkok')::date, 'YYYY') as year, p.gender, count(*)
          from cases c join persons p on p.id = c.person_id
          where c.country_code = 'TH' and (c.opened_at at time zone 'Asia/Bangkok')::date between '2015-01-01' and '2026-12-31'
          group by 1, 2`),
      ),
    );
    return latencyEntries('statistics-figure', ours, baseline);
  },
};
