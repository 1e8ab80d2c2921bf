import { randomUUID } from 'node:crypto';
import type { KeyRing } from '../../crypto/keyRing.js';
import { asSystem } from '../../db/actorContext.js';
import { placeOf } from '../../db/cipherPlace.js';
import type { Db } from '../../db/client.js';
import { personNames, persons } from '../../db/schema/index.js';
import { nameKeysOf } from '../nameKeys.js';
import type { EvaluationSet } from './buildEvaluationSet.js';

/**
 * Bulk-loads the evaluation set's records as persons of `agencyId`, one person per record with
 * the record's name as its only name (the same values indexPersonNames writes), so that a search
 * made as that agency sees exactly the targets and distractors. Returns person ids by record id.
 */
export async function loadEvaluationSet(db: Db, keyRing: KeyRing, set: EvaluationSet, agencyId: string): Promise<Map<string, string>> {
  const ids = new Map(set.records.map((record) => [record.id, randomUUID()]));
  const personRows = set.records.map((record, index) => {
    const id = ids.get(record.id)!;
    return {
      id,
      givenNameEnc: keyRing.encrypt(record.name, placeOf(persons.givenNameEnc, id)),
      gender: record.gender,
      pseudonym: `E-${String(index).padStart(5, '0')}`,
      createdByAgencyId: agencyId,
    };
  });
  const nameRows = set.records.map((record) => {
    const id = randomUUID();
    return {
      id,
      personId: ids.get(record.id)!,
      kind: 'primary' as const,
      nameEnc: keyRing.encrypt(record.name, placeOf(personNames.nameEnc, id)),
      ...nameKeysOf(record.name),
    };
  });
  await asSystem(db, async (tx) => {
    await tx.insert(persons).values(personRows);
    await tx.insert(personNames).values(nameRows);
  });
  return ids;
}
