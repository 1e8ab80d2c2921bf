import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { KeyRing } from '../../crypto/keyRing.js';
import { placeOf } from '../../db/cipherPlace.js';
import type { Tx } from '../../db/client.js';
import { type caseEvents, caseHtcdsValues, consents, persons, referrals, traffickingStatusDecisions } from '../../db/schema/index.js';
import type { ImportedCase } from '../importedCase.js';
import { directoryOrganisationNamed } from './directoryOrganisation.js';

export type HeldRecordsOfCase = {
  caseId: string;
  /** Copied onto each referral, as a referral sent in the system carries them. */
  kase: { reference: string; countryCode: string; personId: string };
  importedCase: ImportedCase;
  /** The day the case was opened: when the file dates nothing else, its records date from it. */
  openedOn: string;
};

export type ImportHeldRecordsProps = {
  tx: Tx;
  keyRing: KeyRing;
  actor: { userId: string; agencyId: string };
  /** The import job writing the rows, remembered beside the values it keeps as written. */
  importId: string | null;
  cases: readonly HeldRecordsOfCase[];
};

/**
 * The HTCDS columns of imported rows that are records beside their cases: the consent the file
 * ticked, the status decision's deciding organisation, referrals, and the columns kept as
 * written — each kind for all the cases in one statement, with the timeline events they make.
 */
export async function importHeldRecords({ tx, keyRing, actor, importId, cases }: ImportHeldRecordsProps) {
  const timeline: (typeof caseEvents.$inferInsert)[] = [];
  const event = (caseId: string, kind: 'consent.recorded' | 'referral.recorded', details: Record<string, unknown>) =>
    timeline.push({ caseId, kind, section: null, details, actorUserId: actor.userId, actorAgencyId: actor.agencyId });
  const consented = cases.filter((each) => each.importedCase.consentGiven);
  // The HTCDS checkbox says she consented to her data being managed: consent to share is not a
  // share, so it opens no section to anyone.
  const consentRows = consented.map(({ caseId, openedOn }) => ({
    id: randomUUID(),
    caseId,
    purpose: 'data_processing',
    givenBy: 'victim' as const,
    givenOn: openedOn,
    recordedBy: actor.userId,
  }));
  if (consentRows.length) await tx.insert(consents).values(consentRows);
  for (const consent of consentRows) {
    event(consent.caseId, 'consent.recorded', {
      consentId: consent.id,
      purpose: 'data_processing',
      sections: [],
      givenBy: 'victim',
      imported: true,
    });
  }
  const decisions = cases.filter((each) => each.importedCase.decisionMakingOrg);
  if (decisions.length) {
    await tx.insert(traffickingStatusDecisions).values(
      decisions.map(({ caseId, importedCase, openedOn }) => ({
        caseId,
        fromStatus: 'Potential' as const,
        toStatus: importedCase.kase.traffickingStatus ?? 'Potential',
        decidingAgencyId: actor.agencyId,
        decisionMakingOrg: importedCase.decisionMakingOrg!,
        decidedOn: openedOn,
        decidedByName: '',
        reasons: '',
        recordedBy: actor.userId,
      })),
    );
  }
  const referring = cases.filter((each) => each.importedCase.referrals.length);
  // Looked up only for rows with referrals: most rows have none.
  const pseudonyms = new Map(
    referring.length
      ? (
          await tx
            .select({ id: persons.id, pseudonym: persons.pseudonym })
            .from(persons)
            .where(
              inArray(
                persons.id,
                referring.map((each) => each.kase.personId),
              ),
            )
        ).map((person) => [person.id, person.pseudonym])
      : [],
  );
  const referralRows: (typeof referrals.$inferInsert)[] = [];
  for (const { caseId, kase, importedCase, openedOn } of referring) {
    for (const referral of importedCase.referrals) {
      const id = randomUUID();
      const incoming = referral.direction === 'incoming';
      // Recorded like a referral with an outside organisation: naming an agency of the platform as
      // its party would show the case to that agency, and a file's word is no consent to share.
      referralRows.push({
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
        pseudonym: pseudonyms.get(kase.personId)!,
        countryCode: kase.countryCode,
        recordedByAgencyId: actor.agencyId,
        sentBy: actor.userId,
      });
      event(caseId, 'referral.recorded', { referralId: id, direction: referral.direction, imported: true });
    }
  }
  if (referralRows.length) await tx.insert(referrals).values(referralRows);
  const keptRows = cases.flatMap(({ caseId, importedCase }) => {
    const kept = importedCase.consentGiven === false ? { ...importedCase.kept, con_Consent: false } : importedCase.kept;
    if (!Object.keys(kept).length) return [];
    const id = randomUUID();
    return [
      {
        id,
        caseId,
        valuesEnc: keyRing.encrypt(JSON.stringify(kept), placeOf(caseHtcdsValues.valuesEnc, id)),
        importId,
        recordedByAgencyId: actor.agencyId,
      },
    ];
  });
  if (keptRows.length) await tx.insert(caseHtcdsValues).values(keptRows);
  return timeline;
}
