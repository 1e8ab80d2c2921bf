import { sql } from 'drizzle-orm';
import { asSystem } from '../src/db/actorContext.js';
import { type Bench, latencyEntries, timeEach } from './context.js';

const PAGE_SIZE = 50;

/**
 * The caseload: GET /api/cases over HTTP (session, row-level security, filters, the page and its
 * total, the audit event, presentation) against the raw SQL select of the same page — cases with
 * their person and owner agency, newest first, and the count — as the schema owner.
 */
export const caseList: Bench = {
  name: 'case-list',
  async run({ app, quick, client, actor, caseIds, random }) {
    const pages = Math.max(1, Math.floor(caseIds.length / PAGE_SIZE));
    const requests = Array.from({ length: quick ? 60 : 200 }, () => 1 + Math.floor(random() * Math.min(pages, 20)));
    const ours = await timeEach(requests, async (page) => {
      const response = await client.get(`/api/cases?page=${page}&pageSize=${PAGE_SIZE}`);
      if (response.status !== 200) throw new Error(`GET /api/cases answered ${response.status}`);
    });
    const baseline = await timeEach(requests, (page) =>
      asSystem(app.database.db, async (tx) => {
        await tx.execute(sql`
          select c.*, p.pseudonym, p.gender, p.citizenship, p.given_name_enc, p.family_name_enc, a.name as owner_agency_name
          from cases c join persons p on p.id = c.person_id join agencies a on a.id = c.owner_agency_id
          where c.owner_agency_id = ${actor.agencyId}
          order by c.updated_at desc, c.id limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}`);
        await tx.execute(sql`select count(*) from cases c where c.owner_agency_id = ${actor.agencyId}`);
      }),
    );
    return latencyEntries('case-list', ours, baseline);
  },
};
