import type {
  AgendaItem,
  MeetingActionStatus,
  MeetingAction as MeetingActionView,
  MeetingDetail,
  MeetingSummary,
} from '@seamless/contracts';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { localTimeOf } from '../../commands/conveneMeeting.js';
import type { KeyRing } from '../../crypto/keyRing.js';
import { inTurn, rowsOf, type Tx } from '../../db/client.js';
import {
  agencies,
  caseMeetingActions,
  caseMeetingAgencies,
  caseMeetingAttendees,
  caseMeetingDecisions,
  caseMeetingItemNotes,
  caseMeetingItems,
  caseMeetings,
} from '../../db/schema/index.js';
import { type CaseView, loadCaseView } from '../../db/visibleCases.js';
import { notFound } from '../../http/problem.js';
import type { Actor } from '../../policies/actor.js';
import { canCase } from '../../policies/case.js';
import { documentInvolvement } from '../../policies/caseDocument.js';
import { canMeeting, type MeetingStanding, readsItemText } from '../../policies/caseMeeting.js';
import { presentCaseSummary } from '../../presenters/case.js';

type MeetingRow = typeof caseMeetings.$inferSelect;

const itemCountSql = sql<number>`(select count(*)::int from ${caseMeetingItems} i where i.meeting_id = ${caseMeetings.id})`;

function presentSummary(row: MeetingRow, conveningAgencyName: string, itemCount: number): MeetingSummary {
  return {
    id: row.id,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    ...localTimeOf(row),
    timeZone: row.timeZone,
    mode: row.mode,
    place: row.place,
    status: row.status,
    conveningAgency: { id: row.conveningAgencyId, name: conveningAgencyName },
    seriesId: row.seriesId,
    previousMeetingId: row.previousMeetingId,
    itemCount,
  };
}

/** Meetings as row-level security shows them: convened by the actor's agency or inviting it. */
export async function listMeetings(tx: Tx, where: SQL | undefined, order: SQL): Promise<MeetingSummary[]> {
  const rows = await tx
    .select({ meeting: caseMeetings, agencyName: agencies.name, itemCount: itemCountSql })
    .from(caseMeetings)
    .innerJoin(agencies, eq(agencies.id, caseMeetings.conveningAgencyId))
    .where(where)
    .orderBy(order, asc(caseMeetings.id))
    .limit(200);
  return rows.map((row) => presentSummary(row.meeting, row.agencyName, row.itemCount));
}

/** The meeting row and the actor's standing in it; 404 when row-level security hides it. */
export async function loadMeetingRow(tx: Tx, meetingId: string): Promise<{ row: MeetingRow; standing: MeetingStanding }> {
  const [row] = await tx.select().from(caseMeetings).where(eq(caseMeetings.id, meetingId));
  if (!row) throw notFound();
  // The row is visible only to the convener and invited agencies.
  return { row, standing: { conveningAgencyId: row.conveningAgencyId, member: true } };
}

/** Minutes are a file that leaves the system, so they draw on no emergency access (policies/caseDocument.ts). */
export type MeetingReadingPurpose = 'screen' | 'minutes';

/** An agenda case as this reader may see it: null when her agency has no way into the case. */
async function readableCase(tx: Tx, actor: Actor, caseId: string, purpose: MeetingReadingPurpose): Promise<CaseView | null> {
  const loaded = await loadCaseView(tx, actor, caseId);
  const view = loaded && purpose === 'minutes' ? { ...loaded, involvement: documentInvolvement(loaded.involvement) } : loaded;
  return view && canCase(actor, 'read', view.involvement) ? view : null;
}

export type MeetingReading = {
  detail: MeetingDetail;
  /** Cases whose content (name or pseudonym, status, notes) the reader was shown: each read is audited. */
  casesRead: string[];
};

/**
 * The whole meeting as one reader may see it. Everyone invited sees that each agenda item exists;
 * its reference, owner agency, person, status and what was said about the case only where the
 * reader's agency reaches the case (row-level security hides notes, decisions and actions again).
 */
export async function loadMeeting(
  tx: Tx,
  actor: Actor,
  keyRing: KeyRing,
  meetingId: string,
  purpose: MeetingReadingPurpose = 'screen',
): Promise<MeetingReading> {
  const { row, standing } = await loadMeetingRow(tx, meetingId);
  const caseAgencies = alias(agencies, 'case_agencies');
  const ownerAgencies = alias(agencies, 'owner_agencies');
  const [convening, invited, attendees, items, notes, decisions, actions, owned, next] = await inTurn([
    () =>
      tx
        .select({ name: agencies.name, chairName: sql<string | null>`app_user_display_name(${row.chairUserId}::uuid)` })
        .from(agencies)
        .where(eq(agencies.id, row.conveningAgencyId)),
    () =>
      tx
        .select({ id: agencies.id, name: agencies.name })
        .from(caseMeetingAgencies)
        .innerJoin(agencies, eq(agencies.id, caseMeetingAgencies.agencyId))
        .where(eq(caseMeetingAgencies.meetingId, meetingId))
        .orderBy(asc(agencies.name)),
    () =>
      tx
        .select({
          attendee: caseMeetingAttendees,
          userName: sql<string | null>`app_user_display_name(${caseMeetingAttendees.userId})`,
          agencyName: agencies.name,
        })
        .from(caseMeetingAttendees)
        .leftJoin(agencies, eq(agencies.id, caseMeetingAttendees.agencyId))
        .where(eq(caseMeetingAttendees.meetingId, meetingId))
        .orderBy(asc(caseMeetingAttendees.createdAt), asc(caseMeetingAttendees.id)),
    () =>
      tx
        .select({ item: caseMeetingItems, agencyName: caseAgencies.name })
        .from(caseMeetingItems)
        .innerJoin(caseAgencies, eq(caseAgencies.id, caseMeetingItems.caseAgencyId))
        .where(eq(caseMeetingItems.meetingId, meetingId))
        .orderBy(asc(caseMeetingItems.position), asc(caseMeetingItems.id)),
    () => tx.select().from(caseMeetingItemNotes).where(eq(caseMeetingItemNotes.meetingId, meetingId)),
    () =>
      tx
        .select({ decision: caseMeetingDecisions, name: sql<string | null>`app_user_display_name(${caseMeetingDecisions.recordedBy})` })
        .from(caseMeetingDecisions)
        .where(eq(caseMeetingDecisions.meetingId, meetingId))
        .orderBy(asc(caseMeetingDecisions.recordedAt), asc(caseMeetingDecisions.id)),
    () =>
      tx
        .select({
          action: caseMeetingActions,
          ownerAgencyName: ownerAgencies.name,
          ownerUserName: sql<string | null>`app_user_display_name(${caseMeetingActions.ownerUserId})`,
        })
        .from(caseMeetingActions)
        .innerJoin(ownerAgencies, eq(ownerAgencies.id, caseMeetingActions.ownerAgencyId))
        .where(eq(caseMeetingActions.meetingId, meetingId))
        .orderBy(asc(caseMeetingActions.dueOn), asc(caseMeetingActions.id)),
    () => ownedActions(tx, meetingId),
    () => tx.select({ id: caseMeetings.id }).from(caseMeetings).where(eq(caseMeetings.previousMeetingId, meetingId)).limit(1),
  ]);

  const casesRead: string[] = [];
  const agenda: AgendaItem[] = [];
  for (const { item, agencyName } of items) {
    const view = await readableCase(tx, actor, item.caseId, purpose);
    if (view) casesRead.push(item.caseId);
    const note = notes.find((candidate) => candidate.itemId === item.id);
    // Within a case it reaches, the reader sees an item's text only if it holds the item's section.
    const readsText = !!view && readsItemText(actor, item.section, view.involvement);
    const canWrite = readsText && canMeeting(actor, 'writeItem', standing, view?.involvement ?? null);
    const canUpdate = readsText && canMeeting(actor, 'updateAction', standing, view?.involvement ?? null);
    const readable: MeetingActionView[] = readsText
      ? actions
          .filter(({ action }) => action.itemId === item.id)
          .map(({ action, ownerAgencyName, ownerUserName }) => ({
            id: action.id,
            text: action.text,
            ownerAgency: { id: action.ownerAgencyId, name: ownerAgencyName },
            ownerUserId: action.ownerUserId,
            ownerUserName,
            dueOn: action.dueOn,
            status: action.status,
            taskId: action.taskId,
            carriedFromActionId: action.carriedFromActionId,
            canUpdate: canUpdate && action.status !== 'carried',
          }))
      : [];
    // Work handed to the reader's agency on an item it cannot read: that it is its own, due and where it stands.
    const ownOnly: MeetingActionView[] = readsText
      ? []
      : owned
          .filter((action) => action.itemId === item.id)
          .map((action) => ({
            id: action.id,
            text: null,
            ownerAgency: { id: actor.agencyId, name: actor.agencyName },
            ownerUserId: action.ownerUserId,
            ownerUserName: action.ownerUserName,
            dueOn: action.dueOn,
            status: action.status,
            taskId: null,
            carriedFromActionId: action.carriedFromActionId,
            canUpdate: false,
          }));
    const itemActions = [...readable, ...ownOnly];
    agenda.push({
      id: item.id,
      position: item.position,
      access: view ? 'case' : 'none',
      caseId: view ? item.caseId : null,
      caseReference: view ? item.caseReference : null,
      caseAgency: view ? { id: item.caseAgencyId, name: agencyName } : null,
      section: item.section,
      textRestricted: !!view && !readsText,
      displayName: view ? presentCaseSummary(view, actor, keyRing).displayName : null,
      caseStatus: view ? view.kase.status : null,
      purpose: readsText ? (note?.purpose ?? null) : null,
      notes: readsText ? (note?.notes ?? null) : null,
      resolved: item.resolved,
      carriedFromItemId: item.carriedFromItemId,
      decisions: readsText
        ? decisions
            .filter(({ decision }) => decision.itemId === item.id)
            .map(({ decision, name }) => ({
              id: decision.id,
              text: decision.text,
              recordedByName: name ?? '',
              recordedAt: decision.recordedAt.toISOString(),
            }))
        : [],
      actions: itemActions,
      canWrite,
    });
  }

  return {
    casesRead,
    detail: {
      ...presentSummary(row, convening[0]?.name ?? '', items.length),
      onlineLink: row.onlineLink,
      chair: row.chairUserId ? { id: row.chairUserId, name: convening[0]?.chairName ?? '' } : null,
      partner: row.partner,
      invitedAgencies: invited,
      attendees: attendees.map(({ attendee, userName, agencyName }) => ({
        id: attendee.id,
        userId: attendee.userId,
        name: userName ?? attendee.externalName ?? '',
        agency: attendee.agencyId ? { id: attendee.agencyId, name: agencyName ?? '' } : null,
        organisation: attendee.organisation,
        role: attendee.role,
        attendance: attendee.attendance,
      })),
      agenda,
      nextMeetingId: next[0]?.id ?? null,
      version: row.version,
      abilities: { manage: canMeeting(actor, 'manage', standing), addItems: canMeeting(actor, 'addItem', standing) },
    },
  };
}

type OwnedAction = {
  id: string;
  itemId: string;
  ownerUserId: string | null;
  ownerUserName: string | null;
  dueOn: string;
  status: MeetingActionStatus;
  carriedFromActionId: string | null;
};

/** The reader's agency's own actions on the meeting, without their text (which follows the item's rule). */
async function ownedActions(tx: Tx, meetingId: string): Promise<OwnedAction[]> {
  const result = await tx.execute(sql`
    select id, item_id as "itemId", owner_user_id as "ownerUserId", owner_user_name as "ownerUserName",
      to_char(due_on, 'YYYY-MM-DD') as "dueOn", status, carried_from_action_id as "carriedFromActionId"
    from meeting_actions_owned(${meetingId}::uuid) order by due_on, id`);
  return rowsOf<OwnedAction>(result);
}

/** Item ids of a meeting, to check that a path's item belongs to its meeting. */
export async function itemOf(tx: Tx, meetingId: string, itemId: string) {
  const [item] = await tx
    .select()
    .from(caseMeetingItems)
    .where(and(eq(caseMeetingItems.meetingId, meetingId), eq(caseMeetingItems.id, itemId)));
  if (!item) throw notFound();
  return item;
}
