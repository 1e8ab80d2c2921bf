import type { PersonMatchCandidate } from '@seamless/contracts';
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { mergePersons, unmergePersons } from '../../commands/mergePersons.js';
import { asActor } from '../../db/actorContext.js';
import type { Tx } from '../../db/client.js';
import { cases, personMerges, persons } from '../../db/schema/index.js';
import { loadCaseViews } from '../../db/visibleCases.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { offsetOf } from '../../http/listing.js';
import { forbidden, notFound } from '../../http/problem.js';
import { findPersonMatches } from '../../matching/findPersonMatches.js';
import { type Actor, dbActorOf, has } from '../../policies/actor.js';
import { canCase, canReadSection } from '../../policies/case.js';
import {
  type PersonMerge,
  personMatchRouteSchema,
  personMergeListRouteSchema,
  personMergeRouteSchema,
  personUnmergeRouteSchema,
} from './schema.js';

/**
 * Candidates whose names the actor may read: her role must open the identity section and, for
 * that person, her agency must have recorded the person itself or reach the identity section
 * of one of her cases. Seeing that a person exists (through a share without identity) is not
 * seeing who she is.
 */
async function personsWithIdentityOpen(tx: Tx, actor: Actor, personIds: string[]): Promise<Set<string>> {
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

async function loadMerges(tx: Tx, where: SQL | undefined, limit: number, offset: number): Promise<PersonMerge[]> {
  const rows = await tx
    .select({
      merge: personMerges,
      mergedByName: sql<string | null>`app_user_display_name(${personMerges.mergedBy})`,
      undoneByName: sql<string | null>`app_user_display_name(${personMerges.undoneBy})`,
    })
    .from(personMerges)
    .where(where)
    .orderBy(desc(personMerges.mergedAt), desc(personMerges.id))
    .limit(limit)
    .offset(offset);
  return rows.map(({ merge, mergedByName, undoneByName }) => ({
    id: merge.id,
    survivorId: merge.survivorId,
    mergedId: merge.mergedId,
    moved: {
      cases: merge.moved.caseIds.length,
      names: merge.moved.nameIds.length,
      documents: merge.moved.documentIds.length,
      contacts: merge.moved.contactIds.length,
    },
    mergedByName: mergedByName ?? '',
    mergedAt: merge.mergedAt.toISOString(),
    undoneAt: merge.undoneAt?.toISOString() ?? null,
    undoneByName: merge.undoneAt ? (undoneByName ?? '') : null,
  }));
}

async function loadMerge(tx: Tx, id: string): Promise<PersonMerge> {
  const [merge] = await loadMerges(tx, eq(personMerges.id, id), 1, 0);
  if (!merge) throw notFound();
  return merge;
}

/** "Is this person already known?" (DESIGN.md §8), and merging two records of one person. */
export function personRoutes(app: FastifyInstance, { database, keyRing }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/persons/matches', { schema: personMatchRouteSchema }, async (request) => {
    const actor = actorOf(request);
    // Hotline operators ask at intake, before there is a case to read.
    if (!canCase(actor, 'list') && !canCase(actor, 'create')) throw forbidden();
    return asActor(db, dbActorOf(actor), async (tx) => {
      const found = await findPersonMatches(tx, keyRing, request.body);
      const named = await personsWithIdentityOpen(
        tx,
        actor,
        found.map((candidate) => candidate.personId),
      );
      const candidates: PersonMatchCandidate[] = found.map((candidate) =>
        named.has(candidate.personId) ? candidate : { ...candidate, names: [candidate.pseudonym] },
      );
      // What was asked is personal; the trail keeps which fields were given and what was shown.
      await recordAudit(tx, auditContextOf(request), {
        action: 'person.match_search',
        resourceType: 'person',
        details: {
          fields: Object.keys(request.body).sort(),
          personIds: candidates.map((candidate) => candidate.personId),
          namesShown: candidates.filter((candidate) => named.has(candidate.personId)).map((candidate) => candidate.personId),
        },
      });
      return { candidates };
    });
  });

  api.post('/api/persons/:id/merge', { schema: personMergeRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    if (!canCase(actor, 'list')) throw forbidden();
    const merge = await asActor(db, dbActorOf(actor), async (tx) => {
      const row = await mergePersons({
        tx,
        actor,
        audit: auditContextOf(request),
        survivorId: request.params.id,
        mergedPersonId: request.body.mergedPersonId,
      });
      return loadMerge(tx, row.id);
    });
    return reply.status(201).send(merge);
  });

  api.get('/api/admin/person-merges', { schema: personMergeListRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!has(actor, 'admin:persons')) throw forbidden();
    const { page, pageSize } = request.query;
    return asActor(db, dbActorOf(actor), async (tx) => {
      const items = await loadMerges(tx, undefined, pageSize, offsetOf(page, pageSize));
      const [total] = await tx.select({ value: count() }).from(personMerges);
      return { items, total: total?.value ?? 0, page, pageSize };
    });
  });

  api.post('/api/admin/person-merges/:id/undo', { schema: personUnmergeRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!has(actor, 'admin:persons')) throw forbidden();
    const merge = await asActor(db, dbActorOf(actor), async (tx) => {
      await unmergePersons({ tx, audit: auditContextOf(request), mergeId: request.params.id });
      return loadMerge(tx, request.params.id);
    });
    return merge;
  });
}
