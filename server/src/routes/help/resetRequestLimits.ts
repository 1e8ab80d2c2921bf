import { createHmac } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { KeyRing } from '../../crypto/keyRing.js';

export const RESET_WINDOW = '15 minutes';
/**
 * Per address and name asked about: enough for a typo or two, too few to page an agency's
 * administrators all day. Colleagues behind one office router each keep their own budget.
 */
export const RESET_REQUESTS_PER_NAME = 5;
/** Per address, whatever the names: a ceiling against trying many names from one place. */
export const RESET_REQUESTS_PER_ADDRESS = 30;

/** The address's share of the ceiling; per address even for a signed-in caller (a new session buys nothing). */
export const addressKey = (request: FastifyRequest) => `reset-address:${request.ip}`;

/**
 * The address and the name asked about, as the limiter counts them: the name only as a keyed
 * hash, so the limiter's memory holds no username (a typo may be someone's password).
 */
export function addressAndNameKey(keyRing: KeyRing, request: FastifyRequest, username: string): string {
  const name = createHmac('sha256', keyRing.macKey('password-reset-limit')).update(username.trim().toLowerCase()).digest('base64url');
  return `reset-name:${request.ip}:${name.slice(0, 22)}`;
}
