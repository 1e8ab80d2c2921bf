import { eq, sql } from 'drizzle-orm';
import type { KeyRing } from '../../crypto/keyRing.js';
import { rowsOf, type Tx } from '../../db/client.js';
import { personContacts, personDocuments, personNames, persons } from '../../db/schema/index.js';
import { findPersonMatches } from '../../matching/findPersonMatches.js';
import { normaliseDocumentNumber, normalisePhone } from '../../matching/indexPersonNames.js';
import { nameKeysOf } from '../../matching/nameKeys.js';
import { genderOf, type ImportedCase } from '../importedCase.js';

/**
 * An import links a row to a known person without anyone confirming it, so it takes only what
 * the matcher scores as near-certain (the same name with the same birth date, or a shared
 * document); the intake screen's possible matches (0.5) are for people to judge.
 */
export const IMPORT_LINK_THRESHOLD = 0.9;

/**
 * The person already known that this row describes, or null. Exact keys (the sorted name key, a
 * document or phone blind index) find whether anyone could be her in one indexed query; only then
 * does the full matcher weigh the evidence — most rows of a first import meet nobody, and a
 * trigram search for each of 100,000 rows would dominate the import.
 */
export async function findKnownPerson(
  tx: Tx,
  keyRing: KeyRing,
  importedCase: ImportedCase,
  defaultCountry: string,
): Promise<{ personId: string; pseudonym: string } | null> {
  const { person } = importedCase;
  const name = [person.givenName, person.familyName].filter(Boolean).join(' ');
  const searchKeys = [name, person.nameAsWritten].filter((each): each is string => !!each).map((each) => nameKeysOf(each).searchKey);
  const documentKeys = person.documents.map((document) => keyRing.blindIndex('document', normaliseDocumentNumber(document.number))!);
  const phones = person.contacts.filter((contact) => contact.kind === 'phone');
  const phoneKeys = phones.map((contact) => keyRing.blindIndex('phone', normalisePhone(contact.value, defaultCountry))!);
  const lookups = [
    sql`select person_id from ${personNames} where search_key in ${searchKeys.length ? searchKeys : ['']}`,
    ...(documentKeys.length ? [sql`select person_id from ${personDocuments} where number_bidx in ${documentKeys}`] : []),
    ...(phoneKeys.length ? [sql`select person_id from ${personContacts} where kind = 'phone' and value_bidx in ${phoneKeys}`] : []),
  ];
  const [anyone] = rowsOf(await tx.execute(sql`${sql.join(lookups, sql` union all `)} limit 1`));
  if (!anyone) return null;
  const [best] = await findPersonMatches(
    tx,
    keyRing,
    {
      name,
      birthdate: person.birthDate ?? undefined,
      birthYear: person.birthYear ?? undefined,
      gender: genderOf(importedCase),
      citizenship: person.citizenship[0],
      documentNumber: person.documents[0]?.number,
      phone: phones[0]?.value,
    },
    { threshold: IMPORT_LINK_THRESHOLD, limit: 1, defaultCountry },
  );
  if (!best) return null;
  const [known] = await tx.select({ pseudonym: persons.pseudonym }).from(persons).where(eq(persons.id, best.personId));
  return known ? { personId: best.personId, pseudonym: known.pseudonym } : null;
}
