import {
  type Delivery,
  PACKET_REJECTIONS,
  PACKET_STATUSES,
  type PacketRejection,
  type PacketStatus,
  type PartnerStatus,
  type ReceiptOutcome,
} from '@seamless/contracts';
import { ApiProblem } from '../../api/problem';
import { oneOf } from '../../lib/oneOf';

export const PARTNER_STATUS_COLORS: Record<PartnerStatus, string> = { active: 'teal', suspended: 'orange', revoked: 'red' };

export const deliveryStatusOf = (status: string): PacketStatus | undefined => oneOf(status, PACKET_STATUSES);

export const DELIVERY_STATUS_COLORS: Record<PacketStatus, string> = {
  pending: 'yellow',
  delivered: 'teal',
  refused: 'orange',
  rejected: 'red',
  cancelled: 'gray',
  waiting: 'yellow',
  applied: 'teal',
};

export const OUTCOME_COLORS: Record<ReceiptOutcome, string> = { applied: 'teal', held: 'yellow', duplicate: 'gray', refused: 'orange' };

/**
 * The fingerprint as four lines of four groups: the way two administrators read it to each other,
 * line by line, over the phone.
 */
export function fingerprintLines(fingerprint: string): string[][] {
  const groups = fingerprint.trim().split(/\s+/).filter(Boolean);
  const lines: string[][] = [];
  for (let start = 0; start < groups.length; start += 4) lines.push(groups.slice(start, start + 4));
  return lines;
}

export type PartnerStatusAction = 'suspend' | 'revoke' | 'reactivate';

export const ACTION_STATUS: Record<PartnerStatusAction, PartnerStatus> = { suspend: 'suspended', revoke: 'revoked', reactivate: 'active' };

/**
 * What an administrator may do to a partner's trust. Revoking is for keys that can no longer be
 * trusted, so it is final here: trusting that country again means registering its new keys.
 */
export function partnerActions(status: PartnerStatus): PartnerStatusAction[] {
  if (status === 'active') return ['suspend', 'revoke'];
  if (status === 'suspended') return ['reactivate', 'revoke'];
  return [];
}

/** An outgoing packet not yet settled, or turned away, can be pushed again or carried across as a file. */
export const isUndelivered = (delivery: Pick<Delivery, 'direction' | 'status'>) =>
  delivery.direction === 'outgoing' && (delivery.status === 'pending' || delivery.status === 'rejected');

/** The partner's reason when its answer named one (the outbox records `http_422:bad_signature`). */
export function rejectionInError(lastError: string | null): PacketRejection | undefined {
  return oneOf(lastError?.split(':').at(-1), PACKET_REJECTIONS);
}

/** Why an imported file was turned away: the reason the server names on the problem's first field error. */
export function rejectionOf(error: unknown): PacketRejection | null {
  if (!(error instanceof ApiProblem) || error.code !== 'packet_rejected') return null;
  for (const fieldError of error.errors) {
    const reason = oneOf(fieldError.code, PACKET_REJECTIONS);
    if (reason) return reason;
  }
  return 'malformed';
}

/** The server found the imported file to be neither a packet for this instance nor a receipt for one of its packets. */
export const notRecognised = (error: unknown) =>
  error instanceof ApiProblem && error.code === 'validation_failed' && error.errors.some((fieldError) => fieldError.path === 'content');

/**
 * A pasted or uploaded identity document, read as JSON before it is sent; the server checks it
 * against the contract, this only catches text that is not a document at all.
 */
export function parseIdentityDocument(text: string): { ok: true; document: unknown } | { ok: false } {
  try {
    const document: unknown = JSON.parse(text);
    return typeof document === 'object' && document !== null && !Array.isArray(document) ? { ok: true, document } : { ok: false };
  } catch {
    return { ok: false };
  }
}
