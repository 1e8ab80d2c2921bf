import { eq } from 'drizzle-orm';
import type { AuditContext } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { directoryContacts, directoryOrganisations } from '../db/schema/index.js';
import { localToday } from '../followUp/schedule.js';
import { notFound } from '../http/problem.js';

/**
 * Someone checked that a contact still answers: the day (in the organisation's country) and who
 * checked are kept, which is what the six-month reminder counts from. Row-level security lets
 * only the organisation's keepers write it.
 */
export async function verifyDirectoryContact(
  tx: Tx,
  context: AuditContext & { actor: { userId: string; username: string; agencyId: string } },
  contactId: string,
  now: Date,
) {
  const [found] = await tx
    .select({ countryCode: directoryOrganisations.countryCode, version: directoryContacts.version })
    .from(directoryContacts)
    .innerJoin(directoryOrganisations, eq(directoryOrganisations.id, directoryContacts.organisationId))
    .where(eq(directoryContacts.id, contactId));
  if (!found) throw notFound();
  const [updated] = await tx
    .update(directoryContacts)
    .set({
      lastVerifiedOn: localToday(found.countryCode, now),
      verifiedBy: context.actor.userId,
      version: found.version + 1,
      updatedAt: now,
    })
    .where(eq(directoryContacts.id, contactId))
    .returning();
  if (!updated) throw notFound();
  await recordAudit(tx, context, { action: 'directory.contact_verify', resourceType: 'directory_contact', resourceId: contactId });
  return updated;
}
