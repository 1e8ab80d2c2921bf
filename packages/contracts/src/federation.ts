import { z } from 'zod';
import { CASE_SECTIONS } from './permissions.js';
import { countryCode } from './person.js';
import { plainText } from './plausibility.js';
import { DELIVERY_STATUSES } from './vocabulary.js';

/**
 * DESIGN.md §5: country instances that trust each other exchange signed, encrypted packets. An
 * instance publishes an identity document; a partner is registered from it once an admin has
 * compared its fingerprint with the one the other country read out over a trusted channel.
 */
export const PARTNER_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/** The public keys as JSON Web Keys: Ed25519 to verify signatures, X25519 to encrypt for. */
/**
 * 32 bytes in base64url take 43 characters whose last one carries 4 bits and 2 unused ones. The
 * unused bits must be zero: otherwise one key could be written four ways, each with its own
 * fingerprint, and pass as a key never seen before.
 */
export const CANONICAL_KEY_32 = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

const okpPublicKey = (curve: 'Ed25519' | 'X25519') =>
  z
    .object({
      kty: z.literal('OKP'),
      crv: z.literal(curve),
      x: z.string().regex(CANONICAL_KEY_32, 'a 32-byte base64url public key'),
    })
    .strip();

export const INSTANCE_DOCUMENT_FORMAT = 'seamless-instance/1';

export const instanceDocumentSchema = z
  .object({
    format: z.literal(INSTANCE_DOCUMENT_FORMAT),
    /** Drawn from the country and the first keys' fingerprint; it stays when the keys are rotated. */
    instanceId: z.string().regex(/^[a-z]{2}-[0-9a-f]{16}$/, 'country and fingerprint, e.g. th-3f2a91c0…'),
    country: countryCode,
    name: plainText(200, { min: 1 }),
    /** Where packets are pushed: the partner's base URL (its API answers under /api/federation). */
    endpoint: z.string().url().max(500),
    signingKey: okpPublicKey('Ed25519'),
    encryptionKey: okpPublicKey('X25519'),
    /** SHA-256 over both public keys, in groups of four hex digits, read aloud to confirm trust. */
    fingerprint: z.string().regex(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/),
  })
  .strict();
export type InstanceDocument = z.infer<typeof instanceDocumentSchema>;

/** Register a partner: its document (pasted, uploaded or fetched) and the fingerprint confirmed out of band. */
export const partnerRegistrationSchema = z
  .object({
    document: instanceDocumentSchema.optional(),
    /** Fetch the document from the partner's `/api/federation/identity`. */
    documentUrl: z.string().url().max(500).optional(),
    confirmedFingerprint: z.string().trim().min(1).max(100),
    /** The agency here that receives what this partner sends (its national focal point). */
    receivingAgencyId: z.string().uuid(),
  })
  .strict()
  .refine((value) => !!value.document !== !!value.documentUrl, {
    message: 'Give either the identity document or the address to fetch it from.',
    path: ['document'],
  });
export type PartnerRegistration = z.input<typeof partnerRegistrationSchema>;

export const partnerStatusChangeSchema = z.object({ status: z.enum(PARTNER_STATUSES), reason: plainText(500, { min: 1 }) }).strict();

export const partnerSchema = z.object({
  id: z.string().uuid(),
  instanceId: z.string(),
  country: z.string(),
  name: z.string(),
  endpoint: z.string(),
  fingerprint: z.string(),
  status: z.enum(PARTNER_STATUSES),
  statusReason: z.string().nullable(),
  receivingAgency: z.object({ id: z.string().uuid(), name: z.string() }),
  registeredAt: z.string(),
  /** When the partner last announced new keys (a key_rotation packet signed with its old ones). */
  keysRotatedAt: z.string().nullable(),
  pending: z.number().int(),
  failing: z.number().int(),
  lastDeliveredAt: z.string().nullable(),
});
export type Partner = z.infer<typeof partnerSchema>;

/**
 * What crosses a border: typed, versioned packets. Repatriation runs request → verification →
 * family assessment → decision → handover plan → handover record; follow-up reports come back;
 * a consent withdrawal stops further sharing on both sides. A referral asks for one service and
 * is answered, reported on or withdrawn. A released statistical report goes to every partner as
 * aggregates only (`statistic_release`).
 */
export const PACKET_KINDS = [
  'referral',
  'repatriation_request',
  'verification_result',
  'family_assessment',
  'repatriation_decision',
  'handover_plan',
  'handover_record',
  'follow_up_report',
  'repatriation_withdrawal',
  'meeting_invitation',
  'meeting_minutes',
  'consent_withdrawal',
  'referral_answer',
  'referral_outcome',
  'referral_withdrawal',
  'key_rotation',
  'statistic_release',
] as const;
export type PacketKind = (typeof PACKET_KINDS)[number];
export const PACKET_VERSION = 1;

/**
 * A receipt is the signed acknowledgement that ends retries: applied, already had, refused by its
 * content, or held safely until the earlier packets of its thread arrive.
 */
export const RECEIPT_OUTCOMES = ['applied', 'held', 'duplicate', 'refused'] as const;
export type ReceiptOutcome = (typeof RECEIPT_OUTCOMES)[number];

/** Why a packet was turned away before anything of it was applied (logged and alerted). */
export const PACKET_REJECTIONS = [
  'malformed',
  'undecryptable',
  'unknown_sender',
  'partner_suspended',
  'partner_revoked',
  'bad_signature',
  'wrong_recipient',
  'expired',
  'unsupported_version',
] as const;
export type PacketRejection = (typeof PACKET_REJECTIONS)[number];

/** Content that arrived intact and signed, but that the receiver will not apply. */
export const PACKET_REFUSALS = ['consent_not_covering', 'consent_withdrawn', 'unknown_thread', 'out_of_step', 'invalid_content'] as const;
export type PacketRefusal = (typeof PACKET_REFUSALS)[number];

/** Every status a packet can have in the delivery monitor, sent or received. */
export const PACKET_STATUSES = [...DELIVERY_STATUSES, 'waiting', 'applied'] as const;
export type PacketStatus = (typeof PACKET_STATUSES)[number];

export const deliverySchema = z.object({
  packetId: z.string().uuid(),
  partner: z.object({ id: z.string().uuid(), name: z.string(), country: z.string() }),
  direction: z.enum(['outgoing', 'incoming']),
  kind: z.enum(PACKET_KINDS),
  threadId: z.string().uuid(),
  sequence: z.number().int(),
  status: z.enum(PACKET_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  via: z.enum(['push', 'file']).nullable(),
  createdAt: z.string(),
  settledAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/** What importing a carried file answers: a packet applied here (with the receipt to carry back), or a receipt that settled one of ours. */
export const packetImportResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('packet'), packetId: z.string().uuid(), outcome: z.enum(RECEIPT_OUTCOMES), receipt: z.string() }),
  z.object({ kind: z.literal('receipt'), packetId: z.string().uuid(), outcome: z.enum(RECEIPT_OUTCOMES) }),
]);
export type PacketImportResult = z.infer<typeof packetImportResultSchema>;

export const packetRejectionSchema = z.object({
  id: z.string().uuid(),
  receivedAt: z.string(),
  reason: z.enum(PACKET_REJECTIONS),
  partner: z.object({ id: z.string().uuid(), name: z.string(), country: z.string() }).nullable(),
  packetId: z.string().nullable(),
  via: z.enum(['push', 'file']),
});
export type PacketRejectionRecord = z.infer<typeof packetRejectionSchema>;

/** This instance's new identity after a rotation, and how many partners the announcement goes to. */
export const keyRotationResultSchema = z.object({
  instance: instanceDocumentSchema,
  previousFingerprint: z.string(),
  announcedTo: z.number().int(),
});
export type KeyRotationResult = z.infer<typeof keyRotationResultSchema>;

export const federationOverviewSchema = z.object({
  instance: instanceDocumentSchema,
  partners: z.array(partnerSchema),
});

/** The sections a repatriation packet may carry, each only when the consent names it. */
export const REPATRIATION_SECTIONS = CASE_SECTIONS;
