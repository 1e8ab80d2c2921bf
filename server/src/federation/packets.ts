import { createHash } from 'node:crypto';
import {
  isoDate,
  PACKET_KINDS,
  PACKET_REFUSALS,
  PACKET_VERSION,
  type PacketRefusal,
  type PacketRejection,
  RECEIPT_OUTCOMES,
  type ReceiptOutcome,
} from '@seamless/contracts';
import { CompactEncrypt, CompactSign, compactDecrypt, compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { z } from 'zod';
import type { ConsentSnapshot, PublicJwk } from '../db/schema/federation.js';
import { type InstanceIdentity, KEY_WRAPPING, SIGNING_ALGORITHM } from './instanceIdentity.js';

const PACKET_TYPE = 'seamless-packet';
/** Clocks of two instances may disagree a little; a packet "issued" further ahead is refused. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** The longest FEDERATION_PACKET_DAYS allows, and a day. */
const LONGEST_LIFE_MS = 366 * 86_400_000;
const RECEIPT_TYPE = 'seamless-receipt';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const consentSnapshotSchema = z.object({
  id: z.string().uuid(),
  purpose: z.string(),
  sections: z.array(z.string()),
  countries: z.array(z.string()),
  givenBy: z.enum(['victim', 'guardian']),
  givenOn: isoDate,
  expiresOn: isoDate.nullable(),
});

/** What the sender signs: who to whom, which thread and step, the consent relied on, and the body. */
export const packetContentSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(PACKET_KINDS),
  version: z.number().int(),
  from: z.string(),
  to: z.string(),
  issuedAt: z.string().datetime(),
  expiresAt: z.string().datetime(),
  thread: z.string().uuid(),
  // The inbox keeps it as a 4-byte integer.
  sequence: z.number().int().positive().max(2_147_483_647),
  consent: consentSnapshotSchema.nullable(),
  body: z.record(z.string(), z.unknown()),
});
export type PacketContent = Omit<z.infer<typeof packetContentSchema>, 'consent'> & { consent: ConsentSnapshot | null };

/** The partner as the receiver knows it: what it needs to check a packet or receipt. */
export type KnownPartner = {
  id: string;
  instanceId: string;
  status: 'active' | 'suspended' | 'revoked';
  signingKey: PublicJwk;
  encryptionKey: PublicJwk;
  /** Set when the signature is by a key the partner rotated away from: the packets it still verifies. */
  retiredKeyInFlight?: string[];
};

const keyIdOf = (fingerprint: string) => fingerprint.replace(/ /g, '').toLowerCase();

/** Signed by us, then encrypted for the partner: only it can read it, and it knows we wrote it. */
export async function sealPacket(identity: InstanceIdentity, partner: Pick<KnownPartner, 'encryptionKey'>, content: PacketContent) {
  const signed = await new CompactSign(encoder.encode(JSON.stringify(content)))
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, typ: PACKET_TYPE, kid: keyIdOf(identity.fingerprint) })
    .sign(identity.signer);
  const recipientKey = await importJWK(partner.encryptionKey as JWK, KEY_WRAPPING);
  return new CompactEncrypt(encoder.encode(signed))
    .setProtectedHeader({ alg: KEY_WRAPPING, enc: 'A256GCM', cty: 'JWS', typ: PACKET_TYPE, kid: content.to })
    .encrypt(recipientKey);
}

export class PacketRejected extends Error {
  constructor(
    readonly reason: PacketRejection,
    readonly partnerId: string | null = null,
    readonly packetId: string | null = null,
  ) {
    super(`packet rejected: ${reason}`);
  }
}

/** A sealed packet's fingerprint: what a partner that rotates its keys names as still on its way. */
export const sealedDigest = (sealed: string) => createHash('sha256').update(sealed.trim()).digest('hex');

/** Whether a text is a sealed packet (JWE, five parts) rather than a receipt (JWS, three). */
export const isSealedPacket = (text: string) => text.trim().split('.').length === 5;

/**
 * Opens a packet addressed to this instance and checks everything before anything is applied:
 * that it decrypts with our key, was signed by a partner we trust now, names us as its receiver,
 * has not expired and speaks a version we know. Throws PacketRejected with the reason otherwise.
 */
export async function openPacket(
  identity: InstanceIdentity,
  sealed: string,
  partnerByKeyId: (keyId: string) => Promise<KnownPartner | null>,
  now = new Date(),
): Promise<{ content: PacketContent; partner: KnownPartner }> {
  if (typeof sealed !== 'string' || !isSealedPacket(sealed)) throw new PacketRejected('malformed');
  let signed: string | null = null;
  // A packet sealed just before we rotated our keys still opens with the retired key.
  for (const decrypter of identity.decrypters) {
    try {
      signed = decoder.decode((await compactDecrypt(sealed.trim(), decrypter)).plaintext);
      break;
    } catch {}
  }
  if (signed === null) throw new PacketRejected('undecryptable');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(signed);
  } catch {
    throw new PacketRejected('bad_signature');
  }
  // A key id is a fingerprint's 64 hex digits: anything else names no partner, and is not looked up.
  const partner = typeof header.kid === 'string' && /^[0-9a-f]{64}$/.test(header.kid) ? await partnerByKeyId(header.kid) : null;
  if (!partner) throw new PacketRejected('unknown_sender');
  let payload: Uint8Array;
  try {
    const verified = await compactVerify(signed, await importJWK(partner.signingKey as JWK, SIGNING_ALGORITHM), {
      algorithms: [SIGNING_ALGORITHM],
    });
    if (verified.protectedHeader.typ !== PACKET_TYPE) throw new Error('not a packet');
    payload = verified.payload;
  } catch {
    // Not the partner's signature: nothing is attributed to the partner, nor told of its standing.
    throw new PacketRejected('bad_signature');
  }
  if (partner.status === 'revoked') throw new PacketRejected('partner_revoked', partner.id);
  if (partner.status === 'suspended') throw new PacketRejected('partner_suspended', partner.id);
  let parsed: z.infer<typeof packetContentSchema>;
  try {
    parsed = packetContentSchema.parse(JSON.parse(decoder.decode(payload)));
  } catch {
    throw new PacketRejected('malformed', partner.id);
  }
  if (parsed.version !== PACKET_VERSION) throw new PacketRejected('unsupported_version', partner.id, parsed.id);
  if (parsed.to !== identity.instanceId) throw new PacketRejected('wrong_recipient', partner.id, parsed.id);
  if (parsed.from !== partner.instanceId) throw new PacketRejected('unknown_sender', partner.id, parsed.id);
  if (new Date(parsed.expiresAt) <= now) throw new PacketRejected('expired', partner.id, parsed.id);
  // Issued in the future or valid for longer than any instance lets a packet live: not a packet we take.
  const issued = new Date(parsed.issuedAt).getTime();
  if (issued > now.getTime() + CLOCK_SKEW_MS || new Date(parsed.expiresAt).getTime() - issued > LONGEST_LIFE_MS) {
    throw new PacketRejected('malformed', partner.id, parsed.id);
  }
  // A retired key speaks only for the packets the partner named as on their way when it rotated.
  if (partner.retiredKeyInFlight && (parsed.kind === 'key_rotation' || !partner.retiredKeyInFlight.includes(sealedDigest(sealed)))) {
    throw new PacketRejected('unknown_sender', partner.id, parsed.id);
  }
  return { content: parsed as PacketContent, partner };
}

const receiptSchema = z.object({
  packetId: z.string().uuid(),
  from: z.string(),
  to: z.string(),
  outcome: z.enum(RECEIPT_OUTCOMES),
  refusal: z.enum(PACKET_REFUSALS).nullable(),
  at: z.string().datetime(),
});
export type Receipt = z.infer<typeof receiptSchema>;

/** The receiver's signed word that a packet arrived: it ends the sender's retries. */
export async function signReceipt(
  identity: InstanceIdentity,
  partner: Pick<KnownPartner, 'instanceId'>,
  packetId: string,
  outcome: ReceiptOutcome,
  refusal: PacketRefusal | null,
  now = new Date(),
) {
  const receipt: Receipt = { packetId, from: identity.instanceId, to: partner.instanceId, outcome, refusal, at: now.toISOString() };
  return new CompactSign(encoder.encode(JSON.stringify(receipt)))
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, typ: RECEIPT_TYPE, kid: keyIdOf(identity.fingerprint) })
    .sign(identity.signer);
}

/**
 * A receipt counts only when the partner signed it for us with its current key; null otherwise. A
 * receipt the partner signs after rotating, before we know its new keys, fails here: the packet is
 * sent again and answered duplicate with a receipt we can check.
 */
export async function verifyReceipt(identity: InstanceIdentity, partner: KnownPartner, signed: string): Promise<Receipt | null> {
  if (partner.retiredKeyInFlight) return null;
  try {
    const verified = await compactVerify(signed.trim(), await importJWK(partner.signingKey as JWK, SIGNING_ALGORITHM), {
      algorithms: [SIGNING_ALGORITHM],
    });
    if (verified.protectedHeader.typ !== RECEIPT_TYPE) return null;
    const receipt = receiptSchema.parse(JSON.parse(decoder.decode(verified.payload)));
    return receipt.to === identity.instanceId && receipt.from === partner.instanceId ? receipt : null;
  } catch {
    return null;
  }
}

/** The key id a receipt names, to find whose it is when it arrives as a file. */
export function receiptKeyId(signed: string): string | null {
  try {
    const kid = decodeProtectedHeader(signed.trim()).kid;
    return typeof kid === 'string' ? kid : null;
  } catch {
    return null;
  }
}
