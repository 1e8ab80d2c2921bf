import type { CaseSection, PersonInput } from '@seamless/contracts';
import { and, desc, eq } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import { agencies, identificationInterviews, traffickingStatusDecisions } from '../db/schema/index.js';
import type { CaseView } from '../db/visibleCases.js';
import { loadIdentitySection } from '../presenters/case.js';
import type { IdentificationAsSent } from './record.js';

/**
 * Who she is, as the request carries it (HTCDS `prs_` fields in our person shape), when the consent
 * names the identity section; null otherwise. Nothing else of the case goes.
 */
export async function personAsSent(
  tx: Tx,
  keyRing: KeyRing,
  view: CaseView,
  sections: readonly CaseSection[],
): Promise<PersonInput | null> {
  if (!sections.includes('identity')) return null;
  const identity = await loadIdentitySection(tx, keyRing, view);
  return {
    givenName: identity.givenName ?? identity.nameAsWritten ?? view.person.pseudonym,
    familyName: identity.familyName,
    nameAsWritten: identity.nameAsWritten,
    aliases: identity.aliases,
    gender: view.person.gender,
    birthDate: identity.birthDate,
    estimatedAge: identity.birthDate ? null : (view.kase.ageAtIntake ?? null),
    citizenship: view.person.citizenship,
    languages: view.person.languages as PersonInput['languages'],
    ethnicMinority: view.person.ethnicMinority ?? null,
    ethnicity: identity.ethnicity,
    address: identity.address,
    documents: identity.documents.map(({ documentType, number, issuingCountry, expiresOn }) => ({
      documentType,
      number,
      issuingCountry,
      expiresOn,
    })),
    contacts: sections.includes('family') ? identity.contacts.map(({ kind, value }) => ({ kind, value })) : [],
  };
}

/**
 * The sending country's identification: status, forms of exploitation, who decided and when, and
 * — with the identity section, since it is her own account — the interview's summary.
 */
export async function identificationAsSent(
  tx: Tx,
  keyRing: KeyRing,
  view: CaseView,
  sections: readonly CaseSection[],
): Promise<IdentificationAsSent> {
  const [decision] = await tx
    .select({ decidedOn: traffickingStatusDecisions.decidedOn, agency: agencies.name })
    .from(traffickingStatusDecisions)
    .innerJoin(agencies, eq(agencies.id, traffickingStatusDecisions.decidingAgencyId))
    .where(and(eq(traffickingStatusDecisions.caseId, view.kase.id), eq(traffickingStatusDecisions.toStatus, view.kase.traffickingStatus)))
    .orderBy(desc(traffickingStatusDecisions.decidedOn))
    .limit(1);
  const [interview] = sections.includes('identity')
    ? await tx
        .select({ id: identificationInterviews.id, accountEnc: identificationInterviews.accountEnc })
        .from(identificationInterviews)
        .where(and(eq(identificationInterviews.caseId, view.kase.id), eq(identificationInterviews.status, 'completed')))
        .orderBy(desc(identificationInterviews.conductedOn))
        .limit(1)
    : [];
  return {
    traffickingStatus: view.kase.traffickingStatus,
    exploitationForms: view.victimContext?.exploitationTypes ?? [],
    identifiedOn: decision?.decidedOn ?? null,
    identifiedBy: decision?.agency ?? null,
    interviewSummary: interview ? keyRing.decrypt(interview.accountEnc, placeOf(identificationInterviews.accountEnc, interview.id)) : null,
  };
}
