import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { recordCaseEvent } from '../../commands/recordCaseEvent.js';
import type { KeyRing } from '../../crypto/keyRing.js';
import { placeOf } from '../../db/cipherPlace.js';
import type { Tx } from '../../db/client.js';
import { caseHtcdsValues, consents, persons, referrals, traffickingStatusDecisions } from '../../db/schema/index.js';
import type { ImportedCase } from '../importedCase.js';
import { directoryOrganisationNamed } from './directoryOrganisation.js';

export type ImportHeldRecordsProps = {
  tx: Tx;
  keyRing: KeyRing;
  actor: { userId: string; agencyId: string };
  caseId: string;
  /** Copied onto each referral, as a referral sent in the system carries them. */
  kase: { reference: string; countryCode: string; personId: string };
  importedCase: ImportedCase;
  importId: string | null;
  /** The day the case was opened: when the file dates nothing else, its records date from it. */
  openedOn: string;
};

/**
 * The HTCDS columns of a row that are records beside the case: the consent the file ticked, the
 * status decision's deciding organisation, and the columns kept as written.
 */
export async function importHeldRecords({ tx, keyRing, actor, caseId, kase, importedCase, importId, openedOn }: ImportHeldRecordsProps) {
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
  // Looked up only for a row with referrals: most rows have none, and a large import pays per query.
  const [person] = importedCase.referrals.length
    ? await tx.select({ pseudonym: persons.pseudonym }).from(persons).where(eq(persons.id, kase.personId))
    : [];
  for (const referral of importedCase.referrals) {
    const id = randomUUID();
    const incoming = referral.direction === 'incoming';
    // Recorded like a referral with an outside organisation: naming an agency of the platform as
    // its party would show the case to that agency, and a file's word is no consent to share.
    await tx.insert(referrals).values({
      id,
      caseId,
      kind: 'referral',
      direction: referral.direction,
      fromAgencyId: incoming ? null : actor.agencyId,
      toAgencyId: incoming ? actor.agencyId : null,
      externalOrganisation: referral.organisation,
      directoryOrganisationId: await directoryOrganisationNamed(tx, referral.organisation),
      externalCaseWorker: referral.caseWorker,
      reason: referral.reason ?? '',
      detailsEnc: keyRing.encrypt(referral.details, placeOf(referrals.detailsEnc, id)),
      referredOn: referral.referredOn ?? openedOn,
      status: 'accepted',
      caseReference: kase.reference,
      pseudonym: person!.pseudonym,
      countryCode: kase.countryCode,
      recordedByAgencyId: actor.agencyId,
      sentBy: actor.userId,
    });
    await recordCaseEvent(tx, actor, caseId, 'referral.recorded', { referralId: id, direction: referral.direction, imported: true });
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
