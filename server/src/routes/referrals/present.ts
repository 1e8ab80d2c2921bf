import type { Referral } from '@seamless/contracts';
import { desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { KeyRing } from '../../crypto/keyRing.js';
import { placeOf } from '../../db/cipherPlace.js';
import type { Tx } from '../../db/client.js';
import { referralStandingColumns } from '../../db/referralStanding.js';
import { agencies, referrals } from '../../db/schema/index.js';
import { localToday } from '../../followUp/schedule.js';
import type { Actor } from '../../policies/actor.js';
import { type ReferralStanding, receiverCutOff, referralActions } from '../../policies/referral.js';

const fromAgency = alias(agencies, 'from_agency');
const toAgency = alias(agencies, 'to_agency');

type Row = typeof referrals.$inferSelect;

/**
 * The receiver decides on a referral before it may see the case: until it accepted, it gets the
 * reference and pseudonym copied at sending, never the details (they are case content).
 */
function detailsVisible(actor: Actor, row: Row, standing: ReferralStanding) {
  if (receiverCutOff(actor, row, standing)) return false;
  if (row.toAgencyId !== actor.agencyId || row.fromAgencyId === null) return true;
  return row.status === 'accepted' || row.status === 'completed' || row.status === 'closed';
}

/** Referrals matching `where`, as row-level security lets the actor's agency see them. */
export async function loadReferrals(
  tx: Tx,
  keyRing: KeyRing,
  actor: Actor,
  where: SQL | undefined,
  page: { limit: number; offset: number } = { limit: 500, offset: 0 },
): Promise<Referral[]> {
  const rows = await tx
    .select({
      referral: referrals,
      fromName: fromAgency.name,
      toName: toAgency.name,
      sentByName: sql<string | null>`app_user_display_name(${referrals.sentBy})`,
      answeredByName: sql<string | null>`app_user_display_name(${referrals.answeredBy})`,
      ...referralStandingColumns,
    })
    .from(referrals)
    .leftJoin(fromAgency, eq(fromAgency.id, referrals.fromAgencyId))
    .leftJoin(toAgency, eq(toAgency.id, referrals.toAgencyId))
    .where(where)
    .orderBy(desc(referrals.createdAt), desc(referrals.id))
    .limit(page.limit)
    .offset(page.offset);
  const now = new Date();
  return rows.map(({ referral: row, fromName, toName, sentByName, answeredByName, ...standing }) => ({
    id: row.id,
    caseId: row.caseId,
    caseReference: row.caseReference,
    pseudonym: row.pseudonym,
    kind: row.kind,
    direction: row.direction,
    fromAgency: row.fromAgencyId ? { id: row.fromAgencyId, name: fromName ?? '' } : null,
    toAgency: row.toAgencyId ? { id: row.toAgencyId, name: toName ?? '' } : null,
    externalOrganisation: row.externalOrganisation,
    externalCaseWorker: row.externalCaseWorker,
    directoryOrganisationId: row.directoryOrganisationId,
    directoryServiceId: row.directoryServiceId,
    serviceArea: row.serviceArea,
    consentId: row.consentId,
    sections: row.sections,
    // The reason is free text too: it leaves with the rest once the consent ended.
    reason: receiverCutOff(actor, row, standing) ? null : row.reason,
    details: detailsVisible(actor, row, standing) ? keyRing.decrypt(row.detailsEnc, placeOf(referrals.detailsEnc, row.id)) : null,
    urgency: row.urgency,
    referredOn: row.referredOn,
    dueOn: row.dueOn,
    status: row.status,
    consentEnded: standing.consentEnded,
    overdue: row.status === 'pending' && !!row.dueOn && row.dueOn < localToday(row.countryCode, now),
    sentByName,
    answeredByName,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    declineReason: row.declineReason,
    outcome: row.outcome,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    actions: referralActions(actor, row, standing),
  }));
}
