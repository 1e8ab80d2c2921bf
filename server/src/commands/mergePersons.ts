import type { PersonMergeRequestDecision } from '@seamless/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import { rowsOf, type Tx } from '../db/client.js';
import { agencyHoldsIdentity, agencyMergesIdentity } from '../db/identityAccess.js';
import { cases, personMergeRequests, personMerges, persons } from '../db/schema/index.js';
import { AppError, conflict, fieldError, forbidden, notFound } from '../http/problem.js';
import { type Actor, has } from '../policies/actor.js';
import { recordCaseEvent } from './recordCaseEvent.js';

export type PersonMergeRow = typeof personMerges.$inferSelect;
export type PersonMergeRequestRow = typeof personMergeRequests.$inferSelect;

export type MergePersonsProps = { tx: Tx; actor: Actor; audit: AuditContext; survivorId: string; mergedPersonId: string };

const movedCounts = (moved: PersonMergeRow['moved']) => ({
  cases: moved.caseIds.length,
  names: moved.nameIds.length,
  documents: moved.documentIds.length,
  contacts: moved.contactIds.length,
});

export type MergeOutcome = { merged: PersonMergeRow } | { requested: PersonMergeRequestRow };

/**
 * Two records of the same person become one (DESIGN.md §2.7: a person who comes back is
 * recognised as the same person). A merge moves identity between records, so the caseworker's
 * agency must hold identity on every case of both persons (own them, or have them shared with
 * consent) — or the persons administrator merges. Otherwise the merge becomes a request that the
 * agencies owning the other cases decide. The database keeps the list of what moved so an admin
 * can undo it exactly.
 */
export async function mergePersons({ tx, actor, audit, survivorId, mergedPersonId }: MergePersonsProps): Promise<MergeOutcome> {
  if (!has(actor, 'case:update') || !has(actor, 'section:identity')) throw forbidden();
  const visible = await tx
    .select({ id: persons.id, mergedIntoId: persons.mergedIntoId })
    .from(persons)
    .where(inArray(persons.id, [survivorId, mergedPersonId]));
  const survivor = visible.find((person) => person.id === survivorId);
  if (!survivor || !(await agencyHoldsIdentity(tx, actor.agencyId, survivorId))) throw notFound();
  if (survivor.mergedIntoId) throw conflict('This record was already merged into another.');
  if (mergedPersonId === survivorId) {
    throw fieldError(422, 'validation_failed', 'mergedPersonId', 'Choose another record of the same person.');
  }
  const merged = visible.find((person) => person.id === mergedPersonId);
  if (!merged) throw fieldError(422, 'invalid_reference', 'mergedPersonId', 'No such person, or not visible to you.');
  if (merged.mergedIntoId) throw conflict('The other record was already merged into another.');

  const alone =
    has(actor, 'admin:persons') ||
    ((await agencyMergesIdentity(tx, actor.agencyId, survivorId)) && (await agencyMergesIdentity(tx, actor.agencyId, mergedPersonId)));
  if (!alone) return { requested: await requestMerge(tx, actor, audit, survivorId, mergedPersonId) };

  const [result] = rowsOf<{ id: string }>(await tx.execute(sql`select merge_persons(${survivorId}::uuid, ${mergedPersonId}::uuid) as id`));
  return { merged: await auditedMerge(tx, audit, result!.id) };
}

async function auditedMerge(tx: Tx, audit: AuditContext, mergeId: string, requestId?: string) {
  const [merge] = await tx.select().from(personMerges).where(eq(personMerges.id, mergeId));
  await recordAudit(tx, audit, {
    action: 'person.merge',
    resourceType: 'person',
    resourceId: merge!.survivorId,
    details: { mergeId, requestId, mergedPersonId: merge!.mergedId, caseIds: merge!.moved.caseIds, moved: movedCounts(merge!.moved) },
  });
  return merge!;
}

/** One pending request per pair: asking again returns the one already waiting. */
async function requestMerge(tx: Tx, actor: Actor, audit: AuditContext, survivorId: string, mergedPersonId: string) {
  const [pending] = await tx
    .select()
    .from(personMergeRequests)
    .where(
      and(
        eq(personMergeRequests.survivorId, survivorId),
        eq(personMergeRequests.mergedId, mergedPersonId),
        eq(personMergeRequests.status, 'pending'),
      ),
    );
  if (pending) return pending;
  const [request] = await tx
    .insert(personMergeRequests)
    .values({ kind: 'merge', survivorId, mergedId: mergedPersonId, requestedBy: actor.userId, requestingAgencyId: actor.agencyId })
    .returning();
  const ownCases = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(inArray(cases.personId, [survivorId, mergedPersonId]), eq(cases.ownerAgencyId, actor.agencyId)));
  for (const kase of ownCases) await recordCaseEvent(tx, actor, kase.id, 'person.merge_requested', { requestId: request!.id });
  await recordAudit(tx, audit, {
    action: 'person.merge_request',
    resourceType: 'person',
    resourceId: survivorId,
    details: { requestId: request!.id, mergedPersonId },
  });
  return request!;
}

export type DecideMergeRequestProps = {
  tx: Tx;
  actor: Actor;
  audit: AuditContext;
  requestId: string;
  decision: PersonMergeRequestDecision['decision'];
};

/**
 * An owning agency decides a request. Merging needs the asking agency to hold identity on every
 * case of both persons by then — the owners share it with the person's consent first — because
 * after the merge it reads her whole identity through its own case.
 */
export async function decideMergeRequest({
  tx,
  actor,
  audit,
  requestId,
  decision,
}: DecideMergeRequestProps): Promise<PersonMergeRequestRow> {
  if (!has(actor, 'case:update')) throw forbidden();
  const [request] = await tx.select().from(personMergeRequests).where(eq(personMergeRequests.id, requestId));
  if (!request) throw notFound();
  if (request.status !== 'pending') throw conflict('This request was already decided.', { status: request.status });
  if (request.requestingAgencyId === actor.agencyId && !has(actor, 'admin:persons')) throw forbidden();
  if (decision === 'decline') {
    const [declined] = await tx
      .update(personMergeRequests)
      .set({ status: 'declined', decidedBy: actor.userId, decidedByAgencyId: actor.agencyId, decidedAt: new Date() })
      .where(and(eq(personMergeRequests.id, requestId), eq(personMergeRequests.status, 'pending')))
      .returning();
    if (!declined) throw forbidden();
    await recordAudit(tx, audit, {
      action: 'person.merge_request_declined',
      resourceType: 'person',
      resourceId: request.survivorId,
      details: { requestId },
    });
    return declined;
  }
  const ready =
    (await agencyMergesIdentity(tx, request.requestingAgencyId, request.survivorId)) &&
    (await agencyMergesIdentity(tx, request.requestingAgencyId, request.mergedId));
  if (!ready) {
    throw new AppError(
      409,
      'share_required',
      'Share the identity section of your case with the asking agency, with the person’s consent, before merging.',
    );
  }
  const [result] = rowsOf<{ id: string }>(await tx.execute(sql`select merge_persons_on_request(${requestId}::uuid) as id`));
  await auditedMerge(tx, audit, result!.id, requestId);
  const [decided] = await tx.select().from(personMergeRequests).where(eq(personMergeRequests.id, requestId));
  return decided!;
}

export type UnmergePersonsProps = { tx: Tx; audit: AuditContext; mergeId: string };

/** An admin's undo of a merge: everything that moved goes back to the record it came from. */
export async function unmergePersons({ tx, audit, mergeId }: UnmergePersonsProps) {
  const [merge] = await tx.select().from(personMerges).where(eq(personMerges.id, mergeId));
  if (!merge) throw notFound();
  if (merge.undoneAt) throw conflict('This merge was already undone.', { undoneAt: merge.undoneAt.toISOString() });
  await tx.execute(sql`select unmerge_persons(${mergeId}::uuid)`);
  const [undone] = await tx.select().from(personMerges).where(eq(personMerges.id, mergeId));
  await recordAudit(tx, audit, {
    action: 'person.unmerge',
    resourceType: 'person',
    resourceId: merge.mergedId,
    details: { mergeId, survivorId: merge.survivorId, caseIds: merge.moved.caseIds, moved: movedCounts(merge.moved) },
  });
  return undone!;
}
