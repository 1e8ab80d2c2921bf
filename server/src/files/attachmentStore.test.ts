import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyRingFile, KeyRing } from '../crypto/keyRing.js';
import { AttachmentStore, sha256Of } from './attachmentStore.js';

let directory: string;
let store: AttachmentStore;
const keyRing = new KeyRing(generateKeyRingFile('k1'));

beforeAll(async () => {
  directory = await fs.mkdtemp(path.join(os.tmpdir(), 'seamless-store-'));
  store = new AttachmentStore(path.join(directory, 'attachments'), keyRing);
});
afterAll(() => fs.rm(directory, { recursive: true, force: true }));

async function filesUnder(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('AttachmentStore', () => {
  it('stores a file once under the SHA-256 of its content, encrypted on disk', async () => {
    const statement = Buffer.from('%PDF-1.7 Statement of Aye Aye Khine, recruited in Tachileik');
    const address = await store.put(statement);
    expect(address).toBe(sha256Of(statement));
    expect(await store.put(Buffer.from(statement))).toBe(address);

    const files = await filesUnder(directory);
    expect(files).toEqual([path.join(directory, 'attachments', address.slice(0, 2), address)]);
    const onDisk = await fs.readFile(files[0]!);
    expect(onDisk.includes('Aye Aye')).toBe(false);
    expect(onDisk.includes('%PDF')).toBe(false);
    expect((await store.get(address)).equals(statement)).toBe(true);
  });

  it('refuses to serve a file that does not match its address, and addresses that are not hashes', async () => {
    const first = await store.put(Buffer.from('first file'));
    const second = await store.put(Buffer.from('second file'));
    const swapped = path.join(directory, 'attachments', first.slice(0, 2), first);
    await fs.copyFile(path.join(directory, 'attachments', second.slice(0, 2), second), swapped);
    await expect(store.get(first)).rejects.toThrow(/content address/);
    await expect(store.get('../../keys.json')).rejects.toThrow(/SHA-256/);
    await expect(store.get('0'.repeat(64))).rejects.toThrow(/ENOENT/);
  });
});
