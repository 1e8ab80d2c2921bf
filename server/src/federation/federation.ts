import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Db } from '../db/client.js';
import type { AttachmentStore } from '../files/attachmentStore.js';
import type { InboxDeps, PacketApplier } from './inbox.js';
import { type InstanceIdentity, loadInstanceIdentity } from './instanceIdentity.js';
import { DeliveryRunner, type OutboxSettings } from './outbox.js';

/** What routes and commands need to send and receive packets. */
export type Federation = {
  identity: InstanceIdentity;
  outbox: OutboxSettings;
  inbox: InboxDeps;
  delivery: DeliveryRunner;
  /** Where files carried by packets are kept: the same encrypted store as case attachments. */
  files: AttachmentStore;
};

export async function openFederation(options: {
  config: Config;
  db: Db;
  keyRing: KeyRing;
  log: FastifyBaseLogger;
  files: AttachmentStore;
  apply: PacketApplier;
}): Promise<Federation> {
  const { config, db, keyRing, log } = options;
  const identity = await loadInstanceIdentity({
    json: config.instanceKeysJson,
    dataDir: config.dataDir,
    country: config.instanceCountry,
    name: config.instanceName,
    url: config.instanceUrl,
  });
  const outbox: OutboxSettings = { identity, packetDays: config.federationPacketDays, retrySeconds: config.federationRetrySeconds };
  const delivery = new DeliveryRunner(db, outbox, log);
  return { identity, outbox, inbox: { db, keyRing, identity, apply: options.apply, log }, delivery, files: options.files };
}
