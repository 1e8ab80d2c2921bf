import { CANONICAL_KEY_32 } from '@seamless/contracts';
import { eq, sql } from 'drizzle-orm';
import { CompactSign, compactVerify, importJWK, type JWK } from 'jose';
import { z } from 'zod';
import { recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { type PublicJwk, partnerInstances, type RetiredPartnerKey } from '../db/schema/index.js';
import { type PacketApplier, PacketRefused } from './inbox.js';
import { fingerprintOf, type InstanceKeysFile, publicPart, SIGNING_ALGORITHM } from './instanceIdentity.js';

const PROOF_TYPE = 'seamless-key-proof';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const okp = (curve: 'Ed25519' | 'X25519') =>
  z.object({ kty: z.literal('OKP'), crv: z.literal(curve), x: z.string().regex(CANONICAL_KEY_32) });

/**
 * The body of a key_rotation packet: the new public keys, and a proof made with the new signing
 * key. The packet itself is signed with the old key, which the partner trusts: that ties the new
 * keys to the instance the partner confirmed by fingerprint, without the admins meeting again.
 */
const announcementSchema = z
  .object({
    signingKey: okp('Ed25519'),
    encryptionKey: okp('X25519'),
    fingerprint: z.string(),
    proof: z.string().max(2000),
    /**
     * SHA-256 (hex) of each packet to this partner sealed with the old keys and not yet settled:
     * the old key verifies exactly these bytes, nothing else under their ids.
     */
    inFlight: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(100_000),
  })
  .strict();
export type KeyAnnouncement = z.infer<typeof announcementSchema>;

const proofSchema = z.object({ instanceId: z.string(), fingerprint: z.string() }).strict();

/** What this instance tells a partner about keys it is about to take, naming what is still on its way to it. */
export async function announcementOf(instanceId: string, keys: InstanceKeysFile, inFlight: string[]): Promise<KeyAnnouncement> {
  const signingKey = publicPart(keys.signing);
  const encryptionKey = publicPart(keys.encryption);
  const fingerprint = fingerprintOf(signingKey, encryptionKey);
  const proof = await new CompactSign(encoder.encode(JSON.stringify({ instanceId, fingerprint })))
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, typ: PROOF_TYPE })
    .sign(await importJWK(keys.signing as JWK, SIGNING_ALGORITHM));
  return {
    signingKey: signingKey as KeyAnnouncement['signingKey'],
    encryptionKey: encryptionKey as KeyAnnouncement['encryptionKey'],
    fingerprint,
    proof,
    inFlight,
  };
}

/** Whether the announcement's keys are what it says, and its proof was made with the new signing key for this instance. */
async function provenFor(instanceId: string, announced: KeyAnnouncement): Promise<boolean> {
  if (announced.fingerprint !== fingerprintOf(announced.signingKey as PublicJwk, announced.encryptionKey as PublicJwk)) return false;
  try {
    const verified = await compactVerify(announced.proof, await importJWK(announced.signingKey as JWK, SIGNING_ALGORITHM), {
      algorithms: [SIGNING_ALGORITHM],
    });
    if (verified.protectedHeader.typ !== PROOF_TYPE) return false;
    const claim = proofSchema.parse(JSON.parse(decoder.decode(verified.payload)));
    return claim.instanceId === instanceId && claim.fingerprint === announced.fingerprint;
  } catch {
    return false;
  }
}

/**
 * Receives a partner's new keys. From now on its packets and receipts are checked with the new
 * signing key and what we send is sealed for the new encryption key; the old signing key is still
 * accepted for `packetDays`, the longest a packet it signed before the rotation can stay valid.
 */
export function keyRotationApplier(packetDays: number, ownFingerprint: () => string): PacketApplier {
  return async (tx: Tx, { content, partner }) => {
    const parsed = announcementSchema.safeParse(content.body);
    if (!parsed.success || !(await provenFor(partner.instanceId, parsed.data))) throw new PacketRefused('invalid_content');
    const announced = parsed.data;
    const [current] = await tx.select().from(partnerInstances).where(eq(partnerInstances.id, partner.id)).for('update');
    if (!current || current.fingerprint === announced.fingerprint) return;
    // Keys this instance or another partner holds, or held, are nobody's new keys.
    const [clash] = await tx
      .select({ id: partnerInstances.id })
      .from(partnerInstances)
      .where(
        sql`${partnerInstances.fingerprint} = ${announced.fingerprint}
          or ${partnerInstances.previousKeys} @> ${JSON.stringify([{ fingerprint: announced.fingerprint }])}::jsonb`,
      );
    if (clash || announced.fingerprint === ownFingerprint()) throw new PacketRefused('invalid_content');
    const now = new Date();
    const retired: RetiredPartnerKey = {
      signingKey: current.signingKey,
      fingerprint: current.fingerprint,
      retiredAt: now.toISOString(),
      acceptedUntil: new Date(now.getTime() + packetDays * 86_400_000).toISOString(),
      inFlight: announced.inFlight,
    };
    await tx
      .update(partnerInstances)
      .set({
        signingKey: announced.signingKey as PublicJwk,
        encryptionKey: announced.encryptionKey as PublicJwk,
        fingerprint: announced.fingerprint,
        // Kept after they stop verifying anything: a key once retired is never anyone's new key.
        previousKeys: [retired, ...current.previousKeys],
        keysRotatedAt: now,
      })
      .where(eq(partnerInstances.id, current.id));
    await recordAudit(
      tx,
      { actor: null },
      {
        action: 'federation.partner_keys_rotated',
        resourceType: 'partner',
        resourceId: current.id,
        details: { previousFingerprint: current.fingerprint, fingerprint: announced.fingerprint, packetId: content.id },
      },
    );
  };
}

/** Partners told of a rotation: every one not revoked (a suspended one learns it when trusted again). */
export const partnersToTell = (tx: Tx) => tx.select().from(partnerInstances).where(sql`${partnerInstances.status} <> 'revoked'`);
