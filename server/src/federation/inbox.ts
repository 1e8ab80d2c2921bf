import type { PacketRefusal, ReceiptOutcome } from '@seamless/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { asSystem } from '../db/actorContext.js';
import { placeOf } from '../db/cipherPlace.js';
import { type Db, rowsOf, type Tx } from '../db/client.js';
import { federationInbox, federationRejections } from '../db/schema/index.js';
import { notify } from '../notifications/notify.js';
import type { InstanceIdentity } from './instanceIdentity.js';
import { openPacket, type PacketContent, PacketRejected, signReceipt } from './packets.js';
import { type PartnerRecord, partnerByKeyId } from './partners.js';

export type ReceivedPacket = { content: PacketContent; partner: PartnerRecord; via: 'push' | 'file' };

/** Applies one packet's content to this instance's records, in the receiving transaction. */
export type PacketApplier = (tx: Tx, packet: ReceivedPacket) => Promise<void>;

/** The content arrived intact and signed, but will not be applied; the receipt says why. */
export class PacketRefused extends Error {
  constructor(readonly refusal: PacketRefusal) {
    super(`packet refused: ${refusal}`);
  }
}

/** How far ahead of the last packet of its thread an early packet may arrive and be held. */
const MOST_HELD = 50;
/** How many early packets a partner may have held at once, across all its threads. */
const MOST_HELD_PER_PARTNER = 500;

export type InboxDeps = { db: Db; keyRing: KeyRing; identity: InstanceIdentity; apply: PacketApplier; log: FastifyBaseLogger };

export type Receiving = { packetId: string; outcome: ReceiptOutcome; receipt: string; partner: PartnerRecord };

/** Every federation admin hears of a packet turned away, once an hour per reason. */
async function alertAdmins(tx: Tx, rejectionId: string, reason: string, now: Date) {
  const admins = rowsOf<{ agency_id: string }>(
    await tx.execute(sql`select distinct u.agency_id from users u join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id
      where u.active and 'admin:federation' = any (r.permissions)`),
  );
  const hour = now.toISOString().slice(0, 13);
  for (const { agency_id } of admins) {
    await notify(tx, {
      kind: 'packet_rejected',
      agencyId: agency_id,
      subjectId: rejectionId,
      onceKey: `packet_rejected:${reason}:${hour}`,
    });
  }
}

/**
 * A packet nobody is known to have signed costs its sender nothing to make: such rejections are
 * recorded (and alerted) at most this many a minute, and only counted beyond, so that junk posted
 * to the public inbox cannot fill the database or the audit trail.
 */
const ANONYMOUS_RECORDS_PER_MINUTE = 20;
const anonymous = { minute: '', recorded: 0, skipped: 0 };

function mayRecordAnonymous(now: Date, log: FastifyBaseLogger): boolean {
  const minute = now.toISOString().slice(0, 16);
  if (anonymous.minute !== minute) {
    if (anonymous.skipped > 0)
      log.warn({ skipped: anonymous.skipped, minute: anonymous.minute }, 'federation: unsigned packets rejected without record');
    Object.assign(anonymous, { minute, recorded: 0, skipped: 0 });
  }
  if (anonymous.recorded >= ANONYMOUS_RECORDS_PER_MINUTE) {
    anonymous.skipped += 1;
    return false;
  }
  anonymous.recorded += 1;
  return true;
}

async function recordRejection(db: Db, rejected: PacketRejected, via: 'push' | 'file', log: FastifyBaseLogger, now: Date) {
  if (!rejected.partnerId && !mayRecordAnonymous(now, log)) return;
  await asSystem(db, async (tx) => {
    const [row] = await tx
      .insert(federationRejections)
      .values({ reason: rejected.reason, partnerId: rejected.partnerId, packetId: rejected.packetId, via, receivedAt: now })
      .returning({ id: federationRejections.id });
    await recordAudit(
      tx,
      {},
      {
        action: 'federation.packet_rejected',
        resourceType: 'packet',
        resourceId: rejected.packetId ?? undefined,
        outcome: 'denied',
        details: { reason: rejected.reason, partnerId: rejected.partnerId, via },
      },
    );
    await alertAdmins(tx, row!.id, rejected.reason, now);
  });
  log.warn({ reason: rejected.reason, partnerId: rejected.partnerId, packetId: rejected.packetId, via }, 'federation packet rejected');
}

/**
 * Applies, in sequence order, the waiting packets of one thread that follow the last one settled.
 * Each is applied in a savepoint: a refusal undoes its half-done work and the thread moves on.
 */
async function drainThread(tx: Tx, deps: InboxDeps, partner: PartnerRecord, threadId: string) {
  for (;;) {
    const [next] = rowsOf<{ packet_id: string; content_enc: string; via: 'push' | 'file' }>(
      await tx.execute(sql`select i.id as packet_id, i.content_enc, i.via from federation_inbox i
        where i.partner_id = ${partner.id}::uuid and i.thread_id = ${threadId}::uuid and i.status = 'waiting'
          and i.sequence = 1 + coalesce((select max(s.sequence) from federation_inbox s where s.partner_id = i.partner_id
            and s.thread_id = i.thread_id and s.status <> 'waiting'), 0)`),
    );
    if (!next) return;
    const content = JSON.parse(
      deps.keyRing.decrypt(next.content_enc, placeOf(federationInbox.contentEnc, next.packet_id)),
    ) as PacketContent;
    let refusal: PacketRefusal | null = null;
    try {
      await tx.transaction((savepoint) => deps.apply(savepoint as Tx, { content, partner, via: next.via }));
    } catch (error) {
      if (!(error instanceof PacketRefused)) throw error;
      refusal = error.refusal;
    }
    await tx
      .update(federationInbox)
      .set({ status: refusal ? 'refused' : 'applied', refusal, appliedAt: new Date() })
      .where(eq(federationInbox.packetId, next.packet_id));
  }
}

/**
 * Receives a sealed packet (pushed, or carried as a file): checks it before anything is applied,
 * keeps it at most once by its id, applies it in order within its thread, and answers with a
 * signed receipt. A packet that fails the checks is logged, alerted and rethrown as PacketRejected.
 */
export async function receivePacket(deps: InboxDeps, sealed: string, via: 'push' | 'file', now = new Date()): Promise<Receiving> {
  let opened: Awaited<ReturnType<typeof openPacket>>;
  try {
    opened = await openPacket(deps.identity, sealed, (keyId) => partnerByKeyId(deps.db, keyId), now);
  } catch (error) {
    if (error instanceof PacketRejected) await recordRejection(deps.db, error, via, deps.log, now);
    throw error;
  }
  const { content } = opened;
  const partner = opened.partner as PartnerRecord;
  const { outcome, refusal } = await asSystem(deps.db, async (tx): Promise<{ outcome: ReceiptOutcome; refusal: PacketRefusal | null }> => {
    // One receiver at a time per thread, so two deliveries of neighbouring packets cannot both wait.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${partner.id}:${content.thread}`}, 0))`);
    const refused = (refusal: PacketRefusal) => ({ outcome: 'refused' as const, refusal });
    const [known] = await tx
      .select({ packetId: federationInbox.packetId, status: federationInbox.status, refusal: federationInbox.refusal })
      .from(federationInbox)
      .where(
        and(
          eq(federationInbox.partnerId, partner.id),
          eq(federationInbox.threadId, content.thread),
          eq(federationInbox.sequence, content.sequence),
        ),
      );
    // A refused packet sent again is refused again: its first receipt may have been lost on the way.
    if (known?.packetId === content.id) {
      return known.status === 'refused' ? refused(known.refusal ?? 'out_of_step') : { outcome: 'duplicate', refusal: null };
    }
    if (known) return refused('out_of_step');
    const [sameId] = await tx
      .select({ packetId: federationInbox.packetId })
      .from(federationInbox)
      .where(eq(federationInbox.packetId, content.id));
    if (sameId) return refused('out_of_step');
    // A packet far ahead of its thread would be held for ever: a sender sends a thread in order.
    const [settled] = rowsOf<{ last: number }>(
      // Counted from the last packet settled, not the last one held: held packets cannot push the bound ahead.
      await tx.execute(sql`select coalesce(max(sequence), 0)::int as last from federation_inbox
        where partner_id = ${partner.id}::uuid and thread_id = ${content.thread}::uuid and status <> 'waiting'`),
    );
    if (content.sequence > (settled?.last ?? 0) + MOST_HELD) return refused('out_of_step');
    // Nor may a partner fill the inbox with packets held on threads that never begin.
    if (content.sequence > (settled?.last ?? 0) + 1) {
      const [held] = rowsOf<{ held: number }>(
        await tx.execute(
          sql`select count(*)::int as held from federation_inbox where partner_id = ${partner.id}::uuid and status = 'waiting'`,
        ),
      );
      if ((held?.held ?? 0) >= MOST_HELD_PER_PARTNER) return refused('out_of_step');
    }
    await tx.insert(federationInbox).values({
      packetId: content.id,
      partnerId: partner.id,
      kind: content.kind,
      threadId: content.thread,
      sequence: content.sequence,
      contentEnc: deps.keyRing.encrypt(JSON.stringify(content), placeOf(federationInbox.contentEnc, content.id)),
      status: 'waiting',
      via,
      receivedAt: now,
    });
    await drainThread(tx, deps, partner, content.thread);
    const [stored] = await tx
      .select({ status: federationInbox.status, refusal: federationInbox.refusal })
      .from(federationInbox)
      .where(eq(federationInbox.packetId, content.id));
    await recordAudit(
      tx,
      {},
      {
        action: 'federation.packet_received',
        resourceType: 'packet',
        resourceId: content.id,
        details: { kind: content.kind, partnerId: partner.id, threadId: content.thread, sequence: content.sequence, via },
      },
    );
    if (stored?.status === 'refused') return refused(stored.refusal ?? 'out_of_step');
    return { outcome: stored?.status === 'applied' ? 'applied' : 'held', refusal: null };
  });
  const receipt = await signReceipt(deps.identity, partner, content.id, outcome, refusal, now);
  return { packetId: content.id, outcome, receipt, partner };
}
