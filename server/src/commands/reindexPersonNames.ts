import { sql } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import { personIdentityValue } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import { persons } from '../db/schema/index.js';
import { indexPersonNames } from '../matching/indexPersonNames.js';
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
