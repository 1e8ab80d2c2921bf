import type { RelinkageDecision } from '@seamless/contracts';
import { and, eq } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { agencyHoldsIdentity } from '../db/identityAccess.js';
import { personMergeRequests, relinkageCandidates } from '../db/schema/index.js';
import { conflict, notFound } from '../http/problem.js';
import type { Actor } from '../policies/actor.js';
import { personsWithIdentityOpen } from '../policies/personIdentity.js';
import { mergePersons } from './mergePersons.js';

export type DecideRelinkagePairProps = {
  tx: Tx;
  actor: Actor;
  audit: AuditContext;
  candidateId: string;
  decision: RelinkageDecision['decision'];
};

/**
 * An owner decides a pair the re-linkage job queued. "Not the same person" is remembered, so no
 * later run proposes the pair again. "The same person" hands the pair to the merge flow that
 * exists for caseworkers: where her agency holds identity on both records, mergePersons merges
 * them (or asks the other owners when it may not merge alone); where it holds identity on only
 * one (the other opened to it by a share), the other owners are asked to decide a possible
 * duplicate. Only a caller to whom both records are open decides (a pair with a record she may
 * not identify is not hers to see), and row-level security limits the update to the pair's owners.
 */
export async function decideRelinkagePair({ tx, actor, audit, candidateId, decision }: DecideRelinkagePairProps) {
  const [candidate] = await tx.select().from(relinkageCandidates).where(eq(relinkageCandidates.id, candidateId));
  if (!candidate) throw notFound();
  // A pair is decided only by whom it is listed to: both records open to her (the queue's openPairs).
  const open = await personsWithIdentityOpen(tx, actor, [candidate.personLow, candidate.personHigh]);
  if (!open.has(candidate.personLow) || !open.has(candidate.personHigh)) throw notFound();
  if (candidate.status !== 'pending') throw conflict('This pair was already decided.', { status: candidate.status });
  let handedOver: { mergeId: string | null; mergeRequestId: string | null } = { mergeId: null, mergeRequestId: null };
  if (decision === 'same_person') handedOver = await handOverToMerge(tx, actor, audit, candidate.personLow, candidate.personHigh);
  const [decided] = await tx
    .update(relinkageCandidates)
    .set({ status: decision, decidedBy: actor.userId, decidedByAgencyId: actor.agencyId, decidedAt: new Date(), ...handedOver })
    .where(and(eq(relinkageCandidates.id, candidateId), eq(relinkageCandidates.status, 'pending')))
    .returning();
  if (!decided) throw conflict('This pair was already decided.');
  await recordAudit(tx, audit, {
    action: 'relinkage.decide',
    resourceType: 'relinkage_candidate',
    resourceId: candidateId,
    details: { decision, personIds: [candidate.personLow, candidate.personHigh], ...handedOver },
  });
  return decided;
}

async function handOverToMerge(tx: Tx, actor: Actor, audit: AuditContext, low: string, high: string) {
  const holdsLow = await agencyHoldsIdentity(tx, actor.agencyId, low);
  const holdsHigh = await agencyHoldsIdentity(tx, actor.agencyId, high);
  if (holdsLow && holdsHigh) {
    const outcome = await mergePersons({ tx, actor, audit, survivorId: low, mergedPersonId: high });
    return 'merged' in outcome
      ? { mergeId: outcome.merged.id, mergeRequestId: null }
      : { mergeId: null, mergeRequestId: outcome.requested.id };
  }
  const [own, other] = holdsLow ? [low, high] : [high, low];
  const [request] = await tx
    .insert(personMergeRequests)
    .values({ kind: 'possible_duplicate', survivorId: other, mergedId: own, requestedBy: actor.userId, requestingAgencyId: actor.agencyId })
    .returning({ id: personMergeRequests.id });
  await recordAudit(tx, audit, {
    action: 'person.merge_request',
    resourceType: 'person',
    resourceId: other,
    details: { requestId: request!.id, mergedPersonId: own, kind: 'possible_duplicate' },
  });
  return { mergeId: null, mergeRequestId: request!.id };
}
