import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../../test/harness.js';
import { KeyRing, generateKeyRingFile } from '../crypto/keyRing.js';
import { asSystem } from '../db/actorContext.js';
import { persons } from '../db/schema/index.js';
import { rotateIdentityKey } from './rotateIdentityKey.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('identity key rotation', () => {
  it('re-encrypts every identity value under the new key, readable without the old one', async () => {
    const oldRing = t.keyRing;
    const before = await asSystem(t.database.db, (tx) => tx.select().from(persons));
    const oldFile = t.keyRingFile;
    const fresh = generateKeyRingFile('k2');
    const rotated = new KeyRing({ ...oldFile, activeKeyId: 'k2', keys: { ...oldFile.keys, ...fresh.keys } });

    const counts = await asSystem(t.database.db, (tx) => rotateIdentityKey(tx, rotated));
    expect(counts.persons).toBe(before.length);
    expect(await asSystem(t.database.db, (tx) => rotateIdentityKey(tx, rotated))).toEqual({ persons: 0, users: 0 });

    const newOnly = new KeyRing({ ...oldFile, activeKeyId: 'k2', keys: fresh.keys });
    const [first] = before;
    const [after] = await asSystem(t.database.db, (tx) => tx.select().from(persons).where(eq(persons.id, first!.id)));
    expect(after!.givenNameEnc!.startsWith('v1:k2:')).toBe(true);
    expect(newOnly.decrypt(after!.givenNameEnc)).toBe(oldRing.decrypt(first!.givenNameEnc));
    expect(after!.documentNumberBidx).toBe(first!.documentNumberBidx);
  });
});
