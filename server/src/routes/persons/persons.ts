import type { PersonMatchCandidate, PersonMergeRequest } from '@seamless/contracts';
import { count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { recordRefusedRead } from '../../audit/refusedReads.js';
import { decideMergeRequest, mergePersons, unmergePersons } from '../../commands/mergePersons.js';
import { asActor } from '../../db/actorContext.js';
import { rowsOf, type Tx } from '../../db/client.js';
import { agencies, personMergeRequests, personMerges } from '../../db/schema/index.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { offsetOf } from '../../http/listing.js';
import { forbidden, notFound } from '../../http/problem.js';
import { findPersonMatches } from '../../matching/findPersonMatches.js';
import { type Actor, dbActorOf, has } from '../../policies/actor.js';
import { canCase } from '../../policies/case.js';
import { personsWithIdentityOpen } from '../../policies/personIdentity.js';
import {
  type PersonMerge,
  personMatchRouteSchema,
  personMergeListRouteSchema,
  personMergeRequestDecisionRouteSchema,
  personMergeRequestListRouteSchema,
  personMergeRouteSchema,
  personUnmergeRouteSchema,
} from './schema.js';

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

const requestingAgencies = alias(agencies, 'requesting_agencies');
const decidingAgencies = alias(agencies, 'deciding_agencies');

/** Requests as the caller's agency may see them: by pseudonym, with whether it is asked to decide. */
async function loadMergeRequests(
  tx: Tx,
  actor: Actor,
  where: SQL | undefined,
  limit: number,
  offset: number,
): Promise<PersonMergeRequest[]> {
  const rows = await tx
    .select({
      request: personMergeRequests,
      survivorPseudonym: sql<string>`app_person_pseudonym(${personMergeRequests.survivorId})`,
      mergedPseudonym: sql<string>`app_person_pseudonym(${personMergeRequests.mergedId})`,
      requestingAgencyName: requestingAgencies.name,
      decidedByAgencyName: decidingAgencies.name,
      ownsCase: sql<boolean>`app_owns_case_of(${personMergeRequests.survivorId}) or app_owns_case_of(${personMergeRequests.mergedId})`,
    })
    .from(personMergeRequests)
    .innerJoin(requestingAgencies, eq(requestingAgencies.id, personMergeRequests.requestingAgencyId))
    .leftJoin(decidingAgencies, eq(decidingAgencies.id, personMergeRequests.decidedByAgencyId))
    .where(where)
    .orderBy(desc(personMergeRequests.createdAt), desc(personMergeRequests.id))
    .limit(limit)
    .offset(offset);
  return rows.map(({ request, survivorPseudonym, mergedPseudonym, requestingAgencyName, decidedByAgencyName, ownsCase }) => ({
    id: request.id,
    kind: request.kind,
    status: request.status,
    survivor: { personId: request.survivorId, pseudonym: survivorPseudonym },
    merged: { personId: request.mergedId, pseudonym: mergedPseudonym },
    requestingAgencyName,
    requestedAt: request.createdAt.toISOString(),
    decidedAt: request.decidedAt?.toISOString() ?? null,
    decidedByAgencyName,
    mayDecide:
      request.status === 'pending' &&
      has(actor, 'case:update') &&
      request.requestingAgencyId !== actor.agencyId &&
      (Boolean(ownsCase) || has(actor, 'admin:persons')),
  }));
}

async function loadMergeRequest(tx: Tx, actor: Actor, id: string): Promise<PersonMergeRequest> {
  const [request] = await loadMergeRequests(tx, actor, eq(personMergeRequests.id, id), 1, 0);
  if (!request) throw notFound();
  return request;
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
    // Hotline operators ask at intake, before there is a case to read. Names, documents and phones
    // are searched only by roles that may read identity, over the cases where they hold it.
    if ((!canCase(actor, 'list') && !canCase(actor, 'create')) || !has(actor, 'section:identity')) {
      await asActor(db, dbActorOf(actor), (tx) =>
        recordRefusedRead(tx, auditContextOf(request), { read: 'identity_search', reason: 'identity_section_missing' }),
      );
      throw forbidden();
    }
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
      const [scope] = rowsOf<{ limited: boolean }>(await tx.execute(sql`select app_identity_search_limited() as limited`));
      return { candidates, searchedOnlyVisible: scope?.limited ?? true };
    });
  });

  api.post('/api/persons/:id/merge', { schema: personMergeRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    if (!canCase(actor, 'list')) throw forbidden();
    const outcome = await asActor(db, dbActorOf(actor), async (tx) => {
      const result = await mergePersons({
        tx,
        actor,
        audit: auditContextOf(request),
        survivorId: request.params.id,
        mergedPersonId: request.body.mergedPersonId,
      });
      return 'merged' in result
        ? { status: 201 as const, body: await loadMerge(tx, result.merged.id) }
        : { status: 202 as const, body: await loadMergeRequest(tx, actor, result.requested.id) };
    });
    return reply.status(outcome.status).send(outcome.body);
  });

  api.get('/api/persons/merge-requests', { schema: personMergeRequestListRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!has(actor, 'case:update')) throw forbidden();
    const { page, pageSize, status } = request.query;
    return asActor(db, dbActorOf(actor), async (tx) => {
      const where = status ? eq(personMergeRequests.status, status) : undefined;
      const items = await loadMergeRequests(tx, actor, where, pageSize, offsetOf(page, pageSize));
      const [total] = await tx.select({ value: count() }).from(personMergeRequests).where(where);
      return { items, total: total?.value ?? 0, page, pageSize };
    });
  });

  api.post('/api/persons/merge-requests/:id/decision', { schema: personMergeRequestDecisionRouteSchema }, async (request) => {
    const actor = actorOf(request);
    return asActor(db, dbActorOf(actor), async (tx) => {
      const decided = await decideMergeRequest({
        tx,
        actor,
        audit: auditContextOf(request),
        requestId: request.params.id,
        decision: request.body.decision,
      });
      return loadMergeRequest(tx, actor, decided.id);
    });
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
