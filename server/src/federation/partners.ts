import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { partnerInstances } from '../db/schema/index.js';
import type { KnownPartner } from './packets.js';

const known = {
  id: partnerInstances.id,
  instanceId: partnerInstances.instanceId,
  countryCode: partnerInstances.countryCode,
  name: partnerInstances.name,
  endpoint: partnerInstances.endpoint,
  status: partnerInstances.status,
  signingKey: partnerInstances.signingKey,
  encryptionKey: partnerInstances.encryptionKey,
  receivingAgencyId: partnerInstances.receivingAgencyId,
};
export type PartnerRecord = KnownPartner & { countryCode: string; name: string; endpoint: string; receivingAgencyId: string };

/** A packet or receipt names its signer by the compact fingerprint of the signer's keys. */
export async function partnerByKeyId(db: Queryable, keyId: string): Promise<PartnerRecord | null> {
  const [row] = await db
    .select(known)
    .from(partnerInstances)
    .where(sql`lower(replace(${partnerInstances.fingerprint}, ' ', '')) = ${keyId.toLowerCase()}`);
  return row ?? null;
}

export async function partnerById(db: Queryable, id: string): Promise<PartnerRecord | null> {
  const [row] = await db.select(known).from(partnerInstances).where(eq(partnerInstances.id, id));
  return row ?? null;
}
