import { randomUUID } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { type MeetingInput, type MeetingUpdate, timeZoneOfCountry } from '@seamless/contracts';
import { format } from 'date-fns';
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import { rowsOf, type Tx } from '../db/client.js';
import { agencies, caseMeetingAgencies, caseMeetings } from '../db/schema/index.js';
import { conflict, fieldError } from '../http/problem.js';
import { notify } from '../notifications/notify.js';
import type { Actor } from '../policies/actor.js';

/** The instant a local day and time name in a zone (the meeting's country, not the server's). */
export function meetingInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, day, hours, minutes, timeZone).getTime());
}

/** Local day and time of a meeting in its country's zone. */
export function localTimeOf(meeting: { startsAt: Date; timeZone: string }) {
  const local = new TZDate(meeting.startsAt, meeting.timeZone);
  return { date: format(local, 'yyyy-MM-dd'), time: format(local, 'HH:mm') };
}

/** Invited agencies must exist and be active; the convener is not its own guest. */
export async function checkInvitedAgencies(tx: Tx, actor: Actor, ids: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(ids)].filter((id) => id !== actor.agencyId);
  if (!wanted.length) return [];
  const found = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(inArray(agencies.id, wanted), eq(agencies.active, true)));
  const known = new Set(found.map((row) => row.id));
  const index = ids.findIndex((id) => id !== actor.agencyId && !known.has(id));
  if (index >= 0) throw fieldError(422, 'invalid_reference', `invitedAgencyIds.${index}`, 'No such active agency.');
  return wanted;
}

/** The chair is someone of the convening agency. */
export async function checkChair(tx: Tx, actor: Actor, chairUserId: string | null | undefined) {
  if (!chairUserId) return;
  const result = await tx.execute(sql`select user_in_agency(${chairUserId}::uuid, ${actor.agencyId}::uuid) as ok`);
  if (!rowsOf<{ ok: boolean }>(result)[0]?.ok)
    throw fieldError(422, 'invalid_reference', 'chairUserId', 'Not a person of the convening agency.');
}

export async function inviteAgencies(tx: Tx, meetingId: string, agencyIds: readonly string[]) {
  if (!agencyIds.length) return;
  await tx
    .insert(caseMeetingAgencies)
    .values(agencyIds.map((agencyId) => ({ meetingId, agencyId })))
    .onConflictDoNothing();
  for (const agencyId of agencyIds) await notify(tx, { kind: 'meeting_invited', agencyId, subjectId: meetingId });
}

type ConveneProps = {
  tx: Tx;
  actor: Actor;
  audit: AuditContext;
  input: MeetingInput;
  /** A follow-up meeting continues its predecessor's series. */
  previous?: { id: string; seriesId: string };
};

/** Convenes a case management meeting of the actor's agency and invites the other agencies. */
export async function conveneMeeting({ tx, actor, audit, input, previous }: ConveneProps) {
  const invited = await checkInvitedAgencies(tx, actor, input.invitedAgencyIds);
  await checkChair(tx, actor, input.chairUserId);
  const timeZone = timeZoneOfCountry(actor.countryCode);
  const id = randomUUID();
  const [row] = await tx
    .insert(caseMeetings)
    .values({
      id,
      conveningAgencyId: actor.agencyId,
      countryCode: actor.countryCode,
      seriesId: previous?.seriesId ?? id,
      previousMeetingId: previous?.id ?? null,
      title: input.title,
      startsAt: meetingInstant(input.date, input.time, timeZone),
      timeZone,
      mode: input.mode,
      place: input.place ?? null,
      onlineLink: input.onlineLink ?? null,
      chairUserId: input.chairUserId ?? null,
      partner: input.partner ?? null,
      createdBy: actor.userId,
    })
    .returning();
  await inviteAgencies(tx, id, invited);
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case_meeting',
    resourceId: id,
    details: { change: 'convened', invitedAgencyIds: invited, previousMeetingId: previous?.id ?? null },
  });
  return row!;
}

type UpdateProps = { tx: Tx; actor: Actor; audit: AuditContext; meeting: typeof caseMeetings.$inferSelect; input: MeetingUpdate };

/** Changes a meeting's details or invitations; the version guards against overwriting a colleague. */
export async function updateMeeting({ tx, actor, audit, meeting, input }: UpdateProps) {
  if (input.version !== meeting.version) throw conflict(undefined, { version: meeting.version });
  if (input.chairUserId !== undefined) await checkChair(tx, actor, input.chairUserId);
  const local = input.date || input.time ? localTimeOf(meeting) : null;
  const startsAt = local ? meetingInstant(input.date ?? local.date, input.time ?? local.time, meeting.timeZone) : undefined;
  const { version: _version, invitedAgencyIds, date: _date, time: _time, ...fields } = input;
  await tx
    .update(caseMeetings)
    .set({ ...fields, ...(startsAt ? { startsAt } : {}), version: meeting.version + 1, updatedAt: new Date() })
    .where(eq(caseMeetings.id, meeting.id));
  if (invitedAgencyIds) {
    const invited = await checkInvitedAgencies(tx, actor, invitedAgencyIds);
    const current = (await tx.select().from(caseMeetingAgencies).where(eq(caseMeetingAgencies.meetingId, meeting.id))).map(
      (row) => row.agencyId,
    );
    await tx
      .delete(caseMeetingAgencies)
      .where(
        and(eq(caseMeetingAgencies.meetingId, meeting.id), invited.length ? notInArray(caseMeetingAgencies.agencyId, invited) : undefined),
      );
    await inviteAgencies(
      tx,
      meeting.id,
      invited.filter((id) => !current.includes(id)),
    );
  }
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case_meeting',
    resourceId: meeting.id,
    details: { change: 'updated', fields: Object.keys(input).filter((key) => key !== 'version') },
  });
}
