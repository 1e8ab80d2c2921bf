import { randomUUID } from 'node:crypto';
import type { externalReferralInputSchema } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import { rowsOf, type Tx } from '../db/client.js';
import { referrals } from '../db/schema/index.js';
import type { CaseView } from '../db/visibleCases.js';
import { fieldError } from '../http/problem.js';
import { type CaseEventActor, recordCaseEvent } from './recordCaseEvent.js';

/**
 * Keeps a referral with an organisation that is not on the platform (an NGO that sent the person
 * to the owner agency, or one the owner sent her to): the HTCDS referral fields of the case.
 * Nothing is shared by it, so it needs no consent.
 */
export async function recordExternalReferral(
  { tx, keyRing, actor, audit, view }: { tx: Tx; keyRing: KeyRing; actor: CaseEventActor; audit: AuditContext; view: CaseView },
  input: z.output<typeof externalReferralInputSchema>,
) {
  const { kase } = view;
  if (input.directoryOrganisationId && !(await directoryOrganisationExists(tx, input.directoryOrganisationId))) {
    throw fieldError(422, 'invalid_reference', 'directoryOrganisationId', 'No such organisation in the service directory.');
  }
  const incoming = input.direction === 'incoming';
  const id = randomUUID();
  const [referral] = await tx
    .insert(referrals)
    .values({
      id,
      caseId: kase.id,
      kind: 'referral',
      direction: input.direction,
      fromAgencyId: incoming ? null : kase.ownerAgencyId,
      toAgencyId: incoming ? kase.ownerAgencyId : null,
      externalOrganisation: input.organisation,
      externalCaseWorker: input.caseWorker ?? null,
      directoryOrganisationId: input.directoryOrganisationId ?? null,
      serviceArea: input.serviceArea ?? null,
      reason: input.reason,
      detailsEnc: keyRing.encrypt(input.details ?? null, placeOf(referrals.detailsEnc, id)),
      referredOn: input.referredOn,
      status: 'accepted',
      caseReference: kase.reference,
      pseudonym: view.person.pseudonym,
      countryCode: kase.countryCode,
      recordedByAgencyId: actor.agencyId,
      sentBy: actor.userId,
    })
    .returning();
  const details = { referralId: referral!.id, direction: input.direction };
  await recordCaseEvent(tx, actor, kase.id, 'referral.recorded', details);
  await recordAudit(tx, audit, {
    action: 'referral.send',
    resourceType: 'referral',
    resourceId: referral!.id,
    details: { caseId: kase.id, ...details },
  });
  return referral!;
}

async function directoryOrganisationExists(tx: Tx, id: string) {
  const result = await tx.execute(sql`select 1 as found from directory_organisations where id = ${id}::uuid`);
  return rowsOf(result).length > 0;
}
