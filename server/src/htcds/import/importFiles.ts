import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { KeyRing } from '../../crypto/keyRing.js';
import { rotateFilesIn } from '../../crypto/rotateFiles.js';

const UUID = /^[0-9a-f-]{36}$/;

/**
 * Uploaded import files, encrypted with the key ring, one per import job: they hold identity
 * data and wait only until the job has read them (a checked file until it is imported or
 * forgotten). Not content-addressed on purpose: deleting one job's file must never take
 * another's.
 */
export class ImportFiles {
  constructor(
    readonly directory: string,
    private readonly keyRing: KeyRing,
  ) {}

  private pathOf(importId: string) {
    if (!UUID.test(importId)) throw new Error('Not an import id');
    return path.join(this.directory, importId);
  }

  async put(importId: string, bytes: Buffer): Promise<void> {
    await fs.mkdir(this.directory, { recursive: true, mode: 0o700 });
    const target = this.pathOf(importId);
    const temporary = `${target}.${randomUUID()}.tmp`;
    await fs.writeFile(temporary, this.keyRing.encryptBytes(bytes), { mode: 0o600 });
    await fs.rename(temporary, target);
  }

  async get(importId: string): Promise<Buffer | null> {
    try {
      return this.keyRing.decryptBytes(await fs.readFile(this.pathOf(importId)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Re-encrypts the files still under an older key; answers how many changed. */
  rotate(): Promise<number> {
    return rotateFilesIn(this.directory, this.keyRing);
  }

  async copy(fromImportId: string, toImportId: string): Promise<boolean> {
    const bytes = await this.get(fromImportId);
    if (!bytes) return false;
    await this.put(toImportId, bytes);
    return true;
  }

  /** The imports whose files are kept, with when each was written. */
  async list(): Promise<{ importId: string; writtenAt: Date }[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const kept = names.filter((name) => UUID.test(name));
    return Promise.all(kept.map(async (name) => ({ importId: name, writtenAt: (await fs.stat(this.pathOf(name))).mtime })));
  }

  async remove(importId: string): Promise<void> {
    await fs.rm(this.pathOf(importId), { force: true });
  }
}
