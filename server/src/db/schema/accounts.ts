import type { Locale, Permission, SessionStage } from '@seamless/contracts';
import { bigint, bigserial, boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.js';
import { timestamps, version } from './common.js';

export const roles = pgTable('roles', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  builtIn: boolean('built_in').notNull().default(false),
  permissions: text('permissions').array().$type<Permission[]>().notNull().default([]),
  assignableByAgencyAdmins: boolean('assignable_by_agency_admins').notNull().default(false),
  ...version,
  ...timestamps,
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    locale: text('locale').$type<Locale>().notNull().default('en'),
    active: boolean('active').notNull().default(true),
    /** Encrypted with the identity key ring: a TOTP seed is as sensitive as a password. */
    totpSecretEnc: text('totp_secret_enc'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** Last accepted TOTP time step, so a code cannot be replayed. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    recoveryCodeHashes: text('recovery_code_hashes').array().notNull().default([]),
    /** Demo accounts only (DESIGN.md §8), honoured only while the demo is on; a trigger keeps anyone else from setting it. */
    secondFactorWaived: boolean('second_factor_waived').notNull().default(false),
    pseudonymMode: boolean('pseudonym_mode').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** She forgot her password and asked her agency's administrators for a new one; cleared when one is set. */
    passwordResetRequestedAt: timestamp('password_reset_requested_at', { withTimezone: true }),
    /** When she finished or dismissed the first-run tour, so it is shown once, whatever the device. */
    tourSeenAt: timestamp('tour_seen_at', { withTimezone: true }),
    /** Part of her draft key: raised when a device she used must no longer open her drafts (auth/draftKey.ts). */
    draftKeyGeneration: integer('draft_key_generation').notNull().default(0),
    ...version,
    ...timestamps,
  },
  (t) => [uniqueIndex('users_username_key').on(t.username), index('users_agency_idx').on(t.agencyId)],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] })],
);

export const userGroups = pgTable('user_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id')
    .notNull()
    .references(() => agencies.id),
  name: text('name').notNull(),
  ...version,
  ...timestamps,
});

export const userGroupMembers = pgTable(
  'user_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => userGroups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] })],
);

/** Server-side sessions keep app servers stateless and make revocation immediate. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    stage: text('stage').$type<SessionStage>().notNull(),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed sign-ins by key (`ip:…`, `user:…`), shared by every app process for throttling. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
);

/** Browsers that signed in to an account before (hashed cookie tokens); sign-in waits on the account's name spare them. */
export const knownDevices = pgTable(
  'known_devices',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('known_devices_user_idx').on(t.userId)],
);

/** HTTP requests counted per hashed rate-limit key in its current window, shared by every server process on PostgreSQL. */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    keyHash: text('key_hash').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    windowEnd: timestamp('window_end', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [index('rate_limit_hits_window_end_idx').on(t.windowEnd)],
);
