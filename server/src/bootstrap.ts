import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { hashPassword } from './auth/passwords.js';
import { reindexMissingPersonNames } from './commands/reindexPersonNames.js';
import type { KeyRing } from './crypto/keyRing.js';
import { asSystem } from './db/actorContext.js';
import type { DatabaseHandle } from './db/client.js';
import { agencies, roles, userRoles, users } from './db/schema/index.js';
import { seedFormConfigurations } from './forms/formConfiguration.js';
import { seedBaseline } from './seed/baseline.js';
import { seedDemo } from './seed/seedDemo.js';

export type BootstrapResult =
  | { kind: 'existing' }
  | { kind: 'demo'; agencies: number; users: number; cases: number }
  | { kind: 'empty'; adminPassword: string };

/**
 * Brings a database to a usable state: migrations, baseline lookups, and on an empty database
 * either the demo dataset or a single administrator to start from.
 */
export async function bootstrapDatabase(
  database: DatabaseHandle,
  keyRing: KeyRing,
  options: { seedDemo: boolean; demoPassword: string; instanceCountry: string },
): Promise<BootstrapResult> {
  await database.migrate();
  return asSystem(database.db, async (tx) => {
    await seedBaseline(tx, options.instanceCountry);
    await seedFormConfigurations(tx);
    await reindexMissingPersonNames(tx, keyRing);
    const [existing] = await tx.select({ value: count() }).from(agencies);
    if ((existing?.value ?? 0) > 0) return { kind: 'existing' } as const;
    if (options.seedDemo) {
      return {
        kind: 'demo',
        ...(await seedDemo(tx, keyRing, { password: options.demoPassword, countryCode: options.instanceCountry })),
      } as const;
    }
    const adminPassword = randomBytes(12).toString('base64url');
    const [agency] = await tx
      .insert(agencies)
      .values({
        countryCode: options.instanceCountry,
        name: 'System administration',
        organisationType: 'CentralGovernmentOrganisation',
        agencyFunction: 'ministry',
      })
      .returning({ id: agencies.id });
    const [admin] = await tx
      .insert(users)
      .values({
        username: 'admin',
        displayName: 'System Administrator',
        agencyId: agency!.id,
        passwordHash: await hashPassword(adminPassword),
      })
      .returning({ id: users.id });
    const [role] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.key, 'system_admin'));
    await tx.insert(userRoles).values({ userId: admin!.id, roleId: role!.id });
    return { kind: 'empty', adminPassword } as const;
  });
}
