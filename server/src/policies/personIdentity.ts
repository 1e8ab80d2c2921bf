import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { cases, persons } from '../db/schema/index.js';
import { loadCaseViews } from '../db/visibleCases.js';
import { type Actor, has } from './actor.js';
import { canReadSection } from './case.js';

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
  const views = await loadCaseViews(tx, actor, inArray(cases.personId, personIds), [asc(cases.id)], 1000, 0);
  return new Set([
    ...recorded.map((person) => person.id),
    ...views.filter((view) => canReadSection(actor, 'identity', view.involvement)).map((view) => view.kase.personId),
  ]);
}
