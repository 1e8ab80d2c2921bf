import { randomUUID } from 'node:crypto';
import { PACKET_VERSION, type PacketKind } from '@seamless/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { asSystem } from '../db/actorContext.js';
import { type Db, rowsOf, type Tx } from '../db/client.js';
import { type ConsentSnapshot, federationOutbox } from '../db/schema/index.js';
import type { InstanceIdentity } from './instanceIdentity.js';
import { type KnownPartner, type Receipt, sealPacket, verifyReceipt } from './packets.js';
import { partnerById } from './partners.js';

export type OutgoingPacket = {
  partner: KnownPartner;
  kind: PacketKind;
  threadId: string;
  sequence: number;
  consent: ConsentSnapshot | null;
  body: Record<string, unknown>;
  createdBy: string | null;
};

export type OutboxSettings = { identity: InstanceIdentity; packetDays: number; retrySeconds: number };

/**
 * Writes a sealed packet into the outbox in the caller's transaction: it leaves only if the change
 * it reports commits, and it leaves even if the process dies right after (the transactional outbox).
 */
export async function enqueuePacket(tx: Tx, settings: OutboxSettings, packet: OutgoingPacket, now = new Date()): Promise<string> {
  const id = randomUUID();
  const sealed = await sealPacket(settings.identity, packet.partner, {
    id,
    kind: packet.kind,
    version: PACKET_VERSION,
    from: settings.identity.instanceId,
    to: packet.partner.instanceId,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + settings.packetDays * 86_400_000).toISOString(),
    thread: packet.threadId,
    sequence: packet.sequence,
    consent: packet.consent,
    body: packet.body,
  });
  await tx.insert(federationOutbox).values({
    packetId: id,
    partnerId: packet.partner.id,
    kind: packet.kind,
    threadId: packet.threadId,
    sequence: packet.sequence,
    sealed,
    createdBy: packet.createdBy,
  });
  return id;
}

/** Seconds to wait after the `attempt`-th failed try: doubling from the base, never more than an hour. */
export const retryDelay = (baseSeconds: number, attempt: number) => Math.min(3600, baseSeconds * 2 ** Math.max(0, attempt - 1));

/**
 * Settles an outbox packet by the partner's signed receipt. A receipt that is not the partner's,
 * not for us, or not for this packet settles nothing. Returns the receipt when it counted.
 */
export async function settleByReceipt(
  tx: Tx,
  identity: InstanceIdentity,
  partner: KnownPartner,
  signed: string,
  via: 'push' | 'file',
  expectedPacketId?: string,
): Promise<Receipt | null> {
  const receipt = await verifyReceipt(identity, partner, signed);
  if (!receipt || (expectedPacketId && receipt.packetId !== expectedPacketId)) return null;
  const status = receipt.outcome === 'refused' ? 'refused' : 'delivered';
  const settled = await tx
    .update(federationOutbox)
    .set({
      status,
      receipt: signed,
      via,
      settledAt: new Date(),
      leaseUntil: null,
      lastError: receipt.refusal,
    })
    .where(
      and(
        eq(federationOutbox.packetId, receipt.packetId),
        eq(federationOutbox.partnerId, partner.id),
        eq(federationOutbox.status, 'pending'),
      ),
    )
    .returning({ packetId: federationOutbox.packetId });
  return settled.length > 0 ? receipt : null;
}

type Claimed = { packet_id: string; partner_id: string; sealed: string; attempts: number };

const PARALLEL_PUSHES = 4;

/**
 * Outbox rows `c` (joined to their partner `p`) the runner may send: pending, to a partner trusted
 * now, and first of their thread — behind an earlier packet still pending or turned away for good,
 * a later one waits (sent on, the receiver would only hold it), until that one is retried. After
 * a key rotation, what is signed with the new keys waits until the partner has been told of them.
 */
const CLAIMABLE = sql`c.status = 'pending' and p.status = 'active'
  and not exists (select 1 from federation_outbox e where e.partner_id = c.partner_id and e.thread_id = c.thread_id
    and e.status in ('pending', 'rejected') and e.sequence < c.sequence)
  and not exists (select 1 from federation_outbox k where k.partner_id = c.partner_id and k.kind = 'key_rotation'
    and k.status = 'pending' and k.created_at < c.created_at)`;

/** Whether the receiver's answer says the packet itself is bad, so that sending it again cannot help. */
const PERMANENT = new Set([400, 401, 403, 404, 413, 415, 422]);

/**
 * Pushes due packets to partners over HTTPS and retries with exponential backoff. Per partner and
 * thread only the first unsettled packet goes out, so a thread arrives in order; a lease keeps two
 * app processes from sending the same packet at once (the receiver applies a duplicate only once
 * anyway).
 */
export class DeliveryRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly settings: OutboxSettings,
    private readonly log: FastifyBaseLogger,
    private readonly fetchTimeoutMs = 15_000,
  ) {}

  start() {
    this.schedule(500);
  }

  /** A packet was just committed: look soon rather than at the next timer. */
  kick() {
    this.schedule(20);
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick() {
    if (this.running) return this.schedule(100);
    this.running = this.deliverDue()
      .then(() => undefined)
      .catch((error) => this.log.error({ err: error }, 'federation delivery run failed'))
      .finally(() => {
        this.running = null;
      });
    await this.running;
    if (!this.stopped) this.schedule(await this.untilNextDue());
  }

  /** Until the next packet the runner could claim is due: none (null from SQL) means look again in half a minute. */
  private async untilNextDue(): Promise<number> {
    const [next] = rowsOf<{ wait_ms: number | null }>(
      await this.db.execute(sql`select (extract(epoch from (min(greatest(c.next_attempt_at, coalesce(c.lease_until, c.next_attempt_at))) - now())) * 1000)::float8 as wait_ms
        from federation_outbox c join partner_instances p on p.id = c.partner_id where ${CLAIMABLE}`),
    );
    // Another app process may enqueue: look at least every half minute.
    const wait = next?.wait_ms == null ? 30_000 : Number(next.wait_ms);
    return Math.min(30_000, Math.max(50, wait));
  }

  /** One pass: claim what is due, push each, record the outcome. Returns how many were sent. */
  async deliverDue(): Promise<number> {
    const claimed = await asSystem(this.db, async (tx) =>
      rowsOf<Claimed>(
        await tx.execute(sql`update federation_outbox o set lease_until = now() + interval '2 minutes', attempts = o.attempts + 1
          where o.packet_id in (
            select c.packet_id from federation_outbox c join partner_instances p on p.id = c.partner_id
            where ${CLAIMABLE} and c.next_attempt_at <= now() and (c.lease_until is null or c.lease_until < now())
            order by c.created_at limit 25 for update of c skip locked)
          returning o.packet_id, o.partner_id, o.sealed, o.attempts`),
      ),
    );
    // Claimed packets belong to different threads, so a few go out at once without breaking any order.
    for (let start = 0; start < claimed.length; start += PARALLEL_PUSHES) {
      await Promise.all(claimed.slice(start, start + PARALLEL_PUSHES).map((packet) => this.push(packet)));
    }
    return claimed.length;
  }

  private async push(packet: Claimed) {
    const partner = await partnerById(this.db, packet.partner_id);
    if (!partner) return;
    let failure: string;
    let permanent = false;
    try {
      // Relative to the base URL, so that a partner published under a path (behind a reverse proxy) keeps it.
      const inbox = new URL('api/federation/inbox', partner.endpoint.endsWith('/') ? partner.endpoint : `${partner.endpoint}/`);
      const response = await fetch(inbox, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ packet: packet.sealed }),
        signal: AbortSignal.timeout(this.fetchTimeoutMs),
      });
      const answer = (await response.json().catch(() => null)) as { receipt?: unknown; errors?: { code?: string }[] } | null;
      if (response.ok && typeof answer?.receipt === 'string') {
        const signed = answer.receipt;
        const receipt = await asSystem(this.db, (tx) =>
          settleByReceipt(tx, this.settings.identity, partner, signed, 'push', packet.packet_id),
        );
        if (receipt) return;
        failure = 'receipt_not_valid';
      } else {
        // A partner that suspended us may trust us again: its refusal then is not the packet's fault.
        permanent = PERMANENT.has(response.status) && answer?.errors?.[0]?.code !== 'partner_suspended';
        failure = `http_${response.status}${answer?.errors?.[0]?.code ? `:${answer.errors[0].code}` : ''}`;
      }
    } catch (error) {
      failure = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'unreachable';
    }
    const delay = retryDelay(this.settings.retrySeconds, packet.attempts);
    await asSystem(this.db, (tx) =>
      tx
        .update(federationOutbox)
        .set(
          permanent
            ? { status: 'rejected', lastError: failure, leaseUntil: null, settledAt: new Date() }
            : { lastError: failure, leaseUntil: null, nextAttemptAt: new Date(Date.now() + delay * 1000) },
        )
        .where(and(eq(federationOutbox.packetId, packet.packet_id), eq(federationOutbox.status, 'pending'))),
    );
    this.log.warn({ packetId: packet.packet_id, failure, attempts: packet.attempts, permanent }, 'federation packet not delivered');
  }
}
