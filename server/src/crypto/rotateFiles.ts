import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { KeyRing } from './keyRing.js';

/** Half-written files of a store (`<name>.<uuid>.tmp`), never read. */
const TEMPORARY = /\.tmp$/;

/**
 * Re-encrypts, one at a time, every file below `directory` that is not yet under the key ring's
 * active key, each through a temporary file renamed over it, so a reader meets the old file or
 * the new one, never half of either. Safe to stop and repeat. A file deleted by the app while it
 * is rewritten may come back: both stores sweep or overwrite what nobody refers to. Returns how
 * many files changed.
 */
export async function rotateFilesIn(directory: string, keyRing: KeyRing): Promise<number> {
  let entries: string[];
  try {
    entries = await fs.readdir(directory, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let changed = 0;
  for (const entry of entries) {
    if (TEMPORARY.test(entry)) continue;
    const file = path.join(directory, entry);
    if (!(await fs.stat(file)).isFile()) continue;
    const stored = await fs.readFile(file);
    const keyId = keyRing.keyIdOfBytes(stored);
    if (keyId === undefined || keyId === keyRing.activeKeyId) continue;
    const temporary = `${file}.${randomUUID()}.tmp`;
    await fs.writeFile(temporary, keyRing.encryptBytes(keyRing.decryptBytes(stored)), { mode: 0o600 });
    await fs.rename(temporary, file);
    changed++;
  }
  return changed;
}
