import { decisionOrgOfAgency, type HtcdsKeptValue, REFERRAL_REASONS, type TraffickingStatusDecisionOrg } from '@seamless/contracts';
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { KeyRing } from '../../crypto/keyRing.js';
import { placeOf } from '../../db/cipherPlace.js';
import { inTurn, type Tx } from '../../db/client.js';
import { agencies, caseHtcdsValues, consents, referrals, traffickingStatusDecisions } from '../../db/schema/index.js';
import { REFERRAL_FIELDS } from '../importedCase.js';

const fromAgency = alias(agencies, 'from_agency');
const toAgency = alias(agencies, 'to_agency');

/** What the export writes of the records beside a case: consent, status decision, values kept as written. */
export type ExportedHeldRecords = {
  kept: Record<string, HtcdsKeptValue>;
  /** `con_Consent`: a valid consent exists; false when consent was refused, withdrawn or lapsed. */
  consent: boolean | null;
  decisionMakingOrg: TraffickingStatusDecisionOrg | null;
  /** The HTCDS referral fields, from the latest referral that brought the case in and that sent it on. */
  referralCells: Record<string, HtcdsKeptValue | null>;
};

/**
 * The held records of a page of cases. Values kept as written are read only for the cases whose
 * identity leaves with the export (`withIdentity`): they may be words that name her.
 */
export async function exportedHeldRecords(
  tx: Tx,
  keyRing: KeyRing,
  cases: { id: string; ownerAgencyId: string; today: string; withIdentity: boolean }[],
): Promise<Map<string, ExportedHeldRecords>> {
  const caseIds = cases.map((each) => each.id);
  const identityIds = cases.filter((each) => each.withIdentity).map((each) => each.id);
  const [keptRows, consentRows, decisionRows, referralRows] = await inTurn([
    () => (identityIds.length ? tx.select().from(caseHtcdsValues).where(inArray(caseHtcdsValues.caseId, identityIds)) : []),
    () =>
      tx
        .select({ caseId: consents.caseId, withdrawnAt: consents.withdrawnAt, expiresOn: consents.expiresOn })
        .from(consents)
        .where(inArray(consents.caseId, caseIds)),
    () =>
      tx
        .select({
          caseId: traffickingStatusDecisions.caseId,
          decisionMakingOrg: traffickingStatusDecisions.decisionMakingOrg,
          organisationType: agencies.organisationType,
          agencyFunction: agencies.agencyFunction,
        })
        .from(traffickingStatusDecisions)
        .innerJoin(agencies, eq(agencies.id, traffickingStatusDecisions.decidingAgencyId))
        .where(inArray(traffickingStatusDecisions.caseId, caseIds))
        .orderBy(asc(traffickingStatusDecisions.recordedAt), asc(traffickingStatusDecisions.id)),
    () =>
      tx
        .select({
          referral: referrals,
          fromName: fromAgency.name,
          toName: toAgency.name,
          sentByName: sql<string | null>`app_user_display_name(${referrals.sentBy})`,
          answeredByName: sql<string | null>`app_user_display_name(${referrals.answeredBy})`,
        })
        .from(referrals)
        .leftJoin(fromAgency, eq(fromAgency.id, referrals.fromAgencyId))
        .leftJoin(toAgency, eq(toAgency.id, referrals.toAgencyId))
        .where(
          and(inArray(referrals.caseId, caseIds), eq(referrals.kind, 'referral'), notInArray(referrals.status, ['declined', 'withdrawn'])),
        )
        .orderBy(asc(referrals.referredOn), asc(referrals.createdAt)),
  ]);
  const keptOf = new Map(
    keptRows.map((row) => [
      row.caseId,
      JSON.parse(keyRing.decrypt(row.valuesEnc, placeOf(caseHtcdsValues.valuesEnc, row.id))) as Record<string, HtcdsKeptValue>,
    ]),
  );
  const held = new Map<string, ExportedHeldRecords>();
  for (const { id, ownerAgencyId, today, withIdentity } of cases) {
    const kept = keptOf.get(id) ?? {};
    const own = consentRows.filter((row) => row.caseId === id);
    const valid = own.some((row) => !row.withdrawnAt && (!row.expiresOn || row.expiresOn >= today));
    const latest = decisionRows.filter((row) => row.caseId === id).at(-1);
    held.set(id, {
      kept,
      consent: valid ? true : own.length || kept.con_Consent === false ? false : null,
      decisionMakingOrg: latest ? (latest.decisionMakingOrg ?? decisionOrgOfAgency(latest)) : null,
      referralCells: referralCellsOf(
        keyRing,
        referralRows.filter((row) => row.referral.caseId === id),
        ownerAgencyId,
        withIdentity,
      ),
    });
  }
  return held;
}

type ReferralRow = {
  referral: typeof referrals.$inferSelect;
  fromName: string | null;
  toName: string | null;
  sentByName: string | null;
  answeredByName: string | null;
};

/**
 * A referral brought the case to its owner (recorded as incoming, or sent to the owner in the
 * system) or sent it on from the owner. The reason is an HTCDS value, or words a worker wrote:
 * those leave only with identities, as "Other" otherwise.
 */
function referralCellsOf(keyRing: KeyRing, rows: ReferralRow[], ownerAgencyId: string, withIdentity: boolean) {
  const isIncoming = ({ referral }: ReferralRow) =>
    referral.direction === 'incoming' || (referral.toAgencyId === ownerAgencyId && referral.fromAgencyId !== ownerAgencyId);
  const incoming = rows.filter(isIncoming).at(-1);
  const outgoing = rows.filter((row) => !isIncoming(row) && row.referral.fromAgencyId === ownerAgencyId).at(-1);
  const reasonOf = (reason: string) =>
    (REFERRAL_REASONS as readonly string[]).includes(reason) ? reason : reason ? (withIdentity ? reason : 'Other') : null;
  const cells: Record<string, HtcdsKeptValue | null> = {};
  for (const [direction, row] of [
    ['incoming', incoming],
    ['outgoing', outgoing],
  ] as const) {
    if (!row) continue;
    const fields = REFERRAL_FIELDS[direction];
    const { referral } = row;
    cells[fields.organisation] = referral.externalOrganisation ?? (direction === 'incoming' ? row.fromName : row.toName);
    // A referral with an outside organisation names its worker, or nobody: who recorded it is not she.
    const platformWorker = direction === 'incoming' ? row.sentByName : row.answeredByName;
    cells[fields.caseWorker] = referral.externalOrganisation ? referral.externalCaseWorker : platformWorker;
    cells[fields.reason] = reasonOf(referral.reason);
    cells[fields.details] = keyRing.decrypt(referral.detailsEnc, placeOf(referrals.detailsEnc, referral.id));
    cells[fields.referredOn] = referral.referredOn;
  }
  return cells;
}
