import type { MeetingFollowUpInput } from '@seamless/contracts';
import { eq, sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import { rowsOf, type Tx } from '../db/client.js';
import { caseMeetingAgencies, caseMeetings } from '../db/schema/index.js';
import { AppError } from '../http/problem.js';
import type { Actor } from '../policies/actor.js';
import { conveneMeeting } from './conveneMeeting.js';

type MeetingRow = typeof caseMeetings.$inferSelect;

/**
 * The next meeting of a series: same agencies, place and chair; unresolved agenda items and
 * open action items are carried over, each linked to where it came from. One follow-up per
 * meeting, so the chain of a series stays a line.
 */
export async function holdFollowUpMeeting(props: {
  tx: Tx;
  actor: Actor;
  audit: AuditContext;
  previous: MeetingRow;
  input: MeetingFollowUpInput;
}) {
  const { tx, actor, audit, previous, input } = props;
  const [existing] = await tx.select({ id: caseMeetings.id }).from(caseMeetings).where(eq(caseMeetings.previousMeetingId, previous.id));
  if (existing)
    throw new AppError(409, 'conflict', 'This meeting already has a follow-up meeting.', undefined, undefined, {
      nextMeetingId: existing.id,
    });
  const invited = await tx
    .select({ agencyId: caseMeetingAgencies.agencyId })
    .from(caseMeetingAgencies)
    .where(eq(caseMeetingAgencies.meetingId, previous.id));
  const meeting = await conveneMeeting({
    tx,
    actor,
    audit,
    input: {
      title: input.title ?? previous.title,
      date: input.date,
      time: input.time,
      mode: previous.mode,
      place: previous.place,
      onlineLink: previous.onlineLink,
      chairUserId: previous.chairUserId,
      partner: previous.partner,
      invitedAgencyIds: invited.map((row) => row.agencyId),
    },
    previous: { id: previous.id, seriesId: previous.seriesId },
  });
  const carried = rowsOf<{ carried: number }>(
    await tx.execute(sql`select carry_over_meeting(${previous.id}::uuid, ${meeting.id}::uuid) as carried`),
  );
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case_meeting',
    resourceId: meeting.id,
    details: { change: 'carried_over', fromMeetingId: previous.id, items: Number(carried[0]?.carried ?? 0) },
  });
  return meeting;
}
