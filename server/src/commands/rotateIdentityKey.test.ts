import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { generateKeyRingFile, KeyRing } from '../crypto/keyRing.js';
import { asSystem } from '../db/actorContext.js';
import { rowsOf } from '../db/client.js';
import { persons } from '../db/schema/index.js';
import { ENCRYPTED_COLUMNS, rotateIdentityKey } from './rotateIdentityKey.js';

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
    expect(counts.person_names).toBeGreaterThanOrEqual(before.length);
    const again = await asSystem(t.database.db, (tx) => rotateIdentityKey(tx, rotated));
    expect(Object.values(again).every((count) => count === 0)).toBe(true);

    const newOnly = new KeyRing({ ...oldFile, activeKeyId: 'k2', keys: fresh.keys });
    const [first] = before;
    const [after] = await asSystem(t.database.db, (tx) => tx.select().from(persons).where(eq(persons.id, first!.id)));
    expect(after!.givenNameEnc!.startsWith('v1:k2:')).toBe(true);
    expect(newOnly.decrypt(after!.givenNameEnc)).toBe(oldRing.decrypt(first!.givenNameEnc));
  });

  it('knows every encrypted column of the schema', async () => {
    const rows = await asSystem(t.database.db, (tx) =>
      tx.execute(
        sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and column_name like '%\_enc'`,
      ),
    );
    const found = rowsOf<{ table_name: string; column_name: string }>(rows)
      .map((row) => `${row.table_name}.${row.column_name}`)
      .sort();
    const listed = Object.entries(ENCRYPTED_COLUMNS)
      .flatMap(([table, columns]) => columns.map((column) => `${table}.${column}`))
      .sort();
    expect(found).toEqual(listed);
  });
});
