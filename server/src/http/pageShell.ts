import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyReply } from 'fastify';
import { allowStyleNonce } from './responseHeaders.js';

/** What the web build writes where the nonce goes (web/vite.config.ts, html.cspNonce). */
const NONCE_PLACEHOLDER = /SEAMLESS_CSP_NONCE/g;

/**
 * The web app's index.html, served for every page URL with a nonce of its own: the CSP admits
 * only the style elements that carry it, so styles injected by anyone else are refused.
 */
export function pageShell(indexFile: string) {
  const html = fs.readFileSync(indexFile, 'utf8');
  return (reply: FastifyReply) => {
    const nonce = randomBytes(18).toString('base64');
    allowStyleNonce(reply, nonce);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html.replace(NONCE_PLACEHOLDER, nonce));
  };
}
