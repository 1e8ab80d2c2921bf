import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { partnerInstances, type RetiredPartnerKey } from '../db/schema/index.js';
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
  previousKeys: partnerInstances.previousKeys,
};
export type PartnerRecord = KnownPartner & { countryCode: string; name: string; endpoint: string; receivingAgencyId: string };

const stillAccepted = (previousKeys: RetiredPartnerKey[], now: Date) =>
  previousKeys.filter((old) => new Date(old.acceptedUntil).getTime() > now.getTime());

const recordOf = ({ previousKeys: _retired, ...partner }: { previousKeys: RetiredPartnerKey[] } & PartnerRecord): PartnerRecord => partner;

/** A fingerprint as stored (groups of four upper-case hex digits) from the compact key id a signature names. */
const spacedFingerprint = (keyId: string) => (keyId.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');

/**
 * A packet or receipt names its signer by the compact fingerprint of the signer's keys: the
 * partner's current keys, or keys it rotated away from while what they signed may still arrive —
 * then the partner is returned with that retired key as the one to verify with, and the packets
 * it may still verify.
 */
export async function partnerByKeyId(db: Queryable, keyId: string, now = new Date()): Promise<PartnerRecord | null> {
  const [current] = await db
    .select(known)
    .from(partnerInstances)
    .where(sql`lower(replace(${partnerInstances.fingerprint}, ' ', '')) = ${keyId.toLowerCase()}`);
  if (current) return recordOf(current);
  const fingerprint = spacedFingerprint(keyId);
  const [rotated] = await db
    .select(known)
    .from(partnerInstances)
    .where(sql`${partnerInstances.previousKeys} @> ${JSON.stringify([{ fingerprint }])}::jsonb`);
  const retired = rotated && stillAccepted(rotated.previousKeys, now).find((old) => old.fingerprint === fingerprint);
  return retired ? { ...recordOf(rotated), signingKey: retired.signingKey, retiredKeyInFlight: retired.inFlight ?? [] } : null;
}

export async function partnerById(db: Queryable, id: string): Promise<PartnerRecord | null> {
  const [row] = await db.select(known).from(partnerInstances).where(eq(partnerInstances.id, id));
  return row ? recordOf(row) : null;
}

/** How a partner is named to a reader: its id, name and country. */
export const partnerNaming = { id: partnerInstances.id, name: partnerInstances.name, country: partnerInstances.countryCode };
export type PartnerName = { id: string; name: string; country: string };

/** Every partner's name by id, for a list whose rows name partners. */
export async function partnerNames(db: Queryable): Promise<Map<string, PartnerName>> {
  const rows = await db.select(partnerNaming).from(partnerInstances);
  return new Map(rows.map((partner) => [partner.id, partner]));
}
