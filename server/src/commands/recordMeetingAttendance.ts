import type { MeetingAttendeeInput } from '@seamless/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import { rowsOf, type Tx } from '../db/client.js';
import { caseMeetingAgencies, caseMeetingAttendees } from '../db/schema/index.js';
import { fieldError } from '../http/problem.js';

/**
 * Someone attending: a person of the convening or an invited agency (by account), or someone
 * without an account named as written. Accounts of other agencies are not readable, so their
 * membership is asked of the database, which answers only yes or no.
 */
export async function addMeetingAttendee(props: {
  tx: Tx;
  audit: AuditContext;
  meeting: { id: string; conveningAgencyId: string };
  input: MeetingAttendeeInput;
}) {
  const { tx, audit, meeting, input } = props;
  const agencyId = input.agencyId ?? null;
  if (agencyId && agencyId !== meeting.conveningAgencyId) {
    const [invited] = await tx
      .select()
      .from(caseMeetingAgencies)
      .where(and(eq(caseMeetingAgencies.meetingId, meeting.id), eq(caseMeetingAgencies.agencyId, agencyId)));
    if (!invited) throw fieldError(422, 'invalid_reference', 'agencyId', 'Not the convening or an invited agency.');
  }
  if (input.userId) {
    if (!agencyId) throw fieldError(422, 'invalid_reference', 'agencyId', 'Name the agency of the account.');
    const result = await tx.execute(sql`select user_in_agency(${input.userId}::uuid, ${agencyId}::uuid) as ok`);
    if (!rowsOf<{ ok: boolean }>(result)[0]?.ok) throw fieldError(422, 'invalid_reference', 'userId', 'Not a person of that agency.');
  }
  const [row] = await tx
    .insert(caseMeetingAttendees)
    .values({
      meetingId: meeting.id,
      userId: input.userId ?? null,
      externalName: input.userId ? null : (input.externalName ?? null),
      agencyId,
      organisation: input.organisation ?? null,
      role: input.role ?? null,
      attendance: input.attendance,
    })
    .returning({ id: caseMeetingAttendees.id });
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case_meeting',
    resourceId: meeting.id,
    details: { change: 'attendee_added', attendeeId: row!.id },
  });
}
