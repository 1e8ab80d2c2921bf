import { implausibleTextReason } from '@seamless/contracts';
import type { FastifyRequest } from 'fastify';
import { fieldError } from './problem.js';

/** Secrets are compared, never shown or stored as text: whatever characters they hold are theirs. */
const SECRET_FIELDS = new Set(['password', 'currentPassword', 'newPassword']);

type Finding = { path: string[]; reason: string };

/** The first string field holding characters no one types: NUL and other controls, direction overrides, invisible-only text. */
export function implausibleField(value: unknown, path: string[]): Finding | null {
  if (typeof value === 'string') {
    const reason = implausibleTextReason(value);
    return reason ? { path, reason } : null;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (SECRET_FIELDS.has(key) && typeof child === 'string') continue;
      const found = implausibleField(child, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses such text in any body or query field up front, naming the field: NUL cannot be stored
 * by PostgreSQL at all, and overrides make a name display differently from what it is.
 */
export async function rejectImplausibleText(request: FastifyRequest) {
  const found = implausibleField(request.query, ['query']) ?? implausibleField(request.body, []);
  if (found) throw fieldError(400, 'validation_failed', found.path.join('.'), found.reason);
}
