import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { generateKeyRingFile, KeyRing } from '../crypto/keyRing.js';
import { asSystem } from '../db/actorContext.js';
import { placeOf } from '../db/cipherPlace.js';
import { rowsOf } from '../db/client.js';
import { persons } from '../db/schema/index.js';
import { AttachmentStore } from '../files/attachmentStore.js';
import { ImportFiles } from '../htcds/import/importFiles.js';
import { encryptedColumns, rotateIdentityKey } from './rotateIdentityKey.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(() => t.close());

/** Every ciphertext of the database, wherever it is, as `table.column` → values. */
async function ciphertextsEverywhere(): Promise<Map<string, string[]>> {
  return asSystem(t.database.db, async (tx) => {
    const columns = rowsOf<{ table_name: string; column_name: string }>(
      await tx.execute(sql`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
        where c.table_schema = 'public' and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`),
    );
    const found = new Map<string, string[]>();
    for (const { table_name: table, column_name: column } of columns) {
      const values = rowsOf<{ value: string }>(
        await tx.execute(sql`select ${sql.identifier(column)}::text as value from ${sql.identifier(table)}
          where ${sql.identifier(column)}::text ~ 'v[12]:[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+:'`),
      );
      if (values.length)
        found.set(
          `${table}.${column}`,
          values.map((row) => row.value),
        );
    }
    return found;
  });
}

describe('identity key rotation', () => {
  it('re-encrypts every ciphertext of the database and every file on disk, in batches, readable without the old key', async () => {
    const oldFile = t.keyRingFile;
    const attachments = new AttachmentStore(path.join(t.config.dataDir, 'attachments'), t.keyRing);
    const imports = new ImportFiles(path.join(t.config.dataDir, 'imports'), t.keyRing);
    const evidence = Buffer.from('%PDF-1.4 statement of Aye Aye');
    const address = await attachments.put(evidence);
    const importId = '6f0c8f3e-1d7a-4f1e-9a77-2d3c1b0a9e55';
    await imports.put(importId, Buffer.from('prs_FirstName\r\nAye Aye\r\n'));
    const before = await asSystem(t.database.db, (tx) => tx.select().from(persons));

    const fresh = generateKeyRingFile('k2');
    const rotated = new KeyRing({ ...oldFile, activeKeyId: 'k2', keys: { ...oldFile.keys, ...fresh.keys } });
    const counts = await rotateIdentityKey(t.database.db, rotated, { batchSize: 7 });
    expect(counts.persons).toBe(before.length);
    expect(counts.person_names).toBeGreaterThanOrEqual(before.length);
    expect(await new AttachmentStore(attachments.directory, rotated).rotate()).toBe(1);
    expect(await new ImportFiles(imports.directory, rotated).rotate()).toBe(1);

    const again = await rotateIdentityKey(t.database.db, rotated, { batchSize: 7 });
    expect(Object.values(again).every((count) => count === 0)).toBe(true);
    expect(await new AttachmentStore(attachments.directory, rotated).rotate()).toBe(0);

    const newOnly = new KeyRing({ ...oldFile, activeKeyId: 'k2', keys: fresh.keys });
    const everywhere = await ciphertextsEverywhere();
    expect(everywhere.size).toBeGreaterThan(5);
    for (const [column, values] of everywhere) {
      for (const value of values) expect(value.startsWith('v2:k2:'), column).toBe(true);
    }
    const [first] = before;
    const [after] = await asSystem(t.database.db, (tx) => tx.select().from(persons).where(eq(persons.id, first!.id)));
    const given = placeOf(persons.givenNameEnc, first!.id);
    expect(newOnly.decrypt(after!.givenNameEnc, given)).toBe(t.keyRing.decrypt(first!.givenNameEnc, given));
    expect(await new AttachmentStore(attachments.directory, newOnly).get(address)).toEqual(evidence);
    expect((await new ImportFiles(imports.directory, newOnly).get(importId))?.toString()).toBe('prs_FirstName\r\nAye Aye\r\n');
  }, 60_000);

  it('finds every encrypted column in the schema, and no ciphertext lives outside one', async () => {
    const columns = await asSystem(t.database.db, encryptedColumns);
    const listed = new Set([...columns].flatMap(([table, names]) => names.map((name) => `${table}.${name}`)));
    expect(listed.has('persons.given_name_enc')).toBe(true);
    expect(listed.has('htcds_imports.file_name_enc')).toBe(true);
    expect([...(await ciphertextsEverywhere()).keys()].filter((column) => !listed.has(column))).toEqual([]);
  });
});
