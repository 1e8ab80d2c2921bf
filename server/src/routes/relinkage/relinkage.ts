import type { RelinkageCandidate, RelinkageRecord } from '@seamless/contracts';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { recordRefusedRead } from '../../audit/refusedReads.js';
import { decideRelinkagePair } from '../../commands/decideRelinkagePair.js';
import type { KeyRing } from '../../crypto/keyRing.js';
import { asActor } from '../../db/actorContext.js';
import { placeOf } from '../../db/cipherPlace.js';
import { type Db, rowsOf, type Tx } from '../../db/client.js';
import { cases, personNames, relinkageCandidates, relinkageRuns } from '../../db/schema/index.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { offsetOf } from '../../http/listing.js';
import { forbidden, notFound } from '../../http/problem.js';
import { RELINK_JOB } from '../../jobs/relinkage.js';
import { byNameKind } from '../../matching/findPersonMatches.js';
import { type Actor, dbActorOf, has } from '../../policies/actor.js';
import { personsWithIdentityOpen } from '../../policies/personIdentity.js';
import {
  relinkageDecisionRouteSchema,
  relinkageListRouteSchema,
  relinkageRunListRouteSchema,
  relinkageRunRequestRouteSchema,
} from './schema.js';

type CandidateRow = typeof relinkageCandidates.$inferSelect;

/**
 * The pairs as the caller may see them, by the possible-matches panel's rules: a person is named
 * only when her names are readable to the caller (row-level security on person_names, as the
 * panel's search applies it) and personsWithIdentityOpen opens them (as the panel shows them).
 * Only pairs open on both sides are listed (openPairs), so a name hidden here would be a change of
 * access between the two reads: it is then shown by pseudonym and the reasons, which compare both
 * identities, are withheld.
 */
async function presentCandidates(tx: Tx, actor: Actor, keyRing: KeyRing, rows: CandidateRow[]): Promise<RelinkageCandidate[]> {
  const personIds = [...new Set(rows.flatMap((row) => [row.personLow, row.personHigh]))];
  if (!personIds.length) return [];
  const open = await personsWithIdentityOpen(tx, actor, personIds);
  const openIds = personIds.filter((id) => open.has(id));
  const nameRows = openIds.length
    ? await tx
        .select({ id: personNames.id, personId: personNames.personId, kind: personNames.kind, nameEnc: personNames.nameEnc })
        .from(personNames)
        .where(inArray(personNames.personId, openIds))
    : [];
  const namesOf = (personId: string) => [
    ...new Set(
      nameRows
        .filter((row) => row.personId === personId)
        .sort(byNameKind)
        .map((row) => keyRing.decrypt(row.nameEnc, placeOf(personNames.nameEnc, row.id)) ?? ''),
    ),
  ];
  const caseRows = await tx
    .select({ id: cases.id, reference: cases.reference, status: cases.status, personId: cases.personId })
    .from(cases)
    .where(inArray(cases.personId, personIds));
  const pseudonyms = new Map(
    rowsOf<{ id: string; pseudonym: string | null }>(
      await tx.execute(sql`select id, app_person_pseudonym(id) as pseudonym from unnest(${`{${personIds.join(',')}}`}::uuid[]) as id`),
    ).map((row) => [row.id, row.pseudonym ?? '']),
  );
  const recordOf = (personId: string): RelinkageRecord => {
    const names = namesOf(personId);
    return {
      personId,
      pseudonym: pseudonyms.get(personId) ?? '',
      names,
      identityShown: names.length > 0,
      cases: caseRows.filter((row) => row.personId === personId).map(({ id, reference, status }) => ({ id, reference, status })),
    };
  };
  return rows.map((row) => {
    const records: [RelinkageRecord, RelinkageRecord] = [recordOf(row.personLow), recordOf(row.personHigh)];
    const bothOpen = records.every((record) => record.identityShown);
    return {
      id: row.id,
      likelihood: row.likelihood,
      reasons: bothOpen ? row.reasons : [],
      reasonsWithheld: !bothOpen,
      records,
      status: row.status,
      foundAt: row.foundAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      mergeId: row.mergeId,
      mergeRequestId: row.mergeRequestId,
      mayDecide: row.status === 'pending',
    };
  });
}

/** Owners reading and deciding the queue must be able to read identity: the pairs are about who she is. */
async function requireQueueAccess(db: Db, request: FastifyRequest): Promise<Actor> {
  const actor = actorOf(request);
  if (!has(actor, 'case:update') || !has(actor, 'section:identity') || actor.pseudonymMode) {
    await asActor(db, dbActorOf(actor), (tx) =>
      recordRefusedRead(tx, auditContextOf(request), { read: 'relinkage_queue', reason: 'identity_section_missing' }),
    );
    throw forbidden();
  }
  return actor;
}

/**
 * The pairs of one status whose two records both have their identity open to the caller, best
 * first. Row-level security lists a pair to the owners of either record, but a pair with a record
 * the caller may not identify would tell her that someone she cannot see matches hers — and a
 * throwaway record with a passport number would ask the register who holds it. Those pairs wait
 * for a share of identity with consent, as the possible-matches panel's candidates do.
 */
async function openPairs(tx: Tx, actor: Actor, status: CandidateRow['status']): Promise<CandidateRow[]> {
  const rows = await tx
    .select()
    .from(relinkageCandidates)
    .where(eq(relinkageCandidates.status, status))
    .orderBy(desc(relinkageCandidates.likelihood), relinkageCandidates.id);
  const open = await personsWithIdentityOpen(tx, actor, [...new Set(rows.flatMap((row) => [row.personLow, row.personHigh]))]);
  return rows.filter((row) => open.has(row.personLow) && open.has(row.personHigh));
}

/** The re-linkage review queue (issue 16): the owners of each pair decide; admins of persons start a run. */
export function relinkageRoutes(app: FastifyInstance, { database, keyRing, jobs }: RouteDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/persons/relinkage-candidates', { schema: relinkageListRouteSchema }, async (request) => {
    const actor = await requireQueueAccess(db, request);
    const { status, page, pageSize } = request.query;
    return asActor(db, dbActorOf(actor), async (tx) => {
      const pairs = await openPairs(tx, actor, status);
      const offset = offsetOf(page, pageSize);
      const items = await presentCandidates(tx, actor, keyRing, pairs.slice(offset, offset + pageSize));
      await recordAudit(tx, auditContextOf(request), {
        action: 'relinkage.queue_read',
        resourceType: 'relinkage_candidate',
        details: {
          status,
          candidateIds: items.map((item) => item.id),
          namesShown: [
            ...new Set(items.flatMap((item) => item.records.filter((record) => record.identityShown).map((record) => record.personId))),
          ],
        },
      });
      return { items, total: pairs.length, page, pageSize };
    });
  });

  api.post('/api/persons/relinkage-candidates/:id/decision', { schema: relinkageDecisionRouteSchema }, async (request) => {
    const actor = await requireQueueAccess(db, request);
    return asActor(db, dbActorOf(actor), async (tx) => {
      const decided = await decideRelinkagePair({
        tx,
        actor,
        audit: auditContextOf(request),
        candidateId: request.params.id,
        decision: request.body.decision,
      });
      const [item] = await presentCandidates(tx, actor, keyRing, [decided]);
      if (!item) throw notFound();
      return item;
    });
  });

  api.get('/api/admin/relinkage/runs', { schema: relinkageRunListRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!has(actor, 'admin:persons')) throw forbidden();
    return asActor(db, dbActorOf(actor), async (tx) => {
      const runs = await tx.select().from(relinkageRuns).orderBy(desc(relinkageRuns.startedAt)).limit(20);
      return {
        items: runs.map((run) => ({
          id: run.id,
          keysVersion: run.keysVersion,
          startedAt: run.startedAt.toISOString(),
          finishedAt: run.finishedAt?.toISOString() ?? null,
          persons: run.persons,
          pairsScored: run.pairsScored,
          pairsQueued: run.pairsQueued,
        })),
      };
    });
  });

  api.post('/api/admin/relinkage/runs', { schema: relinkageRunRequestRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    if (!has(actor, 'admin:persons')) throw forbidden();
    const jobId = await jobs.send(RELINK_JOB, { requestedBy: actor.userId }, { singletonKey: RELINK_JOB });
    await asActor(db, dbActorOf(actor), (tx) =>
      recordAudit(tx, auditContextOf(request), { action: 'relinkage.run_requested', resourceType: 'relinkage_run', details: { jobId } }),
    );
    return reply.status(202).send({ jobId });
  });
}
