import { createCipheriv, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { rotateIdentityKey } from '../commands/rotateIdentityKey.js';
import { asSystem } from '../db/actorContext.js';
import { placeOf } from '../db/cipherPlace.js';
import { cases, personIdentityVersions, persons } from '../db/schema/index.js';
import { demoCaseId } from '../routes/caseRecord/testSupport.js';
import { DEMO_PEOPLE } from '../seed/demoThailand.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(() => t.close());

const personOfCase = async (caseId: string) =>
  (await asSystem(t.database.db, (tx) => tx.select({ personId: cases.personId }).from(cases).where(eq(cases.id, caseId))))[0]!.personId;

/** A value as written before ciphertexts were bound to their place (format v1, no associated data). */
function unboundCiphertext(plaintext: string): string {
  const keyId = t.keyRingFile.activeKeyId;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(t.keyRingFile.keys[keyId]!, 'base64'), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', keyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
}

describe('ciphertexts bound to their place', () => {
  it('a victim’s name copied into a record another reader may open does not decrypt there, and is not shown', async () => {
    const [victimCase, decoyCase] = [await demoCaseId(t, 1), await demoCaseId(t, 0)];
    const [victim, decoy] = [await personOfCase(victimCase), await personOfCase(decoyCase)];
    // Someone with write access to the database moves her name into a record they can read.
    const original = await asSystem(t.database.db, async (tx) => {
      const [source] = await tx.select({ nameEnc: persons.nameAsWrittenEnc }).from(persons).where(eq(persons.id, victim));
      const [own] = await tx.select({ nameEnc: persons.nameAsWrittenEnc }).from(persons).where(eq(persons.id, decoy));
      await tx.update(persons).set({ nameAsWrittenEnc: source!.nameEnc }).where(eq(persons.id, decoy));
      return own!.nameEnc;
    });
    const socialworker = await t.login('th.socialworker');
    const read = await socialworker.get(`/api/cases/${decoyCase}`);
    expect(read.status).toBe(500);
    expect(JSON.stringify(read.body)).not.toContain(DEMO_PEOPLE[1]!.nameAsWritten);
    expect(read.body).toMatchObject({ code: 'internal_error' });
    await asSystem(t.database.db, (tx) => tx.update(persons).set({ nameAsWrittenEnc: original }).where(eq(persons.id, decoy)));
    expect((await socialworker.get(`/api/cases/${decoyCase}`)).status).toBe(200);
  });

  it('values from before bindings are rebound to their place once, and then read as any other', async () => {
    const caseId = await demoCaseId(t, 0);
    const personId = await personOfCase(caseId);
    await asSystem(t.database.db, async (tx) => {
      await tx
        .update(persons)
        .set({ familyNameEnc: unboundCiphertext('Soe (v1)') })
        .where(eq(persons.id, personId));
      await tx
        .update(personIdentityVersions)
        .set({ familyNameEnc: unboundCiphertext('Soe (v1)') })
        .where(eq(personIdentityVersions.personId, personId));
    });
    const socialworker = await t.login('th.socialworker');
    expect((await socialworker.get(`/api/cases/${caseId}`)).status).toBe(500);

    const counts = await rotateIdentityKey(t.database.db, t.keyRing);
    expect(counts.persons).toBe(1);
    expect(counts.person_identity_versions).toBeGreaterThanOrEqual(1);
    const [person] = await asSystem(t.database.db, (tx) => tx.select().from(persons).where(eq(persons.id, personId)));
    expect(person!.familyNameEnc).toMatch(/^v2:/);
    expect(t.keyRing.decrypt(person!.familyNameEnc, placeOf(persons.familyNameEnc, personId))).toBe('Soe (v1)');
    const [version] = await asSystem(t.database.db, (tx) =>
      tx.select().from(personIdentityVersions).where(eq(personIdentityVersions.personId, personId)),
    );
    // A version holds the person's own values: they are bound to her record.
    expect(t.keyRing.decrypt(version!.familyNameEnc, placeOf(persons.familyNameEnc, personId))).toBe('Soe (v1)');
    const read = await socialworker.get(`/api/cases/${caseId}`);
    expect(read.status).toBe(200);
    expect(read.body.identity?.familyName ?? read.body.sections?.identity?.familyName).toBe('Soe (v1)');
    expect(Object.values(await rotateIdentityKey(t.database.db, t.keyRing)).every((count) => count === 0)).toBe(true);
  });
});
