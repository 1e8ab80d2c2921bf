import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { KeyRing } from '../crypto/keyRing.js';
import { rotateFilesIn } from '../crypto/rotateFiles.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Attachments on disk, content-addressed by the SHA-256 of the stored plaintext and encrypted
 * with the key ring (the file name and everything else about a file live in the database, under
 * row-level security). The same content uploaded twice is stored once.
 */
export class AttachmentStore {
  constructor(
    readonly directory: string,
    private readonly keyRing: KeyRing,
  ) {}

  private pathOf(sha256: string) {
    if (!SHA256_HEX.test(sha256)) throw new Error('Not a SHA-256 content address');
    return path.join(this.directory, sha256.slice(0, 2), sha256);
  }

  /** Stores the bytes and answers their content address; written to a temporary name first so a crash leaves no half file. */
  async put(plaintext: Buffer): Promise<string> {
    const sha256 = sha256Of(plaintext);
    const target = this.pathOf(sha256);
    if (await exists(target)) return sha256;
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temporary = `${target}.${randomUUID()}.tmp`;
    await fs.writeFile(temporary, this.keyRing.encryptBytes(plaintext), { mode: 0o600 });
    await fs.rename(temporary, target);
    return sha256;
  }

  /** Re-encrypts the files still under an older key; answers how many changed. */
  rotate(): Promise<number> {
    return rotateFilesIn(this.directory, this.keyRing);
  }

  /** The plaintext, checked against its address so a swapped or damaged file is never served. */
  async get(sha256: string): Promise<Buffer> {
    const plaintext = this.keyRing.decryptBytes(await fs.readFile(this.pathOf(sha256)));
    if (sha256Of(plaintext) !== sha256) throw new Error('Stored file does not match its content address');
    return plaintext;
  }
}

async function exists(file: string) {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
