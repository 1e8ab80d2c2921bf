import type { HtcdsImportRecord, HtcdsImportRecordsQuery } from '@seamless/contracts';
import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { KeyRing } from '../../crypto/keyRing.js';
import { placeOf } from '../../db/cipherPlace.js';
import type { Tx } from '../../db/client.js';
import { looksLikeCaseReference } from '../../db/nameSearch.js';
import { cases, htcdsImportRows, personNames, persons } from '../../db/schema/index.js';
import { offsetOf } from '../../http/listing.js';
import { nameKeysOf } from '../../matching/nameKeys.js';
import { romanisedNameOf } from '../../presenters/case.js';

/**
 * The records one import wrote, in file order, optionally narrowed to a case reference or a name
 * in any script: trigram similarity on the same normalised keys the case search uses, limited to
 * the persons of this import so nobody else's name can be probed through it.
 */
export async function findImportRecords(
  tx: Tx,
  keyRing: KeyRing,
  importId: string,
  { q, page, pageSize }: HtcdsImportRecordsQuery,
): Promise<{ items: HtcdsImportRecord[]; total: number }> {
  const conditions: SQL[] = [eq(htcdsImportRows.importId, importId)];
  if (q) conditions.push(looksLikeCaseReference(q) ? ilike(cases.reference, `${q}%`) : nameCondition(q));
  const where = and(...conditions);
  const rows = await tx
    .select({
      row: htcdsImportRows.rowNumber,
      caseId: cases.id,
      caseReference: cases.reference,
      pseudonym: persons.pseudonym,
      personId: persons.id,
      givenNameEnc: persons.givenNameEnc,
      familyNameEnc: persons.familyNameEnc,
      nameAsWrittenEnc: persons.nameAsWrittenEnc,
      matchedExistingPerson: htcdsImportRows.matchedExistingPerson,
    })
    .from(htcdsImportRows)
    .innerJoin(cases, eq(cases.id, htcdsImportRows.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(where)
    .orderBy(sql`${htcdsImportRows.rowNumber} nulls last`, asc(cases.reference))
    .limit(pageSize)
    .offset(offsetOf(page, pageSize));
  const [counted] = await tx
    .select({ total: count() })
    .from(htcdsImportRows)
    .innerJoin(cases, eq(cases.id, htcdsImportRows.caseId))
    .where(where);
  return {
    items: rows.map(({ personId, givenNameEnc, familyNameEnc, nameAsWrittenEnc, ...record }) => ({
      ...record,
      name: romanisedNameOf(keyRing, personId, { givenNameEnc, familyNameEnc }),
      nameAsWritten: keyRing.decrypt(nameAsWrittenEnc, placeOf(persons.nameAsWrittenEnc, personId)),
    })),
    total: counted?.total ?? 0,
  };
}

function nameCondition(q: string): SQL {
  const keys = nameKeysOf(q);
  if (!keys.searchKey && !keys.phoneticKey) return sql`false`;
  const similar = or(
    keys.searchKey ? sql`${personNames.searchKey} % ${keys.searchKey}` : undefined,
    keys.phoneticKey ? sql`${personNames.phoneticKey} % ${keys.phoneticKey}` : undefined,
  );
  return inArray(cases.personId, sql`(select ${personNames.personId} from ${personNames} where ${similar})`);
}
