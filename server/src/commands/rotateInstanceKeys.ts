import { randomUUID } from 'node:crypto';
import type { KeyRotationResult } from '@seamless/contracts';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { writeKeyFile } from '../federation/instanceIdentity.js';
import { announcementOf, partnersToTell } from '../federation/keyRotation.js';
import { enqueuePacket, type OutboxSettings } from '../federation/outbox.js';
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
  const announcement = await announcementOf(identity.instanceId, keys);
  const partners = await partnersToTell(tx);
  for (const partner of partners) {
    // Each announcement is a thread of its own: it waits for nothing the partner has not yet received.
    await enqueuePacket(
      tx,
      outbox,
      { partner, kind: 'key_rotation', threadId: randomUUID(), sequence: 1, consent: null, body: announcement, createdBy: actor.userId },
      now,
    );
  }
  await recordAudit(tx, audit, {
    action: 'federation.keys_rotated',
    resourceType: 'instance',
    resourceId: identity.instanceId,
    details: { previousFingerprint: identity.fingerprint, fingerprint: announcement.fingerprint, partners: partners.length },
  });
  writeKeyFile(identity.keyFile, keys);
  const result: KeyRotationResult = {
    instance: {
      ...identity.document(baseUrl),
      signingKey: announcement.signingKey,
      encryptionKey: announcement.encryptionKey,
      fingerprint: announcement.fingerprint,
    },
    previousFingerprint: identity.fingerprint,
    announcedTo: partners.length,
  };
  return { keys, result };
}
