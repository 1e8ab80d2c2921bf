import fs from 'node:fs';
import { type Delivery, type InstanceDocument, instanceDocumentSchema, type PacketRejection, type Partner } from '@seamless/contracts';
import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { rotateInstanceKeys } from '../../commands/rotateInstanceKeys.js';
import { asActor } from '../../db/actorContext.js';
import { rowsOf, type Tx } from '../../db/client.js';
import { agencies, federationInbox, federationOutbox, federationRejections, partnerInstances } from '../../db/schema/index.js';
import { receivePacket } from '../../federation/inbox.js';
import { fingerprintOf, sameFingerprint } from '../../federation/instanceIdentity.js';
import { settleByReceipt } from '../../federation/outbox.js';
import { isSealedPacket, PacketRejected, receiptKeyId } from '../../federation/packets.js';
import { partnerByKeyId, partnerNames, partnerNaming } from '../../federation/partners.js';
import { asPermittedActor } from '../../http/asPermittedActor.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { offsetOf } from '../../http/listing.js';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../http/problem.js';
import { type Actor, dbActorOf } from '../../policies/actor.js';
import { canAdministerFederation, canRepatriate } from '../../policies/repatriation.js';
import {
  deliveriesRouteSchema,
  identityRouteSchema,
  importRouteSchema,
  inboxRouteSchema,
  keyRotationRouteSchema,
  overviewRouteSchema,
  packetFileRouteSchema,
  partnerChoicesRouteSchema,
  partnerRegisterRouteSchema,
  partnerStatusRouteSchema,
  rejectionsRouteSchema,
  retryRouteSchema,
} from './schema.js';

/** Packets that cannot be read or are not ours are refused as forbidden; bad form as a bad request. */
const STATUS_OF_REJECTION: Partial<Record<PacketRejection, number>> = { malformed: 400, unsupported_version: 422, expired: 422 };

const rejectedProblem = (rejected: PacketRejected, path: string) =>
  new AppError(STATUS_OF_REJECTION[rejected.reason] ?? 403, 'packet_rejected', 'The packet was turned away; nothing of it was applied.', [
    { path, code: rejected.reason, message: `Rejected: ${rejected.reason}.` },
  ]);

type PartnerName = { id: string; name: string; country: string };

function presentOutgoing(row: typeof federationOutbox.$inferSelect, partner: PartnerName): Delivery {
  return {
    packetId: row.packetId,
    partner,
    direction: 'outgoing',
    kind: row.kind,
    threadId: row.threadId,
    sequence: row.sequence,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    lastError: row.lastError,
    via: row.via,
    createdAt: row.createdAt.toISOString(),
    settledAt: row.settledAt?.toISOString() ?? null,
  };
}

const baseUrlOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

async function presentPartners(tx: Tx, where?: SQL): Promise<Partner[]> {
  const rows = await tx
    .select({ partner: partnerInstances, agencyName: agencies.name })
    .from(partnerInstances)
    .innerJoin(agencies, eq(agencies.id, partnerInstances.receivingAgencyId))
    .where(where)
    .orderBy(partnerInstances.name);
  const stats = rowsOf<{ partner_id: string; pending: number; failing: number; last_delivered_at: Date | string | null }>(
    await tx.execute(sql`select partner_id, count(*) filter (where status = 'pending')::int as pending,
      count(*) filter (where status = 'rejected' or (status = 'pending' and last_error is not null))::int as failing,
      max(settled_at) filter (where status = 'delivered') as last_delivered_at
      from federation_outbox group by partner_id`),
  );
  const byPartner = new Map(stats.map((row) => [row.partner_id, row]));
  return rows.map(({ partner, agencyName }) => {
    const stat = byPartner.get(partner.id);
    return {
      id: partner.id,
      instanceId: partner.instanceId,
      country: partner.countryCode,
      name: partner.name,
      endpoint: partner.endpoint,
      fingerprint: partner.fingerprint,
      status: partner.status,
      statusReason: partner.statusReason,
      receivingAgency: { id: partner.receivingAgencyId, name: agencyName },
      registeredAt: partner.registeredAt.toISOString(),
      keysRotatedAt: partner.keysRotatedAt?.toISOString() ?? null,
      pending: stat?.pending ?? 0,
      failing: stat?.failing ?? 0,
      lastDeliveredAt: stat?.last_delivered_at ? new Date(stat.last_delivered_at).toISOString() : null,
    };
  });
}

async function fetchDocument(url: string): Promise<InstanceDocument> {
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return instanceDocumentSchema.parse(await response.json());
  } catch {
    throw fieldError(422, 'validation_failed', 'documentUrl', 'No instance identity document could be read from this address.');
  }
}

/**
 * Federation between country instances (issue 12, DESIGN.md §5): this instance's identity and
 * inbox for partners, and for the federation admin the partners, deliveries and the manual route.
 */
export function federationRoutes(app: FastifyInstance, { database, federation }: RouteDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { identity } = federation;

  const asFederationAdmin = <T>(request: FastifyRequest, work: (tx: Tx, actor: Actor) => Promise<T>) =>
    asPermittedActor(db, request, canAdministerFederation, work);

  api.get('/api/federation/identity', { schema: identityRouteSchema, config: { stages: 'public' } }, async (request) =>
    identity.document(baseUrlOf(request)),
  );

  api.post(
    '/api/federation/inbox',
    { schema: inboxRouteSchema, config: { stages: 'public' }, bodyLimit: 32 * 1024 * 1024 },
    async (request) => {
      try {
        const received = await receivePacket(federation.inbox, request.body.packet, 'push');
        return { packetId: received.packetId, outcome: received.outcome, receipt: received.receipt };
      } catch (error) {
        if (error instanceof PacketRejected) throw rejectedProblem(error, 'packet');
        throw error;
      }
    },
  );

  api.get('/api/federation/partners', { schema: partnerChoicesRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canRepatriate(actor) && !canAdministerFederation(actor)) throw forbidden();
    const items = await asActor(db, dbActorOf(actor), (tx) =>
      tx.select(partnerNaming).from(partnerInstances).where(eq(partnerInstances.status, 'active')).orderBy(partnerInstances.name),
    );
    return { items };
  });

  api.get('/api/admin/federation', { schema: overviewRouteSchema }, async (request) =>
    asFederationAdmin(request, async (tx) => {
      await recordAudit(tx, auditContextOf(request), { action: 'federation.read', resourceType: 'partner' });
      return { instance: identity.document(baseUrlOf(request)), partners: await presentPartners(tx) };
    }),
  );

  api.post('/api/admin/federation/identity/rotation', { schema: keyRotationRouteSchema }, async (request) => {
    const keyFileBefore = identity.keyFile ? fs.readFileSync(identity.keyFile, 'utf8') : null;
    try {
      const { keys, result } = await asFederationAdmin(request, (tx, actor) =>
        rotateInstanceKeys({ tx, outbox: federation.outbox, actor, audit: auditContextOf(request), baseUrl: baseUrlOf(request) }),
      );
      await identity.adopt(keys);
      federation.delivery.kick();
      return result;
    } catch (error) {
      // The transaction did not commit, so no partner will hear of the new keys: the old ones stay.
      if (keyFileBefore !== null && identity.keyFile) fs.writeFileSync(identity.keyFile, keyFileBefore, { mode: 0o600 });
      throw error;
    }
  });

  api.post('/api/admin/federation/partners', { schema: partnerRegisterRouteSchema }, async (request, reply) => {
    // Before anything is fetched: the address is the caller's, and only a federation admin may make us call it.
    if (!canAdministerFederation(actorOf(request))) throw forbidden();
    const body = request.body;
    const document = body.document ?? (await fetchDocument(body.documentUrl!));
    const path = body.document ? 'document' : 'documentUrl';
    const fingerprint = fingerprintOf(document.signingKey, document.encryptionKey);
    // The document's own claims are checked against its keys: a forged fingerprint is no shortcut. The id
    // was drawn from the instance's first keys and is kept across rotations, so only its country is checked.
    if (document.fingerprint !== fingerprint || !document.instanceId.startsWith(`${document.country.toLowerCase()}-`)) {
      throw fieldError(422, 'validation_failed', path, "The document's fingerprint does not match its keys.");
    }
    if (!sameFingerprint(fingerprint, body.confirmedFingerprint)) {
      throw fieldError(
        422,
        'validation_failed',
        'confirmedFingerprint',
        "This is not the fingerprint of the partner's keys: do not trust it.",
      );
    }
    if (document.instanceId === identity.instanceId) throw fieldError(422, 'validation_failed', path, 'This is this instance itself.');
    // Consent names countries: a partner in this instance's own country would pass as not crossing a border.
    if (document.country === identity.country) {
      throw fieldError(422, 'validation_failed', path, 'A partner instance is in another country than this one.');
    }
    const partner = await asFederationAdmin(request, async (tx, actor) => {
      const [agency] = await tx.select({ active: agencies.active }).from(agencies).where(eq(agencies.id, body.receivingAgencyId));
      if (!agency?.active) throw fieldError(422, 'invalid_reference', 'receivingAgencyId', 'No such active agency.');
      const [known] = await tx
        .select({ id: partnerInstances.id })
        .from(partnerInstances)
        .where(eq(partnerInstances.fingerprint, fingerprint));
      if (known) throw conflict('These keys are registered already (a revoked partner is trusted again only with new keys).');
      const [row] = await tx
        .insert(partnerInstances)
        .values({
          instanceId: document.instanceId,
          countryCode: document.country,
          name: document.name,
          endpoint: document.endpoint,
          signingKey: document.signingKey,
          encryptionKey: document.encryptionKey,
          fingerprint,
          receivingAgencyId: body.receivingAgencyId,
          registeredBy: actor.userId,
        })
        .returning({ id: partnerInstances.id });
      await recordAudit(tx, auditContextOf(request), {
        action: 'federation.partner_registered',
        resourceType: 'partner',
        resourceId: row!.id,
        details: { instanceId: document.instanceId, country: document.country, receivingAgencyId: body.receivingAgencyId },
      });
      const [presented] = await presentPartners(tx, eq(partnerInstances.id, row!.id));
      return presented!;
    });
    return reply.status(201).send(partner);
  });

  api.post('/api/admin/federation/partners/:id/status', { schema: partnerStatusRouteSchema }, async (request) => {
    const partner = await asFederationAdmin(request, async (tx) => {
      const [current] = await tx.select().from(partnerInstances).where(eq(partnerInstances.id, request.params.id)).for('update');
      if (!current) throw notFound();
      // Revoking is final: trust comes back only by registering the partner's keys anew.
      if (current.status === 'revoked')
        throw conflict('A revoked partner stays revoked; it is trusted again only with new keys, registered anew.');
      await tx
        .update(partnerInstances)
        .set({ status: request.body.status, statusReason: request.body.reason, statusChangedAt: new Date() })
        .where(eq(partnerInstances.id, current.id));
      // A revoked partner will never be sent to again: what waited for it is settled as rejected.
      if (request.body.status === 'revoked') {
        await tx
          .update(federationOutbox)
          .set({ status: 'rejected', lastError: 'partner_revoked', leaseUntil: null, settledAt: new Date() })
          .where(and(eq(federationOutbox.partnerId, current.id), eq(federationOutbox.status, 'pending')));
      }
      await recordAudit(tx, auditContextOf(request), {
        action: 'federation.partner_status',
        resourceType: 'partner',
        resourceId: current.id,
        details: { previousStatus: current.status, status: request.body.status },
      });
      const [presented] = await presentPartners(tx, eq(partnerInstances.id, current.id));
      return presented!;
    });
    federation.delivery.kick();
    return partner;
  });

  api.get('/api/admin/federation/deliveries', { schema: deliveriesRouteSchema }, async (request) =>
    asFederationAdmin(request, async (tx) => {
      const { direction, status, kind, page, pageSize } = request.query;
      const partnerOf = await partnerNames(tx);
      const limit = { limit: pageSize, offset: offsetOf(page, pageSize) };
      if (direction === 'outgoing') {
        const where = and(
          status ? eq(federationOutbox.status, status as never) : undefined,
          kind ? eq(federationOutbox.kind, kind) : undefined,
        );
        const rows = await tx
          .select()
          .from(federationOutbox)
          .where(where)
          .orderBy(desc(federationOutbox.createdAt))
          .limit(limit.limit)
          .offset(limit.offset);
        const [total] = await tx.select({ value: count() }).from(federationOutbox).where(where);
        return {
          items: rows.map((row) => presentOutgoing(row, partnerOf.get(row.partnerId)!)),
          total: total?.value ?? 0,
          page,
          pageSize,
        };
      }
      const where = and(
        status ? eq(federationInbox.status, status as never) : undefined,
        kind ? eq(federationInbox.kind, kind) : undefined,
      );
      const rows = await tx
        .select({
          packetId: federationInbox.packetId,
          partnerId: federationInbox.partnerId,
          kind: federationInbox.kind,
          threadId: federationInbox.threadId,
          sequence: federationInbox.sequence,
          status: federationInbox.status,
          refusal: federationInbox.refusal,
          via: federationInbox.via,
          receivedAt: federationInbox.receivedAt,
          appliedAt: federationInbox.appliedAt,
        })
        .from(federationInbox)
        .where(where)
        .orderBy(desc(federationInbox.receivedAt))
        .limit(limit.limit)
        .offset(limit.offset);
      const [total] = await tx.select({ value: count() }).from(federationInbox).where(where);
      return {
        items: rows.map((row) => ({
          packetId: row.packetId,
          partner: partnerOf.get(row.partnerId)!,
          direction,
          kind: row.kind,
          threadId: row.threadId,
          sequence: row.sequence,
          status: row.status,
          attempts: 1,
          nextAttemptAt: null,
          lastError: row.refusal,
          via: row.via,
          createdAt: row.receivedAt.toISOString(),
          settledAt: row.appliedAt?.toISOString() ?? null,
        })),
        total: total?.value ?? 0,
        page,
        pageSize,
      };
    }),
  );

  api.get('/api/admin/federation/rejections', { schema: rejectionsRouteSchema }, async (request) =>
    asFederationAdmin(request, async (tx) => {
      const rows = await tx
        .select({
          rejection: federationRejections,
          partner: partnerNaming,
        })
        .from(federationRejections)
        .leftJoin(partnerInstances, eq(partnerInstances.id, federationRejections.partnerId))
        .orderBy(desc(federationRejections.receivedAt))
        .limit(200);
      return {
        items: rows.map(({ rejection, partner }) => ({
          id: rejection.id,
          receivedAt: rejection.receivedAt.toISOString(),
          reason: rejection.reason,
          partner: partner?.id ? partner : null,
          packetId: rejection.packetId,
          via: rejection.via,
        })),
      };
    }),
  );

  api.post('/api/admin/federation/deliveries/:packetId/retry', { schema: retryRouteSchema }, async (request) => {
    const delivery = await asFederationAdmin(request, async (tx) => {
      const [row] = await tx
        .update(federationOutbox)
        .set({ status: 'pending', nextAttemptAt: new Date(), leaseUntil: null, settledAt: null })
        .where(and(eq(federationOutbox.packetId, request.params.packetId), inArray(federationOutbox.status, ['pending', 'rejected'])))
        .returning();
      if (!row) throw conflict('Only a packet not yet delivered can be sent again.');
      await recordAudit(tx, auditContextOf(request), {
        action: 'federation.packet_retried',
        resourceType: 'packet',
        resourceId: row.packetId,
      });
      const [partner] = await tx.select(partnerNaming).from(partnerInstances).where(eq(partnerInstances.id, row.partnerId));
      return presentOutgoing(row, partner!);
    });
    federation.delivery.kick();
    return delivery;
  });

  api.get('/api/admin/federation/deliveries/:packetId/file', { schema: packetFileRouteSchema }, async (request, reply) => {
    const sealed = await asFederationAdmin(request, async (tx) => {
      const [row] = await tx
        .select({ sealed: federationOutbox.sealed, status: federationOutbox.status })
        .from(federationOutbox)
        .where(eq(federationOutbox.packetId, request.params.packetId));
      if (!row) throw notFound();
      if (row.status === 'cancelled') throw conflict('This packet was cancelled when her consent was withdrawn: it is not to be carried.');
      await recordAudit(tx, auditContextOf(request), {
        action: 'federation.packet_exported',
        resourceType: 'packet',
        resourceId: request.params.packetId,
      });
      return row.sealed;
    });
    return reply
      .type('application/jose')
      .header('content-disposition', `attachment; filename="packet-${request.params.packetId}.jwe"`)
      .send(sealed);
  });

  api.post('/api/admin/federation/import', { schema: importRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canAdministerFederation(actor)) throw forbidden();
    const content = request.body.content.trim();
    if (isSealedPacket(content)) {
      try {
        const received = await receivePacket(federation.inbox, content, 'file');
        return { kind: 'packet' as const, packetId: received.packetId, outcome: received.outcome, receipt: received.receipt };
      } catch (error) {
        if (error instanceof PacketRejected) throw rejectedProblem(error, 'content');
        throw error;
      }
    }
    const keyId = receiptKeyId(content);
    const signer = keyId ? await partnerByKeyId(db, keyId) : null;
    // A receipt is a partner's word: it counts only while we trust the partner.
    const partner = signer?.status === 'active' ? signer : null;
    const receipt = partner
      ? await asActor(db, dbActorOf(actor), async (tx) => {
          const settled = await settleByReceipt(tx, identity, partner, content, 'file');
          if (settled) {
            await recordAudit(tx, auditContextOf(request), {
              action: 'federation.packet_received',
              resourceType: 'packet',
              resourceId: settled.packetId,
              details: { receipt: settled.outcome, partnerId: partner.id, via: 'file' },
            });
          }
          return settled;
        })
      : null;
    if (!receipt) {
      throw fieldError(
        422,
        'validation_failed',
        'content',
        'Neither a packet for this instance nor a receipt for a packet it is still sending.',
      );
    }
    return { kind: 'receipt' as const, packetId: receipt.packetId, outcome: receipt.outcome };
  });
}
