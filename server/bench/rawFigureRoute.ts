import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { asSystem } from '../src/db/actorContext.js';
import { type Db, rowsOf, type Tx } from '../src/db/client.js';
import type { RawReader } from './rawCaseRoutes.js';

/** The figure the statistics-figure bench asks for: cases opened in Thailand, 2015–2026, by year × sex. */
export const FIGURE_QUERY = 'statistic=cases_opened&from=2015-01-01&to=2026-12-31&by=year,sex';
export const RAW_FIGURE_PATH = '/bench/raw/statistics/cases-opened';

export type RawFigureRow = { year: string | null; sex: string | null; count: number };

/**
 * Cases opened by year × sex as a careful engineer would count them by hand: one GROUP BY over
 * cases ⋈ persons as the schema owner, the cells, both margins and the total in one pass
 * (grouping sets), the sex grouped as the figure groups it and the years in Thailand's zone.
 */
export async function countCasesOpenedRaw(tx: Tx): Promise<RawFigureRow[]> {
  return rowsOf<{ year: string | null; sex: string | null; count: string | number }>(
    await tx.execute(sql`
        select to_char((c.opened_at at time zone 'Asia/Bangkok')::date, 'YYYY') as year,
          case p.gender when 'Feminine' then 'female' when 'TransgenderFeminine' then 'female'
            when 'Masculine' then 'male' when 'TransgenderMasculine' then 'male'
            when 'NonConforming' then 'other' else 'unknown' end as sex,
          count(*) as count
        from cases c join persons p on p.id = c.person_id
        where c.country_code = 'TH' and c.opened_at >= '2015-01-01'::timestamp at time zone 'Asia/Bangkok'
          and c.opened_at < '2027-01-01'::timestamp at time zone 'Asia/Bangkok'
        group by grouping sets ((year, sex), (year), (sex), ())`),
  ).map((row) => ({ year: row.year, sex: row.sex, count: Number(row.count) }));
}

/**
 * The bare route beside GET /api/statistics/figures: no session, no row-level security, no
 * suppression or adjustment; the raw count above and the same audit_append call the figure makes.
 */
export function registerRawFigureRoute(app: FastifyInstance, db: Db, readerOf: () => RawReader) {
  app.get(RAW_FIGURE_PATH, async (request) => {
    const reader = readerOf();
    return asSystem(db, async (tx) => {
      const rows = await countCasesOpenedRaw(tx);
      await tx.execute(sql`select audit_append('statistics.read', ${reader.userId}::uuid, ${reader.username}, ${reader.agencyId}::uuid,
        'statistic', 'cases_opened', 'success', ${request.id},
        ${JSON.stringify({ from: '2015-01-01', to: '2026-12-31', by: ['year', 'sex'], agencyId: null, child: null, sex: null })}::jsonb)`);
      return rows;
    });
  });
}
