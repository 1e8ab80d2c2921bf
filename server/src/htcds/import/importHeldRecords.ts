import { randomUUID } from 'node:crypto';
import { recordCaseEvent } from '../../commands/recordCaseEvent.js';
import type { KeyRing } from '../../crypto/keyRing.js';
import { placeOf } from '../../db/cipherPlace.js';
import type { Tx } from '../../db/client.js';
import { caseHtcdsValues, consents, traffickingStatusDecisions } from '../../db/schema/index.js';
import type { ImportedCase } from '../importedCase.js';

export type ImportHeldRecordsProps = {
  tx: Tx;
  keyRing: KeyRing;
  actor: { userId: string; agencyId: string };
  caseId: string;
  importedCase: ImportedCase;
  importId: string | null;
  /** The day the case was opened: when the file dates nothing else, its records date from it. */
  openedOn: string;
};

/**
 * The HTCDS columns of a row that are records beside the case: the consent the file ticked, the
 * status decision's deciding organisation, and the columns kept as written.
 */
export async function importHeldRecords({ tx, keyRing, actor, caseId, importedCase, importId, openedOn }: ImportHeldRecordsProps) {
  if (importedCase.consentGiven) {
    // The HTCDS checkbox says she consented to her data being managed: consent to share is not a
    // share, so it opens no section to anyone.
    const [consent] = await tx
      .insert(consents)
      .values({ caseId, purpose: 'data_processing', givenBy: 'victim', givenOn: openedOn, recordedBy: actor.userId })
      .returning({ id: consents.id });
    await recordCaseEvent(tx, actor, caseId, 'consent.recorded', {
      consentId: consent!.id,
      purpose: 'data_processing',
      sections: [],
      givenBy: 'victim',
      imported: true,
    });
  }
  if (importedCase.decisionMakingOrg) {
    await tx.insert(traffickingStatusDecisions).values({
      caseId,
      fromStatus: 'Potential',
      toStatus: importedCase.kase.traffickingStatus ?? 'Potential',
      decidingAgencyId: actor.agencyId,
      decisionMakingOrg: importedCase.decisionMakingOrg,
      decidedOn: openedOn,
      decidedByName: '',
      reasons: '',
      recordedBy: actor.userId,
    });
  }
  const kept = importedCase.consentGiven === false ? { ...importedCase.kept, con_Consent: false } : importedCase.kept;
  if (Object.keys(kept).length) {
    const id = randomUUID();
    await tx.insert(caseHtcdsValues).values({
      id,
      caseId,
      valuesEnc: keyRing.encrypt(JSON.stringify(kept), placeOf(caseHtcdsValues.valuesEnc, id)),
      importId,
      recordedByAgencyId: actor.agencyId,
    });
  }
}
