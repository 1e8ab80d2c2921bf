import type { PersonInput } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { personContacts, personDocuments, personNames } from '../db/schema/index.js';
import { indexPersonNames, normaliseDocumentNumber, normalisePhone } from '../matching/indexPersonNames.js';

/** The names a person is searched by: romanised name, name as written, aliases. */
export function namesOf(input: Pick<PersonInput, 'givenName' | 'familyName' | 'nameAsWritten' | 'aliases'>) {
  const names: { kind: 'primary' | 'written' | 'alias'; name: string }[] = [
    { kind: 'primary', name: [input.givenName, input.familyName].filter(Boolean).join(' ') },
  ];
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
  await indexPersonNames(tx, keyRing, personId, namesOf(input));
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
