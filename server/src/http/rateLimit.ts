import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { isApiRoute } from './security.js';

/**
 * Signed-in users are counted per session, so colleagues behind one office router do not share a
 * budget; everyone else per address (the proxy's client address when TRUST_PROXY is set).
 * The session id is hashed so the limiter's memory holds nothing that identifies a session row.
 */
export function rateLimitKey(request: FastifyRequest): string {
  const sessionId = request.auth?.sessionId;
  if (sessionId) return `session:${createHash('sha256').update(sessionId).digest('base64url').slice(0, 22)}`;
  return `address:${request.ip}`;
}

/** Only API calls count: static assets (a cold page load fetches dozens) and health probes do not. */
export function isRateLimitExempt(request: FastifyRequest): boolean {
  return !isApiRoute(request);
}
