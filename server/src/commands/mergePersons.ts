import { and, eq, inArray, sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import { rowsOf, type Tx } from '../db/client.js';
import { cases, personMerges, persons } from '../db/schema/index.js';
import { conflict, fieldError, forbidden, notFound } from '../http/problem.js';
import type { Actor } from '../policies/actor.js';
import { canCase } from '../policies/case.js';

export type PersonMergeRow = typeof personMerges.$inferSelect;

export type MergePersonsProps = { tx: Tx; actor: Actor; audit: AuditContext; survivorId: string; mergedPersonId: string };

const movedCounts = (moved: PersonMergeRow['moved']) => ({
  cases: moved.caseIds.length,
  names: moved.nameIds.length,
  documents: moved.documentIds.length,
  contacts: moved.contactIds.length,
});

/**
 * Two records of the same person become one (DESIGN.md §2.7: a person who comes back is
 * recognised as the same person). A caseworker merges from a case her agency owns; the other
 * record only needs to be visible to her. The database moves cases, names, documents and
 * contacts and keeps the list so an admin can undo it exactly.
 */
export async function mergePersons({ tx, actor, audit, survivorId, mergedPersonId }: MergePersonsProps) {
  const visible = await tx
    .select({ id: persons.id, mergedIntoId: persons.mergedIntoId })
    .from(persons)
    .where(inArray(persons.id, [survivorId, mergedPersonId]));
  const survivor = visible.find((person) => person.id === survivorId);
  if (!survivor) throw notFound();
  if (survivor.mergedIntoId) throw conflict('This record was already merged into another.');
  const [owned] = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.personId, survivorId), eq(cases.ownerAgencyId, actor.agencyId)))
    .limit(1);
  if (!canCase(actor, 'merge', owned ? { kind: 'owner', sections: [], breakGlassUntil: null } : null)) throw forbidden();
  if (mergedPersonId === survivorId) {
    throw fieldError(422, 'validation_failed', 'mergedPersonId', 'Choose another record of the same person.');
  }
  const merged = visible.find((person) => person.id === mergedPersonId);
  if (!merged) throw fieldError(422, 'invalid_reference', 'mergedPersonId', 'No such person, or not visible to you.');
  if (merged.mergedIntoId) throw conflict('The other record was already merged into another.');

  const [result] = rowsOf<{ id: string }>(await tx.execute(sql`select merge_persons(${survivorId}::uuid, ${mergedPersonId}::uuid) as id`));
  const [merge] = await tx.select().from(personMerges).where(eq(personMerges.id, result!.id));
  await recordAudit(tx, audit, {
    action: 'person.merge',
    resourceType: 'person',
    resourceId: survivorId,
    details: { mergeId: merge!.id, mergedPersonId, caseIds: merge!.moved.caseIds, moved: movedCounts(merge!.moved) },
  });
  return merge!;
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
