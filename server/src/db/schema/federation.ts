import type {
  CaseSection,
  CrossBorderReferralStatus,
  DeliveryStatus,
  IncomingStatus,
  PacketKind,
  PacketRefusal,
  PacketRejection,
  PartnerStatus,
  ReferralUrgency,
  RepatriationSide,
  RepatriationStatus,
  ServiceArea,
} from '@seamless/contracts';
import { date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies } from './agencies.js';
import { cases } from './cases.js';

export type PublicJwk = { kty: 'OKP'; crv: 'Ed25519' | 'X25519'; x: string };

/**
 * A partner's signing key from before a rotation. It verifies only the packets the partner named
 * as still on their way when it rotated (`inFlight`: SHA-256 of each sealed packet), until they
 * can no longer be valid — never a new packet, nor another rotation: whoever holds a retired key
 * cannot speak for the partner. Kept afterwards, so that it is never taken as new keys again.
 */
export type RetiredPartnerKey = {
  signingKey: PublicJwk;
  fingerprint: string;
  retiredAt: string;
  acceptedUntil: string;
  inFlight: string[];
};

/** Another country's instance this one trusts (migration 0030), registered from its identity document. */
export const partnerInstances = pgTable('partner_instances', {
  id: uuid('id').primaryKey().defaultRandom(),
  instanceId: text('instance_id').notNull().unique(),
  countryCode: text('country_code').notNull(),
  name: text('name').notNull(),
  endpoint: text('endpoint').notNull(),
  signingKey: jsonb('signing_key').$type<PublicJwk>().notNull(),
  encryptionKey: jsonb('encryption_key').$type<PublicJwk>().notNull(),
  fingerprint: text('fingerprint').notNull().unique(),
  previousKeys: jsonb('previous_keys').$type<RetiredPartnerKey[]>().notNull().default([]),
  keysRotatedAt: timestamp('keys_rotated_at', { withTimezone: true }),
  status: text('status').$type<PartnerStatus>().notNull().default('active'),
  statusReason: text('status_reason'),
  statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
  receivingAgencyId: uuid('receiving_agency_id')
    .notNull()
    .references(() => agencies.id),
  registeredBy: uuid('registered_by').references(() => users.id),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Packets to send, written in the transaction of the change they report. `sealed` is the JWE for
 * the partner: once sealed, only the partner can read it. Per partner and thread, packets go out
 * in `sequence` order; a receipt settles one.
 */
export const federationOutbox = pgTable('federation_outbox', {
  packetId: uuid('packet_id').primaryKey(),
  partnerId: uuid('partner_id')
    .notNull()
    .references(() => partnerInstances.id),
  kind: text('kind').$type<PacketKind>().notNull(),
  threadId: uuid('thread_id').notNull(),
  sequence: integer('sequence').notNull(),
  sealed: text('sealed').notNull(),
  status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  lastError: text('last_error'),
  receipt: text('receipt'),
  via: text('via').$type<'push' | 'file'>(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  settledAt: timestamp('settled_at', { withTimezone: true }),
});

/** Packets received: each applied at most once (its id), in order per partner and thread. */
export const federationInbox = pgTable('federation_inbox', {
  /** The packet's id: named `id` like every table whose ciphertexts are bound to their row. */
  packetId: uuid('id').primaryKey(),
  partnerId: uuid('partner_id')
    .notNull()
    .references(() => partnerInstances.id),
  kind: text('kind').$type<PacketKind>().notNull(),
  threadId: uuid('thread_id').notNull(),
  sequence: integer('sequence').notNull(),
  /** The verified content, under the key ring: it waits here when an earlier packet has not arrived. */
  contentEnc: text('content_enc').notNull(),
  status: text('status').$type<IncomingStatus>().notNull(),
  refusal: text('refusal').$type<PacketRefusal>(),
  via: text('via').$type<'push' | 'file'>().notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  appliedAt: timestamp('applied_at', { withTimezone: true }),
});

/** Packets turned away before anything of them was applied; admins are alerted to each. */
export const federationRejections = pgTable('federation_rejections', {
  id: uuid('id').primaryKey().defaultRandom(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  reason: text('reason').$type<PacketRejection>().notNull(),
  partnerId: uuid('partner_id').references(() => partnerInstances.id),
  packetId: text('packet_id'),
  via: text('via').$type<'push' | 'file'>().notNull(),
});

/**
 * One repatriation as this side holds it; the id is the same on both sides (the packets' thread).
 * `content_enc` holds what was sent and answered — the person as sent, identification, the
 * verification, family assessment, decision, plan, both signatures and follow-up reports — as one
 * JSON document under the key ring, bound to this row.
 */
export const repatriations = pgTable('repatriations', {
  id: uuid('id').primaryKey(),
  side: text('side').$type<RepatriationSide>().notNull(),
  partnerId: uuid('partner_id')
    .notNull()
    .references(() => partnerInstances.id),
  agencyId: uuid('agency_id')
    .notNull()
    .references(() => agencies.id),
  caseId: uuid('case_id').references(() => cases.id),
  sendingCaseReference: text('sending_case_reference').notNull(),
  status: text('status').$type<RepatriationStatus>().notNull(),
  sections: text('sections').array().$type<CaseSection[]>().notNull(),
  consent: jsonb('consent').$type<ConsentSnapshot>().notNull(),
  consentWithdrawnAt: timestamp('consent_withdrawn_at', { withTimezone: true }),
  contentEnc: text('content_enc').notNull(),
  proposedDate: date('proposed_date'),
  handoverDate: date('handover_date'),
  sentSequence: integer('sent_sequence').notNull().default(0),
  requestedBy: uuid('requested_by').references(() => users.id),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A referral across a border (migration 0031) as this side holds it: the sending agency's, for
 * its case, or the receiving agency's, for the partner. What was sent and answered — the reason,
 * details, the person as sent, the answer, the outcome — is one document under the key ring.
 */
export const crossBorderReferrals = pgTable('cross_border_referrals', {
  id: uuid('id').primaryKey(),
  side: text('side').$type<RepatriationSide>().notNull(),
  partnerId: uuid('partner_id')
    .notNull()
    .references(() => partnerInstances.id),
  agencyId: uuid('agency_id')
    .notNull()
    .references(() => agencies.id),
  caseId: uuid('case_id').references(() => cases.id),
  sendingCaseReference: text('sending_case_reference').notNull(),
  serviceArea: text('service_area').$type<ServiceArea>().notNull(),
  urgency: text('urgency').$type<ReferralUrgency>().notNull(),
  status: text('status').$type<CrossBorderReferralStatus>().notNull(),
  sections: text('sections').array().$type<CaseSection[]>().notNull(),
  consent: jsonb('consent').$type<ConsentSnapshot>().notNull(),
  consentWithdrawnAt: timestamp('consent_withdrawn_at', { withTimezone: true }),
  contentEnc: text('content_enc').notNull(),
  sentSequence: integer('sent_sequence').notNull().default(0),
  sentBy: uuid('sent_by').references(() => users.id),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The consent a packet relies on, as recorded where it was given (HTCDS `con_`). */
export type ConsentSnapshot = {
  id: string;
  purpose: string;
  sections: CaseSection[];
  countries: string[];
  givenBy: 'victim' | 'guardian';
  givenOn: string;
  expiresOn: string | null;
};
