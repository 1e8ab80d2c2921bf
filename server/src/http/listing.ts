import { asc, desc, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { fieldError } from './problem.js';

/** `sort=field` ascending, `sort=-field` descending, among the fields a listing allows. */
export function orderFrom(sort: string | undefined, allowed: Record<string, AnyPgColumn>, fallback: string): SQL {
  const wanted = sort ?? fallback;
  const descending = wanted.startsWith('-');
  const column = allowed[descending ? wanted.slice(1) : wanted];
  if (!column) {
    throw fieldError(400, 'validation_failed', 'query.sort', `Sort by one of: ${Object.keys(allowed).join(', ')}`);
  }
  return descending ? desc(column) : asc(column);
}

export const offsetOf = (page: number, pageSize: number) => (page - 1) * pageSize;

/** Escapes LIKE wildcards so a search for "50%" means the text, not a pattern. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
