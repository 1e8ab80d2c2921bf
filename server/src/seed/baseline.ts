import { BUILT_IN_ROLES, REGION_COUNTRIES } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { countries, roles } from '../db/schema/index.js';
import { BUILT_IN_ROLE_DEFINITIONS } from './roles.js';

/** What every instance needs, demo or not: the region's countries and the built-in roles. Idempotent. */
export async function seedBaseline(tx: Tx, instanceCountry: string): Promise<void> {
  const codes = [...new Set([...REGION_COUNTRIES, instanceCountry])];
  await tx
    .insert(countries)
    .values(codes.map((code) => ({ code, isInstanceCountry: code === instanceCountry })))
    .onConflictDoUpdate({ target: countries.code, set: { isInstanceCountry: sql`excluded.is_instance_country` } });
  await tx
    .insert(roles)
    .values(BUILT_IN_ROLES.map((key) => ({ key, builtIn: true, ...BUILT_IN_ROLE_DEFINITIONS[key] })))
    .onConflictDoNothing({ target: roles.key });
}
