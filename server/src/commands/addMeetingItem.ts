import type { AgendaItemInput, AgendaItemUpdate } from '@seamless/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { caseMeetingDecisions, caseMeetingItemNotes, caseMeetingItems } from '../db/schema/index.js';
import type { CaseView } from '../db/visibleCases.js';
import { AppError } from '../http/problem.js';
import type { Actor } from '../policies/actor.js';

type ItemRow = typeof caseMeetingItems.$inferSelect;

/** Puts one of the cases the actor's agency works on onto a meeting's agenda, with its purpose. */
export async function addMeetingItem(props: {
  tx: Tx;
  actor: Actor;
  audit: AuditContext;
  meetingId: string;
  view: CaseView;
  input: AgendaItemInput;
}) {
  const { tx, actor, audit, meetingId, view, input } = props;
  const [taken] = await tx
    .select({ id: caseMeetingItems.id })
    .from(caseMeetingItems)
    .where(and(eq(caseMeetingItems.meetingId, meetingId), eq(caseMeetingItems.caseId, view.kase.id)));
  if (taken)
    throw new AppError(409, 'conflict', 'This case is already on the agenda.', [
      { path: 'caseId', code: 'conflict', message: 'Already on the agenda.' },
    ]);
  const [last] = await tx
    .select({ position: sql<number>`coalesce(max(${caseMeetingItems.position}), 0)::int` })
    .from(caseMeetingItems)
    .where(eq(caseMeetingItems.meetingId, meetingId));
  const [item] = await tx
    .insert(caseMeetingItems)
    .values({
      meetingId,
      caseId: view.kase.id,
      caseReference: view.kase.reference,
      caseAgencyId: view.kase.ownerAgencyId,
      section: input.section,
      position: (last?.position ?? 0) + 1,
      addedByAgencyId: actor.agencyId,
    })
    .returning();
  await tx.insert(caseMeetingItemNotes).values({
    itemId: item!.id,
    meetingId,
    caseId: view.kase.id,
    purpose: input.purpose,
    recordedByAgencyId: actor.agencyId,
    updatedBy: actor.userId,
  });
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: view.kase.id,
    details: { part: 'meeting_agenda', meetingId, itemId: item!.id, change: 'added' },
  });
  return item!;
}

/** Purpose, notes and resolution of an agenda item; the item's case content stays under its access. */
export async function updateMeetingItem(props: { tx: Tx; actor: Actor; audit: AuditContext; item: ItemRow; input: AgendaItemUpdate }) {
  const { tx, actor, audit, item, input } = props;
  if (input.purpose !== undefined || input.notes !== undefined) {
    const changes = {
      ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      updatedBy: actor.userId,
      updatedAt: new Date(),
    };
    await tx
      .insert(caseMeetingItemNotes)
      .values({
        itemId: item.id,
        meetingId: item.meetingId,
        caseId: item.caseId,
        purpose: input.purpose ?? '',
        notes: input.notes ?? null,
        recordedByAgencyId: actor.agencyId,
        updatedBy: actor.userId,
      })
      .onConflictDoUpdate({ target: caseMeetingItemNotes.itemId, set: changes });
  }
  if (input.resolved !== undefined)
    await tx.update(caseMeetingItems).set({ resolved: input.resolved }).where(eq(caseMeetingItems.id, item.id));
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: item.caseId,
    details: { part: 'meeting_agenda', meetingId: item.meetingId, itemId: item.id, fields: Object.keys(input) },
  });
}

/** A decision taken on an agenda item: case content, recorded by an agency working on the case. */
export async function recordMeetingDecision(props: { tx: Tx; actor: Actor; audit: AuditContext; item: ItemRow; text: string }) {
  const { tx, actor, audit, item, text } = props;
  const [decision] = await tx
    .insert(caseMeetingDecisions)
    .values({
      itemId: item.id,
      meetingId: item.meetingId,
      caseId: item.caseId,
      text,
      recordedBy: actor.userId,
      recordedByAgencyId: actor.agencyId,
    })
    .returning({ id: caseMeetingDecisions.id });
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: item.caseId,
    details: { part: 'meeting_decision', meetingId: item.meetingId, itemId: item.id, decisionId: decision!.id },
  });
}
