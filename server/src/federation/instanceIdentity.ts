import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { INSTANCE_DOCUMENT_FORMAT, type InstanceDocument } from '@seamless/contracts';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { z } from 'zod';
import type { PublicJwk } from '../db/schema/federation.js';

const privateOkp = (curve: 'Ed25519' | 'X25519') =>
  z.object({ kty: z.literal('OKP'), crv: z.literal(curve), x: z.string().min(43), d: z.string().min(43) }).strict();

export const instanceKeysFileSchema = z.object({ signing: privateOkp('Ed25519'), encryption: privateOkp('X25519') }).strict();
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

export const instanceIdOf = (country: string, fingerprint: string) =>
  `${country.toLowerCase()}-${fingerprint.replace(/ /g, '').slice(0, 16).toLowerCase()}`;

export async function generateInstanceKeys(): Promise<InstanceKeysFile> {
  const signing = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const encryption = await generateKeyPair(KEY_WRAPPING, { crv: 'X25519', extractable: true });
  return instanceKeysFileSchema.parse({ signing: await exportJWK(signing.privateKey), encryption: await exportJWK(encryption.privateKey) });
}

/**
 * This instance as partners know it: its country and name, and the private halves of the keys
 * whose public halves its identity document publishes.
 */
export class InstanceIdentity {
  readonly signingKey: PublicJwk;
  readonly encryptionKey: PublicJwk;
  readonly fingerprint: string;
  readonly instanceId: string;

  private constructor(
    readonly country: string,
    readonly name: string,
    private readonly configuredUrl: string | undefined,
    private readonly signingPrivate: KeyObject,
    private readonly encryptionPrivate: KeyObject,
    keys: InstanceKeysFile,
  ) {
    this.signingKey = publicPart(keys.signing);
    this.encryptionKey = publicPart(keys.encryption);
    this.fingerprint = fingerprintOf(this.signingKey, this.encryptionKey);
    this.instanceId = instanceIdOf(country, this.fingerprint);
  }

  static async fromKeys(keys: InstanceKeysFile, options: { country: string; name: string; url?: string }) {
    const parsed = instanceKeysFileSchema.parse(keys);
    return new InstanceIdentity(
      options.country,
      options.name,
      options.url,
      await importJWK(parsed.signing as JWK, SIGNING_ALGORITHM),
      await importJWK(parsed.encryption as JWK, KEY_WRAPPING),
      parsed,
    );
  }

  /** The key this instance signs packets and receipts with. */
  get signer(): KeyObject {
    return this.signingPrivate;
  }

  /** The key that opens packets sealed for this instance. */
  get decrypter(): KeyObject {
    return this.encryptionPrivate;
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
    fs.writeFileSync(file, JSON.stringify(await generateInstanceKeys(), null, 2), { mode: 0o600, flag: 'wx' });
  }
  return InstanceIdentity.fromKeys(instanceKeysFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))), describe);
}
