import { decisionOrgOfAgency, type HtcdsKeptValue, type TraffickingStatusDecisionOrg } from '@seamless/contracts';
import { asc, eq, inArray } from 'drizzle-orm';
import type { KeyRing } from '../../crypto/keyRing.js';
import { placeOf } from '../../db/cipherPlace.js';
import type { Tx } from '../../db/client.js';
import { agencies, caseHtcdsValues, consents, traffickingStatusDecisions } from '../../db/schema/index.js';

/** What the export writes of the records beside a case: consent, status decision, values kept as written. */
export type ExportedHeldRecords = {
  kept: Record<string, HtcdsKeptValue>;
  /** `con_Consent`: a valid consent exists; false when consent was refused, withdrawn or lapsed. */
  consent: boolean | null;
  decisionMakingOrg: TraffickingStatusDecisionOrg | null;
};

/**
 * The held records of a page of cases. Values kept as written are read only for the cases whose
 * identity leaves with the export (`withIdentity`): they may be words that name her.
 */
export async function exportedHeldRecords(
  tx: Tx,
  keyRing: KeyRing,
  cases: { id: string; today: string; withIdentity: boolean }[],
): Promise<Map<string, ExportedHeldRecords>> {
  const caseIds = cases.map((each) => each.id);
  const identityIds = cases.filter((each) => each.withIdentity).map((each) => each.id);
  const [keptRows, consentRows, decisionRows] = await Promise.all([
    identityIds.length ? tx.select().from(caseHtcdsValues).where(inArray(caseHtcdsValues.caseId, identityIds)) : [],
    tx
      .select({ caseId: consents.caseId, withdrawnAt: consents.withdrawnAt, expiresOn: consents.expiresOn })
      .from(consents)
      .where(inArray(consents.caseId, caseIds)),
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
  ]);
  const keptOf = new Map(
    keptRows.map((row) => [
      row.caseId,
      JSON.parse(keyRing.decrypt(row.valuesEnc, placeOf(caseHtcdsValues.valuesEnc, row.id))) as Record<string, HtcdsKeptValue>,
    ]),
  );
  const held = new Map<string, ExportedHeldRecords>();
  for (const { id, today } of cases) {
    const kept = keptOf.get(id) ?? {};
    const own = consentRows.filter((row) => row.caseId === id);
    const valid = own.some((row) => !row.withdrawnAt && (!row.expiresOn || row.expiresOn >= today));
    const latest = decisionRows.filter((row) => row.caseId === id).at(-1);
    held.set(id, {
      kept,
      consent: valid ? true : own.length || kept.con_Consent === false ? false : null,
      decisionMakingOrg: latest ? (latest.decisionMakingOrg ?? decisionOrgOfAgency(latest)) : null,
    });
  }
  return held;
}
