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

/** How a partner is named to a reader: its id, name and country. */
export const partnerNaming = { id: partnerInstances.id, name: partnerInstances.name, country: partnerInstances.countryCode };
export type PartnerName = { id: string; name: string; country: string };

/** Every partner's name by id, for a list whose rows name partners. */
export async function partnerNames(db: Queryable): Promise<Map<string, PartnerName>> {
  const rows = await db.select(partnerNaming).from(partnerInstances);
  return new Map(rows.map((partner) => [partner.id, partner]));
}
