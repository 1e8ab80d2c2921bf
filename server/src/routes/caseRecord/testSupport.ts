import type { AuditAction, CaseSection } from '@seamless/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { ApiClient, TestApp } from '../../../test/harness.js';
import { asSystem } from '../../db/actorContext.js';
import { placeOf } from '../../db/cipherPlace.js';
import { rowsOf } from '../../db/client.js';
import { auditEvents, caseAccess, cases, persons, roles, userRoles, users } from '../../db/schema/index.js';
import { DEMO_PEOPLE } from '../../seed/demoThailand.js';

/**
 * Fixtures for the case-record tests. Person 0's demo case is owned by Chiang Rai (th.socialworker)
 * and shared with the shelter (th.shelter, th.psychologist) with the identity and shelter sections.
 */
export async function demoCaseId(t: TestApp, personIndex: number): Promise<string> {
  const rows = await asSystem(t.database.db, (tx) =>
    tx
      .select({ id: cases.id, personId: persons.id, nameEnc: persons.nameAsWrittenEnc })
      .from(cases)
      .innerJoin(persons, eq(persons.id, cases.personId)),
  );
  const row = rows.find(
    (candidate) =>
      t.keyRing.decrypt(candidate.nameEnc, placeOf(persons.nameAsWrittenEnc, candidate.personId)) ===
      DEMO_PEOPLE[personIndex]!.nameAsWritten,
  );
  if (!row) throw new Error(`no demo case for person ${personIndex}`);
  return row.id;
}

async function account(t: TestApp, username: string) {
  const [row] = await asSystem(t.database.db, (tx) =>
    tx.select({ id: users.id, agencyId: users.agencyId }).from(users).where(eq(users.username, username)),
  );
  if (!row) throw new Error(`no account ${username}`);
  return row;
}

export const agencyOf = async (t: TestApp, username: string) => (await account(t, username)).agencyId;
export const userIdOf = async (t: TestApp, username: string) => (await account(t, username)).id;

/** Changes what an existing share opens, as recording consent and sharing would. */
export async function setSharedSections(t: TestApp, caseId: string, agencyId: string, sections: CaseSection[]) {
  await asSystem(t.database.db, (tx) =>
    tx
      .update(caseAccess)
      .set({ sections })
      .where(and(eq(caseAccess.caseId, caseId), eq(caseAccess.agencyId, agencyId))),
  );
}

/** Gives a demo account a second role (roles are data; permissions are read on every request). */
export async function addRole(t: TestApp, username: string, roleKey: string) {
  const userId = await userIdOf(t, username);
  await asSystem(t.database.db, async (tx) => {
    const [role] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.key, roleKey));
    await tx.insert(userRoles).values({ userId, roleId: role!.id });
  });
}

/** A new case owned by the client's agency. */
export async function openTestCase(client: ApiClient, person: Record<string, unknown> = {}) {
  const response = await client.post('/api/cases', { person: { givenName: 'Mya', familyName: 'Test', gender: 'Feminine', ...person } });
  if (response.status !== 201) throw new Error(`case not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; version: number; person: { id: string } };
}

export async function closeCase(client: ApiClient, caseId: string) {
  const current = await client.get(`/api/cases/${caseId}`);
  const response = await client.patch(`/api/cases/${caseId}`, {
    version: current.body.version,
    status: 'Closed',
    closureReason: 'reintegration_completed',
  });
  if (response.status !== 200) throw new Error(`case not closed: ${response.status} ${JSON.stringify(response.body)}`);
}

export async function countRows(
  t: TestApp,
  table: 'trafficking_events' | 'perpetrators' | 'case_comments' | 'attachments' | 'case_events',
  caseId: string,
) {
  const result = await asSystem(t.database.db, (tx) =>
    tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where case_id = ${caseId}`),
  );
  return rowsOf<{ n: number }>(result)[0]!.n;
}

export async function auditEventsOf(t: TestApp, action: string, caseId: string) {
  return asSystem(t.database.db, (tx) =>
    tx
      .select({ details: auditEvents.details, username: auditEvents.actorUsername })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action as AuditAction), eq(auditEvents.resourceId, caseId)))
      .orderBy(asc(auditEvents.seq)),
  );
}
