import { randomUUID } from 'node:crypto';
import type { HtcdsKeptValue } from '@seamless/contracts';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import { caseHtcdsValues } from '../db/schema/index.js';

/** A Chiang Rai case only its office sees (tenancy: CHIANGRAI_ONLY). */
const CASE_INDEX = 9;

/**
 * Synthetic: what a partner NGO's IOM toolkit spreadsheet said of one demo case that no record
 * of ours holds, kept as written and shown on the case overview to readers of her identity.
 */
const KEPT: Record<string, HtcdsKeptValue> = {
  org_Name: 'Mekong Hope Foundation',
  org_Type: 'NGO',
  prs_MaritalStatus: 'Married',
  prs_NumberOfChildren: 2,
  vic_Vulnerabilities: 'Poverty;Migration',
  hte_Description: 'Travelled by pickup truck from Tachileik to a fruit farm in Fang district.',
  spl_Objectives: 'Back to school in Mae Sai; family tracing for her younger brother.',
};

export async function seedDemoHtcdsValues(tx: Tx, keyRing: KeyRing, { caseIds, agencyId }: { caseIds: string[]; agencyId: string }) {
  const caseId = caseIds[CASE_INDEX];
  if (!caseId) return;
  const id = randomUUID();
  await tx.insert(caseHtcdsValues).values({
    id,
    caseId,
    valuesEnc: keyRing.encrypt(JSON.stringify(KEPT), placeOf(caseHtcdsValues.valuesEnc, id)),
    recordedByAgencyId: agencyId,
  });
}
