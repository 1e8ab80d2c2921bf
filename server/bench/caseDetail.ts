import { sql } from 'drizzle-orm';
import { asSystem } from '../src/db/actorContext.js';
import { type Bench, latencyEntries, timeEach } from './context.js';

/** SQL reading one case as the raw baseline: the case with its person and owner agency. */
export const readCaseRaw = (caseId: string) => sql`
  select c.*, p.*, a.name as owner_agency_name
  from cases c join persons p on p.id = c.person_id join agencies a on a.id = c.owner_agency_id
  where c.id = ${caseId}`;

/**
 * One case: GET /api/cases/{id} over HTTP (session, row-level security, sections the role may
 * read, identity decrypted, the audit event) against the raw SQL select of that case with its
 * person, as the schema owner.
 */
export const caseDetail: Bench = {
  name: 'case-detail',
  async run({ app, quick, client, caseIds, random }) {
    const ids = Array.from({ length: quick ? 100 : 300 }, () => caseIds[Math.floor(random() * caseIds.length)]!);
    const ours = await timeEach(ids, async (id) => {
      const response = await client.get(`/api/cases/${id}`);
      if (response.status !== 200) throw new Error(`GET /api/cases/{id} answered ${response.status}`);
    });
    const baseline = await timeEach(ids, (id) => asSystem(app.database.db, (tx) => tx.execute(readCaseRaw(id))));
    return latencyEntries('case-detail', ours, baseline);
  },
};
