import type { FastifyRequest } from 'fastify';
import { fieldError } from './problem.js';

/** Path of the first string holding a NUL character, which no PostgreSQL text column can store. */
function nulPath(value: unknown, path: string[]): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = nulPath(child, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** Refuses NUL in any body or query field up front, naming the field, instead of failing in the database. */
export async function rejectNulCharacters(request: FastifyRequest) {
  const inQuery = nulPath(request.query, ['query']);
  const found = inQuery ?? nulPath(request.body, []);
  if (found) throw fieldError(400, 'validation_failed', found.join('.'), 'Text may not contain NUL characters.');
}
