import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { INSTANCE_DOCUMENT_FORMAT, type InstanceDocument } from '@seamless/contracts';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { z } from 'zod';
import { writeKeyFileOnce } from '../crypto/keyFileOnce.js';
import type { PublicJwk } from '../db/schema/federation.js';

const privateOkp = (curve: 'Ed25519' | 'X25519') =>
  z.object({ kty: z.literal('OKP'), crv: z.literal(curve), x: z.string().min(43), d: z.string().min(43) }).strict();

const retiredKeysSchema = z
  .object({ signing: privateOkp('Ed25519'), encryption: privateOkp('X25519'), retiredAt: z.string().datetime() })
  .strict();

/**
 * The key file. `instanceId` is written once keys are rotated: partners know the instance by it,
 * so it stays while the keys change. `previous` keeps the keys of earlier rotations for as long
 * as a packet sealed for them may still arrive.
 */
export const instanceKeysFileSchema = z
  .object({
    instanceId: z
      .string()
      .regex(/^[a-z]{2}-[0-9a-f]{16}$/)
      .optional(),
    signing: privateOkp('Ed25519'),
    encryption: privateOkp('X25519'),
    previous: z.array(retiredKeysSchema).optional(),
  })
  .strict();
export type InstanceKeysFile = z.infer<typeof instanceKeysFileSchema>;

/** The key objects jose signs, verifies, encrypts and decrypts with. */
type KeyObject = Awaited<ReturnType<typeof importJWK>>;

export const SIGNING_ALGORITHM = 'Ed25519';
export const KEY_WRAPPING = 'ECDH-ES+A256KW';

export const publicPart = (jwk: { kty: 'OKP'; crv: string; x: string }): PublicJwk => ({ kty: 'OKP', crv: jwk.crv, x: jwk.x }) as PublicJwk;

/**
 * SHA-256 over both public keys in a fixed order, written as sixteen groups of four hex digits:
 * what two admins read to each other before trusting each other's instance.
 */
export function fingerprintOf(signingKey: PublicJwk, encryptionKey: PublicJwk): string {
  const digest = createHash('sha256').update(`${signingKey.crv}:${signingKey.x}|${encryptionKey.crv}:${encryptionKey.x}`).digest('hex');
  return digest.toUpperCase().match(/.{4}/g)!.join(' ');
}

/** A fingerprint as someone typed it: spaces, dashes and case do not matter. */
export const sameFingerprint = (expected: string, typed: string) =>
  expected.replace(/[^0-9A-F]/gi, '').toUpperCase() === typed.replace(/[^0-9A-F]/gi, '').toUpperCase();

/** The public half of a key file as an identity document shows it: both keys and their fingerprint. */
export function publicKeysOf(keys: Pick<InstanceKeysFile, 'signing' | 'encryption'>) {
  const signingKey = publicPart(keys.signing) as InstanceDocument['signingKey'];
  const encryptionKey = publicPart(keys.encryption) as InstanceDocument['encryptionKey'];
  return { signingKey, encryptionKey, fingerprint: fingerprintOf(signingKey, encryptionKey) };
}

export const instanceIdOf = (country: string, fingerprint: string) =>
  `${country.toLowerCase()}-${fingerprint.replace(/ /g, '').slice(0, 16).toLowerCase()}`;

export async function generateInstanceKeys(): Promise<InstanceKeysFile> {
  const signing = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const encryption = await generateKeyPair(KEY_WRAPPING, { crv: 'X25519', extractable: true });
  return instanceKeysFileSchema.parse({ signing: await exportJWK(signing.privateKey), encryption: await exportJWK(encryption.privateKey) });
}

type KeyPair = { signing: KeyObject; encryption: KeyObject };

async function importKeys(keys: Pick<InstanceKeysFile, 'signing' | 'encryption'>): Promise<KeyPair> {
  return {
    signing: await importJWK(keys.signing as JWK, SIGNING_ALGORITHM),
    encryption: await importJWK(keys.encryption as JWK, KEY_WRAPPING),
  };
}

type IdentityOptions = { country: string; name: string; url?: string; keyFile?: string };

/**
 * This instance as partners know it: its country and name, and the private halves of the keys
 * whose public halves its identity document publishes. After a rotation the object takes the new
 * keys in place, so every route and runner holding it signs with them from then on.
 */
export class InstanceIdentity {
  readonly instanceId: string;
  readonly country: string;
  readonly name: string;
  /** Where the keys are kept, when they came from a file this instance may rewrite. */
  readonly keyFile: string | null;
  private readonly configuredUrl: string | undefined;
  private keys!: InstanceKeysFile;
  private current!: KeyPair;
  private retiredDecrypters: KeyObject[] = [];
  signingKey!: PublicJwk;
  encryptionKey!: PublicJwk;
  fingerprint!: string;

  private constructor(options: IdentityOptions, instanceId: string) {
    this.country = options.country;
    this.name = options.name;
    this.configuredUrl = options.url;
    this.keyFile = options.keyFile ?? null;
    this.instanceId = instanceId;
  }

  static async fromKeys(keys: InstanceKeysFile, options: IdentityOptions) {
    const parsed = instanceKeysFileSchema.parse(keys);
    const fingerprint = fingerprintOf(publicPart(parsed.signing), publicPart(parsed.encryption));
    const identity = new InstanceIdentity(options, parsed.instanceId ?? instanceIdOf(options.country, fingerprint));
    await identity.adopt(parsed);
    return identity;
  }

  /** Takes these keys as the current ones (at start, or once a rotation is committed). */
  async adopt(keys: InstanceKeysFile) {
    const parsed = instanceKeysFileSchema.parse(keys);
    const current = await importKeys(parsed);
    const retired = await Promise.all((parsed.previous ?? []).map(async (old) => (await importKeys(old)).encryption));
    this.keys = parsed;
    this.current = current;
    this.retiredDecrypters = retired;
    this.signingKey = publicPart(parsed.signing);
    this.encryptionKey = publicPart(parsed.encryption);
    this.fingerprint = fingerprintOf(this.signingKey, this.encryptionKey);
  }

  /** The key this instance signs packets and receipts with. */
  get signer(): KeyObject {
    return this.current.signing;
  }

  /** The keys that may open a packet sealed for this instance: the current one first, then retired ones. */
  get decrypters(): KeyObject[] {
    return [this.current.encryption, ...this.retiredDecrypters];
  }

  /**
   * The key file after a rotation: new keys, the current ones retired now, and the earlier retired
   * ones only while a packet sealed for them could still be valid (`keepDays`, the packet lifetime).
   */
  async rotatedKeys(now: Date, keepDays: number): Promise<InstanceKeysFile> {
    const fresh = await generateInstanceKeys();
    const keepSince = now.getTime() - keepDays * 86_400_000;
    const stillValid = (this.keys.previous ?? []).filter((old) => new Date(old.retiredAt).getTime() > keepSince);
    return instanceKeysFileSchema.parse({
      instanceId: this.instanceId,
      signing: fresh.signing,
      encryption: fresh.encryption,
      previous: [{ signing: this.keys.signing, encryption: this.keys.encryption, retiredAt: now.toISOString() }, ...stillValid],
    });
  }

  /** `baseUrl`: where the caller reached us, when no INSTANCE_URL says where partners should. */
  document(baseUrl: string): InstanceDocument {
    return {
      format: INSTANCE_DOCUMENT_FORMAT,
      instanceId: this.instanceId,
      country: this.country,
      name: this.name,
      endpoint: this.configuredUrl ?? baseUrl,
      signingKey: this.signingKey as InstanceDocument['signingKey'],
      encryptionKey: this.encryptionKey as InstanceDocument['encryptionKey'],
      fingerprint: this.fingerprint,
    };
  }
}

export const instanceKeyFilePath = (dataDir: string) => path.join(dataDir, 'instance-keys.json');

const DEFAULT_NAMES: Record<string, string> = { TH: 'Seamless Thailand', KH: 'Seamless Cambodia' };

/** From SEAMLESS_INSTANCE_KEYS when set; otherwise the key file in DATA_DIR, created on first start. */
export async function loadInstanceIdentity(options: {
  json?: string;
  dataDir: string;
  country: string;
  name?: string;
  url?: string;
}): Promise<InstanceIdentity> {
  const name = options.name ?? DEFAULT_NAMES[options.country] ?? `Seamless ${options.country}`;
  const describe = { country: options.country, name, url: options.url };
  if (options.json) return InstanceIdentity.fromKeys(instanceKeysFileSchema.parse(JSON.parse(options.json)), describe);
  const file = instanceKeyFilePath(options.dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const keys = JSON.stringify(await generateInstanceKeys(), null, 2);
    writeKeyFileOnce(file, () => keys);
  }
  return InstanceIdentity.fromKeys(instanceKeysFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))), {
    ...describe,
    keyFile: file,
  });
}

/** Replaces the key file in one step (write aside, then rename), so a crash leaves the old or the new file whole. */
export function writeKeyFile(file: string, keys: InstanceKeysFile) {
  const aside = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(aside, JSON.stringify(keys, null, 2), { mode: 0o600 });
  fs.renameSync(aside, file);
}
