import type { FastifyInstance, FastifyReply } from 'fastify';
import { isApiPath } from './security.js';

const ONE_YEAR_SECONDS = 31_536_000;

/**
 * No inline script or style anywhere: the web app's own files, and the style elements Mantine
 * writes only when they carry the page's nonce. No framing (clickjacking), no plugins, no
 * <base> rewriting, forms post only to us.
 */
export function contentSecurityPolicy(styleNonce?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    styleNonce ? `style-src 'self' 'nonce-${styleNonce}'` : "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The page shell replaces the default policy with one naming its nonce. */
export function allowStyleNonce(reply: FastifyReply, nonce: string) {
  reply.header('content-security-policy', contentSecurityPolicy(nonce));
}

export function registerResponseHeaders(app: FastifyInstance, options: { hsts: boolean }) {
  const defaultPolicy = contentSecurityPolicy();
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', defaultPolicy);
    // Only when cookies are Secure, i.e. the instance is served over TLS: HSTS on plain HTTP would lock browsers out.
    if (options.hsts) reply.header('strict-transport-security', `max-age=${ONE_YEAR_SECONDS}; includeSubDomains`);
    if (isApiPath(request)) reply.header('cache-control', 'no-store');
  });
}
