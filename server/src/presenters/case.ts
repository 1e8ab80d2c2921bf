import type { CaseDetail, CaseSummary, IdentificationProgress, IdentitySection, VictimContext } from '@seamless/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import { type IdentityParts, identityPartsSql } from '../db/caseDetailParts.js';
import { placeOf } from '../db/cipherPlace.js';
import { rowsOf, type Tx } from '../db/client.js';
import { cases, personContacts, personDocuments, personIdentityVersions, personNames, persons } from '../db/schema/index.js';
import type { CaseView, VictimContextRow } from '../db/visibleCases.js';
import type { Actor } from '../policies/actor.js';
import { canReadSection, caseAbilities } from '../policies/case.js';

const CHILD_AGE = 18;

/** Given and family name in one, or null when the record holds neither. */
export function romanisedNameOf(
  keyRing: KeyRing,
  personId: string,
  person: { givenNameEnc: string | null; familyNameEnc: string | null },
): string | null {
  return (
    [
      keyRing.decrypt(person.givenNameEnc, placeOf(persons.givenNameEnc, personId)),
      keyRing.decrypt(person.familyNameEnc, placeOf(persons.familyNameEnc, personId)),
    ]
      .filter(Boolean)
      .join(' ') || null
  );
}

/** The name to show: romanised name with identity access, the pseudonym otherwise or in pseudonym mode. */
function displayNameOf(view: CaseView, actor: Actor, keyRing: KeyRing): string {
  if (actor.pseudonymMode || !canReadSection(actor, 'identity', view.involvement)) return view.person.pseudonym;
  const recorded = view.involvement?.kind === 'intake' && !view.involvement.breakGlassUntil ? view.intakeRecordedName : view.person;
  return (recorded && romanisedNameOf(keyRing, view.person.id, recorded)) ?? view.person.pseudonym;
}

export function presentCaseSummary(view: CaseView, actor: Actor, keyRing: KeyRing): CaseSummary {
  const { kase, person, victimContext } = view;
  const ageAtTime = victimContext?.ageWhenTrafficked ?? kase.ageAtIntake;
  return {
    id: kase.id,
    reference: kase.reference,
    status: kase.status,
    stage: kase.stage as CaseSummary['stage'],
    traffickingStatus: kase.traffickingStatus,
    urgency: kase.urgency as CaseSummary['urgency'],
    ownerAgencyId: kase.ownerAgencyId,
    ownerAgencyName: view.ownerAgencyName,
    ownerUserId: kase.ownerUserId,
    ownerUserName: view.ownerUserName,
    involvement: view.involvement?.kind ?? 'owner',
    personId: person.id,
    displayName: displayNameOf(view, actor, keyRing),
    gender: person.gender,
    ageAtIntake: kase.ageAtIntake,
    child: ageAtTime != null && ageAtTime < CHILD_AGE,
    citizenship: person.citizenship,
    exploitationTypes: (victimContext?.exploitationTypes ?? []) as CaseSummary['exploitationTypes'],
    returningPerson: kase.returningPerson,
    identificationDueOn: kase.identificationDueOn,
    overdue: view.overdue,
    openedAt: kase.openedAt.toISOString(),
    updatedAt: kase.updatedAt.toISOString(),
  };
}

export function presentVictimContext(row: VictimContextRow | null): VictimContext | null {
  if (!row) return null;
  const { caseId: _caseId, createdAt: _createdAt, updatedAt: _updatedAt, recordedByAgencyId: _recordedBy, ...context } = row;
  return context as VictimContext;
}

/**
 * The person's identity columns as this actor may read them (a version's ciphertexts are copies of
 * the person's, bound to the person): the current record, or for an agency
 * that only took the intake, its own last version — nothing another agency recorded after the
 * hand-over. Row-level security applies the same rule to names, documents and contacts.
 */
async function identityColumnsFor(tx: Tx, view: CaseView): Promise<IdentityColumns> {
  if (view.involvement?.kind !== 'intake' || view.involvement.breakGlassUntil) return view.person;
  const [own] = await tx
    .select()
    .from(personIdentityVersions)
    .where(
      and(eq(personIdentityVersions.personId, view.person.id), eq(personIdentityVersions.recordedByAgencyId, view.kase.intakeByAgencyId!)),
    )
    .orderBy(desc(personIdentityVersions.version))
    .limit(1);
  return own ?? EMPTY_IDENTITY;
}

type IdentityColumns = Pick<
  CaseView['person'],
  'givenNameEnc' | 'familyNameEnc' | 'nameAsWrittenEnc' | 'birthDateEnc' | 'addressEnc' | 'ethnicity'
>;
const EMPTY_IDENTITY: IdentityColumns = {
  givenNameEnc: null,
  familyNameEnc: null,
  nameAsWrittenEnc: null,
  birthDateEnc: null,
  addressEnc: null,
  ethnicity: null,
};

/** A person's names, documents and contacts in one statement, when they were not read with the case. */
async function identityPartsOf(tx: Tx, personId: string): Promise<IdentityParts> {
  const [row] = rowsOf<{ parts: IdentityParts }>(await tx.execute(sql`select ${identityPartsSql(personId)} as parts`));
  return row!.parts;
}

/** The identity section, decrypted: only called once `canReadSection(identity)` has said yes. */
export async function loadIdentitySection(tx: Tx, keyRing: KeyRing, view: CaseView): Promise<IdentitySection> {
  const person = await identityColumnsFor(tx, view);
  const personId = view.person.id;
  const { names, documents, contacts } = view.detail?.identity ?? (await identityPartsOf(tx, personId));
  return {
    givenName: keyRing.decrypt(person.givenNameEnc, placeOf(persons.givenNameEnc, personId)),
    familyName: keyRing.decrypt(person.familyNameEnc, placeOf(persons.familyNameEnc, personId)),
    nameAsWritten: keyRing.decrypt(person.nameAsWrittenEnc, placeOf(persons.nameAsWrittenEnc, personId)),
    aliases: names
      .filter((name) => name.kind === 'alias')
      .map((name) => keyRing.decrypt(name.nameEnc, placeOf(personNames.nameEnc, name.id)) ?? ''),
    birthDate: keyRing.decrypt(person.birthDateEnc, placeOf(persons.birthDateEnc, personId)),
    ethnicity: person.ethnicity,
    address: keyRing.decrypt(person.addressEnc, placeOf(persons.addressEnc, personId)),
    documents: documents.map((document) => ({
      id: document.id,
      documentType: document.documentType as IdentitySection['documents'][number]['documentType'],
      number: keyRing.decrypt(document.numberEnc, placeOf(personDocuments.numberEnc, document.id)) ?? '',
      issuingCountry: document.issuingCountry,
      expiresOn: document.expiresOn,
    })),
    contacts: contacts.map((contact) => ({
      id: contact.id,
      kind: contact.kind as IdentitySection['contacts'][number]['kind'],
      value: keyRing.decrypt(contact.valueEnc, placeOf(personContacts.valueEnc, contact.id)) ?? '',
    })),
  };
}

/** Sections are included only when the role and the agency's involvement both open them. */
export function presentCaseDetail(
  view: CaseView,
  actor: Actor,
  keyRing: KeyRing,
  identity: IdentitySection | null,
  intakeAgencyName: string | null,
  identificationProgress: IdentificationProgress,
): CaseDetail {
  const { kase, person } = view;
  const abilities = caseAbilities(actor, view.involvement);
  return {
    ...presentCaseSummary(view, actor, keyRing),
    version: kase.version,
    countryCode: kase.countryCode,
    locale: kase.locale as CaseDetail['locale'],
    intake: {
      channel: kase.intakeChannel as CaseDetail['intake']['channel'],
      location: kase.intakeLocation,
      byAgencyName: intakeAgencyName,
      ...(abilities.readIdentity
        ? { narrative: keyRing.decrypt(kase.intakeNarrativeEnc, placeOf(cases.intakeNarrativeEnc, kase.id)) }
        : {}),
    },
    person: {
      id: person.id,
      pseudonym: person.pseudonym,
      gender: person.gender,
      birthYear: person.birthYear,
      birthYearEstimated: person.birthYearEstimated,
      citizenship: person.citizenship,
      languages: person.languages,
      ethnicMinority: person.ethnicMinority,
      version: person.version,
    },
    sections: identity && abilities.readIdentity ? { identity } : {},
    victimContext: presentVictimContext(view.victimContext),
    reflectionPeriodEndsOn: kase.reflectionPeriodEndsOn,
    previousCaseId: kase.previousCaseId,
    closureReason: kase.closureReason as CaseDetail['closureReason'],
    closedAt: kase.closedAt?.toISOString() ?? null,
    formAnswers: kase.formAnswers,
    breakGlassUntil: view.involvement?.breakGlassUntil?.toISOString() ?? null,
    identificationProgress,
    abilities,
  };
}
