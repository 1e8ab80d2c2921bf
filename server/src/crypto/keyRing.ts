import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeKeyFileOnce } from './keyFileOnce.js';

const key32 = z.string().refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

export const keyRingFileSchema = z.object({
  activeKeyId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  keys: z.record(z.string(), key32),
  blindIndexKey: key32,
});
export type KeyRingFile = z.infer<typeof keyRingFileSchema>;

/** Values written before ciphertexts were bound to their place; read only to rebind them. */
const UNBOUND_FORMAT = 'v1';
const FORMAT = 'v2';
const BLOB_MAGIC = Buffer.from('SLB1', 'ascii');
const IV_BYTES = 12;
const TAG_BYTES = 16;

const blobHeader = (keyId: string) => {
  const id = Buffer.from(keyId, 'utf8');
  return Buffer.concat([BLOB_MAGIC, Buffer.from([id.length]), id]);
};

/**
 * Where a ciphertext lives: table, column and the row's id. It is authenticated with the value
 * (AES-GCM associated data), so a value copied into another row or column — someone with write
 * access to the database moving a victim's name into a record they may read — does not decrypt.
 * Build it with `placeOf(table.column, rowId)` (server/src/db/cipherPlace.ts); choose the row's id
 * before inserting (`randomUUID()`), since the value is encrypted before the row exists.
 */
export type CipherBinding = { table: string; column: string; id: string };

const associatedData = (keyId: string, { table, column, id }: CipherBinding) =>
  Buffer.from([FORMAT, keyId, table, column, id].join('\u001f'), 'utf8');

/**
 * Column-level encryption for identity data: AES-256-GCM with the key id stored beside each
 * value (`v2:<keyId>:<iv>:<tag>:<ciphertext>`), so keys rotate without a flag day, bound to its
 * place (CipherBinding); and HMAC blind indexes for exact-match lookups on values nobody may read
 * in bulk.
 */
export class KeyRing {
  private readonly keys: Map<string, Buffer>;
  private readonly blindKey: Buffer;
  readonly activeKeyId: string;

  constructor(file: KeyRingFile) {
    const parsed = keyRingFileSchema.parse(file);
    this.keys = new Map(Object.entries(parsed.keys).map(([id, key]) => [id, Buffer.from(key, 'base64')]));
    if (!this.keys.has(parsed.activeKeyId)) throw new Error(`Key ring has no key "${parsed.activeKeyId}"`);
    this.activeKeyId = parsed.activeKeyId;
    this.blindKey = Buffer.from(parsed.blindIndexKey, 'base64');
  }

  encrypt(plaintext: string, binding: CipherBinding): string;
  encrypt(plaintext: string | null | undefined, binding: CipherBinding): string | null;
  encrypt(plaintext: string | null | undefined, binding: CipherBinding): string | null {
    if (plaintext == null) return null;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.activeKeyId), iv);
    cipher.setAAD(associatedData(this.activeKeyId, binding));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [FORMAT, this.activeKeyId, iv.toString('base64'), tag.toString('base64'), ciphertext.toString('base64')].join(':');
  }

  /** Reads a value where it is stored; the same ciphertext anywhere else fails authentication. */
  decrypt(stored: string, binding: CipherBinding): string;
  decrypt(stored: string | null | undefined, binding: CipherBinding): string | null;
  decrypt(stored: string | null | undefined, binding: CipherBinding): string | null {
    if (stored == null) return null;
    const { format, keyId, iv, tag, ciphertext } = parseStored(stored);
    if (format !== FORMAT) throw new Error('Not an encrypted value of a known format');
    const decipher = createDecipheriv('aes-256-gcm', this.key(keyId), iv);
    decipher.setAAD(associatedData(keyId, binding));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  }

  /**
   * A value written before bindings existed (`v1`), for the one step that rewrites it bound to its
   * place; the app itself never accepts one, so an old ciphertext cannot be planted in a row.
   */
  decryptUnbound(stored: string): string {
    const { format, keyId, iv, tag, ciphertext } = parseStored(stored);
    if (format !== UNBOUND_FORMAT) throw new Error('Not an unbound value');
    const decipher = createDecipheriv('aes-256-gcm', this.key(keyId), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  }

  /** How every current value begins: bound to its place, under the active key. */
  get currentPrefix(): string {
    return `${FORMAT}:${this.activeKeyId}:`;
  }

  /**
   * The same AES-256-GCM for files: `SLB1`, the key id's length and the key id, then IV, tag and
   * ciphertext. The header is authenticated too, so a blob cannot be relabelled to another key.
   */
  encryptBytes(plaintext: Buffer): Buffer {
    const header = blobHeader(this.activeKeyId);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.activeKeyId), iv);
    cipher.setAAD(header);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([header, iv, cipher.getAuthTag(), ciphertext]);
  }

  decryptBytes(stored: Buffer): Buffer {
    const keyIdLength = stored[BLOB_MAGIC.length];
    if (!stored.subarray(0, BLOB_MAGIC.length).equals(BLOB_MAGIC) || keyIdLength === undefined) {
      throw new Error('Not an encrypted file of a known format');
    }
    const headerLength = BLOB_MAGIC.length + 1 + keyIdLength;
    if (stored.length < headerLength + IV_BYTES + TAG_BYTES) throw new Error('Not an encrypted file of a known format');
    const keyId = stored.subarray(BLOB_MAGIC.length + 1, headerLength).toString('utf8');
    const iv = stored.subarray(headerLength, headerLength + IV_BYTES);
    const tag = stored.subarray(headerLength + IV_BYTES, headerLength + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key(keyId), iv);
    decipher.setAAD(stored.subarray(0, headerLength));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(stored.subarray(headerLength + IV_BYTES + TAG_BYTES)), decipher.final()]);
  }

  /** Key id an encrypted file was written with (for rotation); undefined for anything else. */
  keyIdOfBytes(stored: Buffer): string | undefined {
    const keyIdLength = stored[BLOB_MAGIC.length];
    if (!stored.subarray(0, BLOB_MAGIC.length).equals(BLOB_MAGIC) || keyIdLength === undefined) return undefined;
    return stored.subarray(BLOB_MAGIC.length + 1, BLOB_MAGIC.length + 1 + keyIdLength).toString('utf8');
  }

  /** Key id a stored value was encrypted with (for rotation). */
  keyIdOf(stored: string): string | undefined {
    return stored.split(':')[1];
  }

  /** Whether a stored value predates bindings. */
  isUnbound(stored: string): boolean {
    return stored.startsWith(`${UNBOUND_FORMAT}:`);
  }

  /** Deterministic keyed hash of a normalised value; `purpose` keeps indexes of different fields apart. */
  blindIndex(purpose: string, value: string | null | undefined): string | null {
    if (value == null) return null;
    const normalised = value
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\-./()+]/g, '');
    if (!normalised) return null;
    return createHmac('sha256', this.blindKey).update(`${purpose}\u001f${normalised}`).digest('base64url');
  }

  /**
   * A MAC key of its own for one purpose, derived from the blind index key (which never rotates):
   * a MAC made for one purpose cannot stand in for a blind index or for another purpose's MAC.
   */
  macKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.blindKey, Buffer.alloc(0), `seamless:${purpose}`, 32));
  }

  private key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new Error(`Key "${id}" is not in the key ring`);
    return key;
  }
}

function parseStored(stored: string) {
  const [format, keyId, iv, tag, ciphertext] = stored.split(':');
  if (!format || !keyId || !iv || !tag || ciphertext === undefined) throw new Error('Not an encrypted value of a known format');
  return {
    format,
    keyId,
    iv: Buffer.from(iv, 'base64'),
    tag: Buffer.from(tag, 'base64'),
    ciphertext: Buffer.from(ciphertext, 'base64'),
  };
}

export function generateKeyRingFile(keyId = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`): KeyRingFile {
  return {
    activeKeyId: keyId,
    keys: { [keyId]: randomBytes(32).toString('base64') },
    blindIndexKey: randomBytes(32).toString('base64'),
  };
}

export const demoKeyFilePath = (dataDir: string) => path.join(dataDir, 'keys.json');

export type KeyRingSource = { keyRing: KeyRing; generatedAt?: string };

/** From SEAMLESS_KEYS when set; otherwise the demo key file in DATA_DIR, created on first start. */
export function loadKeyRing(options: { json?: string; dataDir: string }): KeyRingSource {
  if (options.json) return { keyRing: new KeyRing(keyRingFileSchema.parse(JSON.parse(options.json))) };
  const file = demoKeyFilePath(options.dataDir);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const created = writeKeyFileOnce(file, () => JSON.stringify(generateKeyRingFile(), null, 2));
  const keyRing = new KeyRing(keyRingFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))));
  return created ? { keyRing, generatedAt: file } : { keyRing };
}
