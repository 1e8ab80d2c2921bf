import { randomBytes } from 'node:crypto';
import { BUILT_IN_ROLES } from '@seamless/contracts';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { hashPassword } from './auth/passwords.js';
import { reindexMissingPersonNames, rekeyStalePersonNames } from './commands/reindexPersonNames.js';
import { rotateIdentityKey } from './commands/rotateIdentityKey.js';
import { separateRecordsWithoutBasis } from './commands/separateAgencyRecord.js';
import type { KeyRing } from './crypto/keyRing.js';
import { asSystem } from './db/actorContext.js';
import { type DatabaseHandle, type Queryable, rowsOf, type Tx } from './db/client.js';
import { agencies, countries, roles, userRoles, users } from './db/schema/index.js';
import { seedFormConfigurations } from './forms/formConfiguration.js';
import { seedBaseline } from './seed/baseline.js';
import { seedReintegrationInstrument } from './seed/reintegrationInstrument.js';
import { seedDemo } from './seed/seedDemo.js';

export type BootstrapResult =
  | { kind: 'existing' }
  | { kind: 'demo'; agencies: number; users: number; cases: number }
  | { kind: 'empty'; adminPassword: string };

type BootstrapOptions = { seedDemo: boolean; demoPassword: string; instanceCountry: string };

/**
 * Brings a database to a usable state: migrations, baseline lookups, and on an empty database
 * either the demo dataset or a single administrator to start from.
 *
 * The data steps (countries and built-in roles, the shipped form configurations and reintegration
 * instrument, indexing the names of
 * persons recorded before the name index) run on a new database and after a release that migrated the
 * schema, whose journal (drizzle's migrations table) is their record; a restart of the same release
 * skips them, unless the baseline is found incomplete (a boot that stopped between migrating and
 * seeding, or a new instance country).
 *
 * Processes started together against one PostgreSQL take turns: the first migrates and seeds, the
 * others find it done.
 */
export function bootstrapDatabase(database: DatabaseHandle, keyRing: KeyRing, options: BootstrapOptions): Promise<BootstrapResult> {
  return database.exclusively('seamless:bootstrap', () => migrateAndSeed(database, keyRing, options));
}

async function migrateAndSeed(database: DatabaseHandle, keyRing: KeyRing, options: BootstrapOptions): Promise<BootstrapResult> {
  const migrationsBefore = await appliedMigrations(database.db);
  await database.migrate();
  const migrated = (await appliedMigrations(database.db)) > migrationsBefore;
  // Values written before ciphertexts were bound to their place are rebound once, in batches.
  if (migrated && migrationsBefore > 0) await rotateIdentityKey(database.db, keyRing);
  return asSystem(database.db, async (tx) => {
    const [existing] = await tx.select({ value: count() }).from(agencies);
    const empty = (existing?.value ?? 0) === 0;
    if (empty || migrated || !(await hasBaseline(tx, options.instanceCountry))) {
      await seedBaseline(tx, options.instanceCountry);
      await seedFormConfigurations(tx);
      // Care needs an instrument before anyone can assess a survivor (DESIGN.md §2 step 7).
      await seedReintegrationInstrument(tx);
      await reindexMissingPersonNames(tx, keyRing);
      // Keys made by an older version of the matching code are made again (NAME_KEYS_VERSION).
      await rekeyStalePersonNames(tx, keyRing);
      // Records joined under a sharing that has since ended, before separating them existed.
      await separateRecordsWithoutBasis(tx, keyRing);
    }
    if (!empty) return { kind: 'existing' } as const;
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

async function appliedMigrations(db: Queryable): Promise<number> {
  // A new database has no journal yet, and a statement naming a missing table does not compile.
  const [journal] = rowsOf<{ table: string | null }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as table`),
  );
  if (!journal?.table) return 0;
  const [row] = rowsOf<{ applied: number }>(await db.execute(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`));
  return row?.applied ?? 0;
}

async function hasBaseline(tx: Tx, instanceCountry: string): Promise<boolean> {
  const [builtIn] = await tx
    .select({ value: count() })
    .from(roles)
    .where(and(eq(roles.builtIn, true), inArray(roles.key, [...BUILT_IN_ROLES])));
  const [instance] = await tx
    .select({ value: count() })
    .from(countries)
    .where(and(eq(countries.code, instanceCountry), eq(countries.isInstanceCountry, true)));
  return builtIn?.value === BUILT_IN_ROLES.length && instance?.value === 1;
}
