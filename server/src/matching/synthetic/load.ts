import { randomUUID } from 'node:crypto';
import type { KeyRing } from '../../crypto/keyRing.js';
import { asSystem } from '../../db/actorContext.js';
import { placeOf } from '../../db/cipherPlace.js';
import type { Db } from '../../db/client.js';
import { cases, personContacts, personDocuments, personNames, persons } from '../../db/schema/index.js';
import { normaliseDocumentNumber, normalisePhone } from '../indexPersonNames.js';
import { nameKeysOf } from '../nameKeys.js';
import type { SyntheticSet } from './generate.js';

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A distinct code per index (base 30), so bulk-loaded references and pseudonyms never collide. */
const codeOf = (index: number, length: number) => {
  let code = '';
  for (let value = index, k = 0; k < length; k++, value = Math.floor(value / CODE_ALPHABET.length))
    code = CODE_ALPHABET[value % CODE_ALPHABET.length] + code;
  return code;
};

const BATCH = 1000;
async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

export type LoadOptions = {
  /** The agency recorded as having created every person (and owning the cases). */
  agencyId: string;
  /** Also open one case per person, owned by the agency (for the case-list benchmarks). */
  cases?: { ownerUserId: string; countryCode: string; year?: number };
};

/**
 * Bulk-loads a synthetic set as the schema owner (a fixture, not the application path): persons,
 * their names with the normalised-name keys, documents and phones with blind indexes — the same
 * values indexPersonNames and the identity commands write. Returns person ids by set index.
 */
export async function loadSyntheticSet(db: Db, keyRing: KeyRing, set: SyntheticSet, options: LoadOptions): Promise<string[]> {
  const ids = set.persons.map(() => randomUUID());
  const personRows = set.persons.map((person, index) => {
    const primary = person.names.find((n) => n.kind === 'primary')?.name ?? person.names[0]!.name;
    const written = person.names.find((n) => n.kind === 'written')?.name ?? null;
    const id = ids[index]!;
    return {
      id,
      givenNameEnc: keyRing.encrypt(primary, placeOf(persons.givenNameEnc, id)),
      nameAsWrittenEnc: keyRing.encrypt(written, placeOf(persons.nameAsWrittenEnc, id)),
      birthDateEnc: keyRing.encrypt(person.birthDate, placeOf(persons.birthDateEnc, id)),
      birthYear: person.birthYear,
      birthYearEstimated: person.birthYearEstimated,
      gender: person.gender,
      citizenship: person.citizenship,
      pseudonym: `P-${codeOf(index, 6)}`,
      createdByAgencyId: options.agencyId,
    };
  });
  const nameRows = set.persons.flatMap((person, index) =>
    person.names.map(({ kind, name }) => {
      const id = randomUUID();
      return { id, personId: ids[index]!, kind, nameEnc: keyRing.encrypt(name, placeOf(personNames.nameEnc, id)), ...nameKeysOf(name) };
    }),
  );
  const documentRows = set.persons.flatMap((person, index) =>
    person.documents.map((document) => {
      const id = randomUUID();
      return {
        id,
        personId: ids[index]!,
        documentType: document.documentType,
        numberEnc: keyRing.encrypt(document.number, placeOf(personDocuments.numberEnc, id)),
        numberBidx: keyRing.blindIndex('document', normaliseDocumentNumber(document.number))!,
        issuingCountry: document.issuingCountry,
      };
    }),
  );
  const contactRows = set.persons.flatMap((person, index) =>
    person.phones.map((phone) => {
      const id = randomUUID();
      return {
        id,
        personId: ids[index]!,
        kind: 'phone',
        valueEnc: keyRing.encrypt(phone, placeOf(personContacts.valueEnc, id)),
        valueBidx: keyRing.blindIndex('phone', normalisePhone(phone)),
      };
    }),
  );
  await asSystem(db, async (tx) => {
    await insertInBatches(personRows, (batch) => tx.insert(persons).values(batch));
    await insertInBatches(nameRows, (batch) => tx.insert(personNames).values(batch));
    await insertInBatches(documentRows, (batch) => tx.insert(personDocuments).values(batch));
    await insertInBatches(contactRows, (batch) => tx.insert(personContacts).values(batch));
    if (options.cases) {
      const { ownerUserId, countryCode, year = 2026 } = options.cases;
      const caseRows = set.persons.map((person, index) => ({
        reference: `${countryCode}-${year}-S${codeOf(index, 5)}`,
        countryCode,
        personId: ids[index]!,
        ownerAgencyId: options.agencyId,
        ownerUserId,
        ageAtIntake: year - person.birthYear,
        openedAt: new Date(Date.UTC(year, 0, 1) + index * 60_000),
      }));
      await insertInBatches(caseRows, (batch) => tx.insert(cases).values(batch));
    }
  });
  return ids;
}
