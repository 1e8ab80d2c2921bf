import type { PersonInput } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { personContacts, personDocuments, personNames } from '../db/schema/index.js';
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

/**
 * Replaces the person's names, documents and contacts with those of `input`: encrypted, with
 * blind indexes for documents and phones and the normalised-name index for matching.
 */
export async function writePersonIdentity(tx: Tx, keyRing: KeyRing, personId: string, input: PersonInput) {
  await tx.delete(personNames).where(eq(personNames.personId, personId));
  await tx.delete(personDocuments).where(eq(personDocuments.personId, personId));
  await tx.delete(personContacts).where(eq(personContacts.personId, personId));
  await writeNewPersonIdentity(tx, keyRing, personId, input);
}

/** The identity of a person just created, who has nothing to replace yet. */
export async function writeNewPersonIdentity(tx: Tx, keyRing: KeyRing, personId: string, input: PersonInput) {
  await indexPersonNames(tx, keyRing, personId, namesOf(input));
  await writeDocumentsAndContacts(tx, keyRing, personId, input);
}

/**
 * A known person met again (a confirmed match at intake): what was typed that the record does not
 * hold yet — another spelling, a new alias, a new document or phone — is added, nothing replaced.
 */
export async function addToPersonIdentity(tx: Tx, keyRing: KeyRing, personId: string, input: PersonInput) {
  const [names, documents, contacts] = await Promise.all([
    tx.select({ nameEnc: personNames.nameEnc }).from(personNames).where(eq(personNames.personId, personId)),
    tx.select({ numberBidx: personDocuments.numberBidx }).from(personDocuments).where(eq(personDocuments.personId, personId)),
    tx
      .select({ kind: personContacts.kind, valueEnc: personContacts.valueEnc })
      .from(personContacts)
      .where(eq(personContacts.personId, personId)),
  ]);
  const known = new Set(names.map((name) => keyRing.decrypt(name.nameEnc)?.trim().toLowerCase()));
  const newNames = namesOf(input)
    .filter((name) => !known.has(name.name.trim().toLowerCase()))
    .map((name) => ({ ...name, kind: name.kind === 'primary' ? ('alias' as const) : name.kind }));
  if (newNames.length) await indexPersonNames(tx, keyRing, personId, newNames);
  const knownDocuments = new Set(documents.map((document) => document.numberBidx));
  const knownContacts = new Set(contacts.map((contact) => `${contact.kind}:${keyRing.decrypt(contact.valueEnc)}`));
  await writeDocumentsAndContacts(tx, keyRing, personId, {
    documents: input.documents.filter(
      (document) => !knownDocuments.has(keyRing.blindIndex('document', normaliseDocumentNumber(document.number))!),
    ),
    contacts: input.contacts.filter((contact) => !knownContacts.has(`${contact.kind}:${contact.value}`)),
  });
}

async function writeDocumentsAndContacts(tx: Tx, keyRing: KeyRing, personId: string, input: Pick<PersonInput, 'documents' | 'contacts'>) {
  if (input.documents.length) {
    await tx.insert(personDocuments).values(
      input.documents.map((document) => ({
        personId,
        documentType: document.documentType,
        numberEnc: keyRing.encrypt(document.number)!,
        numberBidx: keyRing.blindIndex('document', normaliseDocumentNumber(document.number))!,
        issuingCountry: document.issuingCountry ?? null,
        expiresOn: document.expiresOn ?? null,
      })),
    );
  }
  if (input.contacts.length) {
    await tx.insert(personContacts).values(
      input.contacts.map((contact) => ({
        personId,
        kind: contact.kind,
        valueEnc: keyRing.encrypt(contact.value)!,
        valueBidx: contact.kind === 'phone' ? keyRing.blindIndex('phone', normalisePhone(contact.value)) : null,
      })),
    );
  }
}
