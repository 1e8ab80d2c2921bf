import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticateToken, type SessionPolicy } from '../auth/sessionStore.js';
import { sameSecret } from '../auth/tokens.js';
import type { Db } from '../db/client.js';
import { secondFactorRequiredFor } from '../policies/actor.js';
import { AppError } from './problem.js';

export const SESSION_COOKIE = 'sid';
export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `csrfKey`: the key ring's MAC key for CSRF tokens (`keyRing.macKey('csrf')`). */
export type CookiePolicy = { secure: boolean; csrfKey: Buffer };

/**
 * A session's CSRF token: a MAC of its session token. Whoever can plant a cookie (a sibling
 * subdomain, plain HTTP) still cannot make a token that passes for a session it cannot read, and
 * a fresh session token (sign-in, second factor) brings a fresh CSRF token with it.
 */
export const csrfTokenOf = (sessionToken: string, csrfKey: Buffer) =>
  createHmac('sha256', csrfKey).update(sessionToken).digest('base64url');

export function setSessionCookies(reply: FastifyReply, token: string, cookies: CookiePolicy) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookies.secure });
  setCsrfCookie(reply, token, cookies);
}

/** Also on every session read, so a page holding a stale or planted CSRF cookie is given its session's own again. */
export function setCsrfCookie(reply: FastifyReply, sessionToken: string, cookies: CookiePolicy) {
  // Readable by the page on purpose: the script echoes it in the CSRF header.
  reply.setCookie(CSRF_COOKIE, csrfTokenOf(sessionToken, cookies.csrfKey), {
    path: '/',
    httpOnly: false,
    sameSite: 'strict',
    secure: cookies.secure,
  });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

function assertSameOrigin(request: FastifyRequest) {
  const origin = request.headers.origin;
  if (!origin) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError(403, 'csrf_failed', 'The request came from another site.');
  }
  if (originHost !== request.headers.host) throw new AppError(403, 'csrf_failed', 'The request came from another site.');
}

/**
 * Cross-site request forgery: state changes must come from our own origin and, in a live session,
 * carry that session's CSRF token in a header that another site can neither read nor compute.
 */
function assertCsrf(request: FastifyRequest, csrfKey: Buffer) {
  if (SAFE_METHODS.has(request.method)) return;
  assertSameOrigin(request);
  const sessionToken = request.cookies[SESSION_COOKIE];
  // A cookie naming no live session lends a forged request no authority, and a browser holding
  // one from before must still be able to sign in again.
  if (!sessionToken || !request.auth) return;
  const header = request.headers[CSRF_HEADER];
  if (typeof header !== 'string' || !sameSecret(csrfTokenOf(sessionToken, csrfKey), header)) {
    throw new AppError(403, 'csrf_failed', `Send the ${CSRF_COOKIE} cookie's value in the ${CSRF_HEADER} header.`);
  }
}

/**
 * Whether the request matched an API route. The router decodes percent-escapes before matching,
 * so the raw URL (`/%61pi/...`) is no guide: only the matched pattern is.
 */
export function isApiRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url?.startsWith('/api/') ?? false;
}

export function registerSecurity(app: FastifyInstance, db: Db, sessions: SessionPolicy, csrfKey: Buffer) {
  app.decorateRequest('auth', null);
  // On request, so that the rate limiter that runs next can count per session instead of per address.
  app.addHook('onRequest', async (request) => {
    if (!isApiPath(request)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.auth = await authenticateToken(db, token, sessions, secondFactorRequiredFor);
    }
  });
  // Before validation: an anonymous or cross-site caller learns nothing about a route's schema.
  // Unmatched API paths too: anonymous callers learn nothing about which routes exist.
  app.addHook('preValidation', async (request) => {
    if (!isApiPath(request)) return;
    const stages = request.routeOptions.config?.stages ?? ['active'];
    assertCsrf(request, csrfKey);
    if (stages === 'public') return;
    if (!request.auth) throw new AppError(401, 'unauthenticated', 'Sign in first; your session may have expired.');
    if (!stages.includes(request.auth.stage)) {
      throw new AppError(401, 'second_factor_required', 'Finish signing in with your second factor first.');
    }
  });
}

/** Like isApiRoute, and for unmatched requests the decoded path, so `/%61pi/nothing` is an API 404. */
export function isApiPath(request: FastifyRequest): boolean {
  if (request.routeOptions.url) return isApiRoute(request);
  const rawPath = request.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(rawPath).startsWith('/api/');
  } catch {
    return rawPath.startsWith('/api/');
  }
}
