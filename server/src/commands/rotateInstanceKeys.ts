import { randomUUID } from 'node:crypto';
import type { KeyRotationResult } from '@seamless/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { federationOutbox } from '../db/schema/index.js';
import { publicKeysOf, writeKeyFile } from '../federation/instanceIdentity.js';
import { announcementOf, partnersToTell } from '../federation/keyRotation.js';
import { enqueuePacket, type OutboxSettings } from '../federation/outbox.js';
import { sealedDigest } from '../federation/packets.js';
import { conflict } from '../http/problem.js';
import type { Actor } from '../policies/actor.js';

export type RotateInstanceKeysProps = { tx: Tx; outbox: OutboxSettings; actor: Actor; audit: AuditContext; baseUrl: string; now?: Date };

/**
 * Gives this instance new keys without the partners registering it anew: each partner is sent
 * the new public keys in a packet signed with the old ones, which it trusts. The key file is
 * rewritten as the transaction's last step; the caller takes the new keys once it commits (and
 * puts the old file back if it does not). The old keys stay for as long as a packet sealed for
 * them may still arrive.
 */
export async function rotateInstanceKeys({ tx, outbox, actor, audit, baseUrl, now = new Date() }: RotateInstanceKeysProps) {
  const { identity } = outbox;
  if (!identity.keyFile) {
    throw conflict("This instance's keys are set by SEAMLESS_INSTANCE_KEYS: rotate them where that setting is kept.");
  }
  const keys = await identity.rotatedKeys(now, outbox.packetDays);
  const next = publicKeysOf(keys);
  // The keys and their proof are the same for every partner; only what is on its way to each differs.
  const announcement = await announcementOf(identity.instanceId, keys, []);
  const partners = await partnersToTell(tx);
  for (const partner of partners) {
    const unsettled = await tx
      .select({ sealed: federationOutbox.sealed })
      .from(federationOutbox)
      .where(and(eq(federationOutbox.partnerId, partner.id), inArray(federationOutbox.status, ['pending', 'rejected'])));
    const inFlight = unsettled.map((packet) => sealedDigest(packet.sealed));
    // Each announcement is a thread of its own: it waits for nothing the partner has not yet received.
    await enqueuePacket(
      tx,
      outbox,
      {
        partner,
        kind: 'key_rotation',
        threadId: randomUUID(),
        sequence: 1,
        consent: null,
        body: { ...announcement, inFlight },
        createdBy: actor.userId,
      },
      now,
    );
  }
  await recordAudit(tx, audit, {
    action: 'federation.keys_rotated',
    resourceType: 'instance',
    resourceId: identity.instanceId,
    details: { previousFingerprint: identity.fingerprint, fingerprint: next.fingerprint, partners: partners.length },
  });
  writeKeyFile(identity.keyFile, keys);
  const result: KeyRotationResult = {
    instance: { ...identity.document(baseUrl), ...next },
    previousFingerprint: identity.fingerprint,
    announcedTo: partners.length,
  };
  return { keys, result };
}
