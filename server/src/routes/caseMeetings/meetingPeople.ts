import type { MeetingPeople } from '@seamless/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import { inTurn, rowsOf, type Tx } from '../../db/client.js';
import { agencies, caseMeetingAgencies } from '../../db/schema/index.js';

type PersonRow = { agency_id: string; user_id: string; display_name: string; role_keys: string[]; role_names: string[] };

/**
 * The convening agency first, then the invited ones by name, each with its active accounts. The
 * accounts of other agencies are hidden by row-level security, so the database function answers
 * for a meeting the actor's agency sees, with names and roles only.
 */
export async function loadMeetingPeople(tx: Tx, meeting: { id: string; conveningAgencyId: string }): Promise<MeetingPeople> {
  const [convening, invited, people] = await inTurn([
    () => tx.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, meeting.conveningAgencyId)),
    () =>
      tx
        .select({ id: agencies.id, name: agencies.name })
        .from(caseMeetingAgencies)
        .innerJoin(agencies, eq(agencies.id, caseMeetingAgencies.agencyId))
        .where(eq(caseMeetingAgencies.meetingId, meeting.id))
        .orderBy(asc(agencies.name)),
    () =>
      tx.execute(
        sql`select agency_id, user_id, display_name, role_keys, role_names from meeting_people(${meeting.id}::uuid) order by display_name, user_id`,
      ),
  ]);
  const rows = rowsOf<PersonRow>(people);
  return {
    agencies: [...convening, ...invited].map((agency) => ({
      ...agency,
      accounts: rows
        .filter((row) => row.agency_id === agency.id)
        .map((row) => ({
          id: row.user_id,
          displayName: row.display_name,
          roles: row.role_keys.map((key, index) => ({ key, name: row.role_names[index] ?? key })),
        })),
    })),
  };
}
