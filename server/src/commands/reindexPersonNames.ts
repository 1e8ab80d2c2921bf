import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import { personIdentityValue, placeOf } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import { personNames, persons } from '../db/schema/index.js';
import { indexPersonNames } from '../matching/indexPersonNames.js';
import { NAME_KEYS_VERSION, nameKeysOf } from '../matching/nameKeys.js';
import { namesOf } from './writePersonIdentity.js';

/**
 * Persons recorded before the normalised-name index existed (or by a bulk load) get their names
 * indexed, so search and duplicate detection see everyone. Cheap when there is nothing to do.
 */
export async function reindexMissingPersonNames(tx: Tx, keyRing: KeyRing): Promise<number> {
  const missing = await tx.select().from(persons).where(sql`not exists (select 1 from person_names n where n.person_id = ${persons.id})`);
  for (const person of missing) {
    const givenName = personIdentityValue(keyRing, person, 'givenNameEnc') ?? person.pseudonym;
    await indexPersonNames(
      tx,
      keyRing,
      person.id,
      namesOf({
        givenName,
        familyName: personIdentityValue(keyRing, person, 'familyNameEnc'),
        nameAsWritten: personIdentityValue(keyRing, person, 'nameAsWrittenEnc'),
        aliases: [],
      }),
      person.createdByAgencyId,
    );
  }
  return missing.length;
}

const REKEY_BATCH = 1000;

/**
 * Names whose keys an older version of nameKeys.ts made (keys_version below NAME_KEYS_VERSION)
 * get them computed again from the decrypted name, in batches, so that a release that changes
 * romanisation or the phonetic keys finds every stored name the new way. Cheap when there is
 * nothing to do. Returns the number of names re-keyed.
 */
export async function rekeyStalePersonNames(tx: Tx, keyRing: KeyRing): Promise<number> {
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await tx
      .select({ id: personNames.id, nameEnc: personNames.nameEnc })
      .from(personNames)
      .where(and(lt(personNames.keysVersion, NAME_KEYS_VERSION), gt(personNames.id, after)))
      .orderBy(asc(personNames.id))
      .limit(REKEY_BATCH);
    for (const row of rows) {
      const name = keyRing.decrypt(row.nameEnc, placeOf(personNames.nameEnc, row.id)) ?? '';
      await tx
        .update(personNames)
        .set({ ...nameKeysOf(name), keysVersion: NAME_KEYS_VERSION })
        .where(eq(personNames.id, row.id));
    }
    done += rows.length;
    if (rows.length < REKEY_BATCH) return done;
    after = rows.at(-1)!.id;
  }
}
