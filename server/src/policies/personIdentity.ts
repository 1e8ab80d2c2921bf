import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { cases, persons } from '../db/schema/index.js';
import { loadCaseViews } from '../db/visibleCases.js';
import { type Actor, has } from './actor.js';
import { canReadSection } from './case.js';

const CASES_PER_READ = 1000;

/**
 * Persons whose names the actor may read: her role must open the identity section and, for
 * that person, her agency must have recorded the person itself or reach the identity section
 * of one of her cases. Seeing that a person exists (through a share without identity) is not
 * seeing who she is. The possible-matches panel and the re-linkage queue name persons by it.
 */
export async function personsWithIdentityOpen(tx: Tx, actor: Actor, personIds: string[]): Promise<Set<string>> {
  if (!personIds.length || actor.pseudonymMode || !has(actor, 'section:identity')) return new Set();
  const recorded = await tx
    .select({ id: persons.id })
    .from(persons)
    .where(and(inArray(persons.id, personIds), eq(persons.createdByAgencyId, actor.agencyId)));
  const open = new Set(recorded.map((person) => person.id));
  // Page through the persons' cases: a re-linkage queue may ask about thousands of persons at once.
  for (let offset = 0; ; offset += CASES_PER_READ) {
    const views = await loadCaseViews(tx, actor, inArray(cases.personId, personIds), [asc(cases.id)], CASES_PER_READ, offset);
    for (const view of views) if (canReadSection(actor, 'identity', view.involvement)) open.add(view.kase.personId);
    if (views.length < CASES_PER_READ) return open;
  }
}
