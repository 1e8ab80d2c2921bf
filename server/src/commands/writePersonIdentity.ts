import { randomUUID } from 'node:crypto';
import type { PersonInput } from '@seamless/contracts';
import { and, eq } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import { inTurn, type Tx } from '../db/client.js';
import { personContacts, personDocuments, personIdentityVersions, personNames } from '../db/schema/index.js';
import type { PersonRow } from '../db/visibleCases.js';
import { indexPersonNames, normaliseDocumentNumber, normalisePhone } from '../matching/indexPersonNames.js';

/** The romanised name, given name first: how a person is recorded, matched and searched. */
export const primaryNameOf = (input: { givenName?: string | null; familyName?: string | null }) =>
  [input.givenName, input.familyName].filter(Boolean).join(' ');

/** The names a person is searched by: romanised name, name as written, aliases. */
export function namesOf(input: Pick<PersonInput, 'givenName' | 'familyName' | 'nameAsWritten' | 'aliases'>) {
  const names: { kind: 'primary' | 'written' | 'alias'; name: string }[] = [{ kind: 'primary', name: primaryNameOf(input) }];
  if (input.nameAsWritten) names.push({ kind: 'written', name: input.nameAsWritten });
  for (const alias of input.aliases ?? []) names.push({ kind: 'alias', name: alias });
  return names;
}

/** Who writes identity rows: they belong to that agency, which alone may later remove them. */
export type IdentityRecorder = { agencyId: string; userId: string | null };

/**
 * An edit of the person's identity by one agency: the names, documents and contacts this agency
 * recorded become those of `input`; what other agencies recorded stays, whatever the input holds
 * (nobody wipes another agency's record of her). What the input repeats of another agency's rows
 * is not written twice.
 */
export async function replaceOwnPersonIdentity(tx: Tx, keyRing: KeyRing, personId: string, input: PersonInput, recorder: IdentityRecorder) {
  const { agencyId } = recorder;
  await tx.delete(personNames).where(and(eq(personNames.personId, personId), eq(personNames.recordedByAgencyId, agencyId)));
  await tx.delete(personDocuments).where(and(eq(personDocuments.personId, personId), eq(personDocuments.recordedByAgencyId, agencyId)));
  await tx.delete(personContacts).where(and(eq(personContacts.personId, personId), eq(personContacts.recordedByAgencyId, agencyId)));
  await addToPersonIdentity(tx, keyRing, personId, input, recorder, { keepKinds: true });
}

/** The identity of a person just created, who has nothing to replace yet. */
export async function writeNewPersonIdentity(tx: Tx, keyRing: KeyRing, personId: string, input: PersonInput, recorder: IdentityRecorder) {
  await indexPersonNames(tx, keyRing, personId, namesOf(input), recorder.agencyId);
  await writeDocumentsAndContacts(tx, keyRing, personId, input, recorder);
}

/**
 * A known person met again (a confirmed match at intake): what was typed that the record does not
 * hold yet — another spelling, a new alias, a new document or phone — is added, nothing replaced.
 * With `keepKinds` (an edit), the primary and written names stay what they are instead of
 * becoming aliases.
 */
export async function addToPersonIdentity(
  tx: Tx,
  keyRing: KeyRing,
  personId: string,
  input: PersonInput,
  recorder: IdentityRecorder,
  { keepKinds = false } = {},
) {
  const [names, documents, contacts] = await inTurn([
    () =>
      tx
        .select({ id: personNames.id, kind: personNames.kind, nameEnc: personNames.nameEnc })
        .from(personNames)
        .where(eq(personNames.personId, personId)),
    () => tx.select({ numberBidx: personDocuments.numberBidx }).from(personDocuments).where(eq(personDocuments.personId, personId)),
    () =>
      tx
        .select({ id: personContacts.id, kind: personContacts.kind, valueEnc: personContacts.valueEnc })
        .from(personContacts)
        .where(eq(personContacts.personId, personId)),
  ]);
  const nameKey = (kind: string, name: string) => `${keepKinds ? kind : ''}\u001f${name.trim().toLowerCase()}`;
  const known = new Set(
    names.map((name) => nameKey(name.kind, keyRing.decrypt(name.nameEnc, placeOf(personNames.nameEnc, name.id)) ?? '')),
  );
  const newNames = namesOf(input)
    .map((name) => ({ ...name, kind: !keepKinds && name.kind === 'primary' ? ('alias' as const) : name.kind }))
    .filter((name) => !known.has(nameKey(name.kind, name.name)));
  if (newNames.length) await indexPersonNames(tx, keyRing, personId, newNames, recorder.agencyId);
  const knownDocuments = new Set(documents.map((document) => document.numberBidx));
  const knownContacts = new Set(
    contacts.map((contact) => `${contact.kind}:${keyRing.decrypt(contact.valueEnc, placeOf(personContacts.valueEnc, contact.id))}`),
  );
  await writeDocumentsAndContacts(
    tx,
    keyRing,
    personId,
    {
      documents: input.documents.filter(
        (document) => !knownDocuments.has(keyRing.blindIndex('document', normaliseDocumentNumber(document.number))!),
      ),
      contacts: input.contacts.filter((contact) => !knownContacts.has(`${contact.kind}:${contact.value}`)),
    },
    recorder,
  );
}

/**
 * Keeps this write of the person's identity columns as a version, with who made it. The
 * ciphertexts are the person's own, bound to her record: a version is read as hers.
 */
export async function recordIdentityVersion(tx: Tx, person: PersonRow, recorder: IdentityRecorder) {
  await tx.insert(personIdentityVersions).values(identityVersionRow(person, recorder));
}

/** The row `recordIdentityVersion` writes, for a caller that versions many persons in one statement. */
export function identityVersionRow(
  person: Pick<
    PersonRow,
    'id' | 'version' | 'givenNameEnc' | 'familyNameEnc' | 'nameAsWrittenEnc' | 'birthDateEnc' | 'addressEnc' | 'ethnicity'
  >,
  recorder: IdentityRecorder,
) {
  return {
    personId: person.id,
    version: person.version,
    givenNameEnc: person.givenNameEnc,
    familyNameEnc: person.familyNameEnc,
    nameAsWrittenEnc: person.nameAsWrittenEnc,
    birthDateEnc: person.birthDateEnc,
    addressEnc: person.addressEnc,
    ethnicity: person.ethnicity,
    recordedByAgencyId: recorder.agencyId,
    recordedByUserId: recorder.userId,
  };
}

async function writeDocumentsAndContacts(
  tx: Tx,
  keyRing: KeyRing,
  personId: string,
  input: Pick<PersonInput, 'documents' | 'contacts'>,
  recorder: IdentityRecorder,
) {
  if (input.documents.length) await tx.insert(personDocuments).values(documentRows(keyRing, personId, input.documents, recorder));
  if (input.contacts.length) await tx.insert(personContacts).values(contactRows(keyRing, personId, input.contacts, recorder));
}

/** A person's documents as rows: the number encrypted and blind-indexed. */
export function documentRows(keyRing: KeyRing, personId: string, documents: PersonInput['documents'], recorder: IdentityRecorder) {
  return documents.map((document) => {
    const id = randomUUID();
    return {
      id,
      personId,
      documentType: document.documentType,
      numberEnc: keyRing.encrypt(document.number, placeOf(personDocuments.numberEnc, id)),
      numberBidx: keyRing.blindIndex('document', normaliseDocumentNumber(document.number))!,
      issuingCountry: document.issuingCountry ?? null,
      expiresOn: document.expiresOn ?? null,
      recordedByAgencyId: recorder.agencyId,
    };
  });
}

/** A person's contacts as rows: the value encrypted, a phone blind-indexed. */
export function contactRows(keyRing: KeyRing, personId: string, contacts: PersonInput['contacts'], recorder: IdentityRecorder) {
  return contacts.map((contact) => {
    const id = randomUUID();
    return {
      id,
      personId,
      kind: contact.kind,
      valueEnc: keyRing.encrypt(contact.value, placeOf(personContacts.valueEnc, id)),
      valueBidx: contact.kind === 'phone' ? keyRing.blindIndex('phone', normalisePhone(contact.value)) : null,
      recordedByAgencyId: recorder.agencyId,
    };
  });
}
