import type { AuditAction } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';

export type AuditOutcome = 'success' | 'denied' | 'failure';

/** Who did it and in which request: taken from the request, never from the event's payload. */
export type AuditContext = {
  actor?: { userId: string; username: string; agencyId: string } | null;
  requestId?: string;
};

export type AuditEventInput = {
  action: AuditAction;
  resourceType?: string;
  resourceId?: string;
  outcome?: AuditOutcome;
  /** Never names, contacts or secrets: ids, field names and codes only. */
  details?: Record<string, unknown>;
};

/**
 * Appends one event in the caller's transaction, so the trail and the change commit or roll
 * back together. The database links it into the hash chain (audit_append).
 */
export async function recordAudit(db: Queryable, context: AuditContext, event: AuditEventInput): Promise<void> {
  const actor = context.actor;
  await db.execute(sql`select audit_append(
    ${event.action}, ${actor?.userId ?? null}::uuid, ${actor?.username ?? null}, ${actor?.agencyId ?? null}::uuid,
    ${event.resourceType ?? null}, ${event.resourceId ?? null}, ${event.outcome ?? 'success'},
    ${context.requestId ?? null}, ${JSON.stringify(event.details ?? {})}::jsonb)`);
}

/** Field names whose values changed, with before/after, leaving out secrets and identity data. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  redacted: readonly (keyof T)[] = [],
): Record<string, { from: unknown; to: unknown } | 'changed'> {
  const changes: Record<string, { from: unknown; to: unknown } | 'changed'> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (after[key] === undefined || JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    changes[key] = redacted.includes(key) ? 'changed' : { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}
