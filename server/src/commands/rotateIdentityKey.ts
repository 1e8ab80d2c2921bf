import { eq } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { persons, users } from '../db/schema/index.js';

const PERSON_COLUMNS = ['givenNameEnc', 'familyNameEnc', 'nameAsWrittenEnc', 'birthDateEnc', 'documentNumberEnc', 'phoneEnc'] as const;

/**
 * Re-encrypts every identity value not yet under the key ring's active key. Values are read
 * with whichever key wrote them, so it can run while the app serves, and be run again safely.
 */
export async function rotateIdentityKey(tx: Tx, keyRing: KeyRing): Promise<{ persons: number; users: number }> {
  const reencrypt = (value: string | null) =>
    value && keyRing.keyIdOf(value) !== keyRing.activeKeyId ? keyRing.encrypt(keyRing.decrypt(value)) : value;
  let personCount = 0;
  for (const person of await tx.select().from(persons)) {
    const changes = Object.fromEntries(PERSON_COLUMNS.map((column) => [column, reencrypt(person[column])]));
    if (PERSON_COLUMNS.every((column) => changes[column] === person[column])) continue;
    await tx.update(persons).set(changes).where(eq(persons.id, person.id));
    personCount++;
  }
  let userCount = 0;
  for (const user of await tx.select({ id: users.id, totpSecretEnc: users.totpSecretEnc }).from(users)) {
    const next = reencrypt(user.totpSecretEnc);
    if (next === user.totpSecretEnc) continue;
    await tx.update(users).set({ totpSecretEnc: next }).where(eq(users.id, user.id));
    userCount++;
  }
  return { persons: personCount, users: userCount };
}
