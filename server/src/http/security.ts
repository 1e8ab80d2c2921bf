import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticateToken, type SessionPolicy } from '../auth/sessionStore.js';
import { newToken, sameSecret } from '../auth/tokens.js';
import { asSystem } from '../db/actorContext.js';
import type { Db } from '../db/client.js';
import { secondFactorRequiredFor } from '../policies/actor.js';
import { AppError } from './problem.js';

export const SESSION_COOKIE = 'sid';
export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type CookiePolicy = { secure: boolean };

export function setSessionCookies(reply: FastifyReply, token: string, cookies: CookiePolicy) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookies.secure });
  // Readable by the page on purpose: the double-submit CSRF check needs the script to echo it.
  reply.setCookie(CSRF_COOKIE, newToken(), { path: '/', httpOnly: false, sameSite: 'strict', secure: cookies.secure });
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
 * Cross-site request forgery: state changes must come from our own origin and, once a session
 * exists, echo the CSRF cookie in a header that another site cannot read or set.
 */
function assertCsrf(request: FastifyRequest) {
  if (SAFE_METHODS.has(request.method)) return;
  assertSameOrigin(request);
  if (!request.cookies[SESSION_COOKIE]) return;
  const cookie = request.cookies[CSRF_COOKIE];
  const header = request.headers[CSRF_HEADER];
  if (!cookie || typeof header !== 'string' || !sameSecret(cookie, header)) {
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

export function registerSecurity(app: FastifyInstance, db: Db, sessions: SessionPolicy) {
  app.decorateRequest('auth', null);
  // On request, so that the rate limiter that runs next can count per session instead of per address.
  app.addHook('onRequest', async (request) => {
    if (!isApiPath(request)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.auth = await asSystem(db, (tx) => authenticateToken(tx, token, sessions, secondFactorRequiredFor));
    }
  });
  // Before validation: an anonymous or cross-site caller learns nothing about a route's schema.
  // Unmatched API paths too: anonymous callers learn nothing about which routes exist.
  app.addHook('preValidation', async (request) => {
    if (!isApiPath(request)) return;
    const stages = request.routeOptions.config?.stages ?? ['active'];
    assertCsrf(request);
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
