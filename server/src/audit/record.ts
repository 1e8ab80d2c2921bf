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
 * Administrative settings whose before/after values the trail keeps: they describe the system,
 * not a person. Every other event keeps only which fields changed.
 */
const SETTINGS_RESOURCES: ReadonlySet<string> = new Set(['agency', 'role', 'user_group', 'user', 'lookup_list', 'form_configuration']);
const CIPHERTEXT = /^v[12]:[A-Za-z0-9_-]+:/;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isChange = (value: Record<string, unknown>) => Object.keys(value).length === 2 && 'from' in value && 'to' in value;

/**
 * The last line of defence for an append-only trail administrators read: ciphertexts never go
 * in (they say when a value changed and outlive key rotation), nor before/after values of
 * anything but administrative settings.
 */
function withoutValues(value: unknown, keepChanges: boolean): unknown {
  if (typeof value === 'string') return CIPHERTEXT.test(value) ? 'changed' : value;
  if (Array.isArray(value)) return value.map((item) => withoutValues(item, keepChanges));
  if (!isPlainObject(value)) return value;
  if (!keepChanges && isChange(value)) return 'changed';
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutValues(item, keepChanges)]));
}

/**
 * Appends one event in the caller's transaction, so the trail and the change commit or roll
 * back together. The database links it into the hash chain its transaction holds (audit_append).
 */
export async function recordAudit(db: Queryable, context: AuditContext, event: AuditEventInput): Promise<void> {
  const actor = context.actor;
  await db.execute(sql`select audit_append(
    ${event.action}, ${actor?.userId ?? null}::uuid, ${actor?.username ?? null}, ${actor?.agencyId ?? null}::uuid,
    ${event.resourceType ?? null}, ${event.resourceId ?? null}, ${event.outcome ?? 'success'},
    ${context.requestId ?? null}, ${JSON.stringify(withoutValues(event.details ?? {}, SETTINGS_RESOURCES.has(event.resourceType ?? '')))}::jsonb)`);
}

export type FieldChange = { from: unknown; to: unknown } | 'changed' | string[];

/**
 * The fields whose values changed. Encrypted columns (`…Enc`) and `redacted` ones say only
 * `changed`; an object column (form answers) names the keys that changed, never their values.
 * Before/after values of other fields reach the trail only for administrative settings
 * (recordAudit drops them elsewhere).
 */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  redacted: readonly (keyof T)[] = [],
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    const [from, to] = [before[key], after[key]];
    if (to === undefined || JSON.stringify(from) === JSON.stringify(to)) continue;
    if (redacted.includes(key) || key.endsWith('Enc')) changes[key] = 'changed';
    else if (isPlainObject(from) || isPlainObject(to))
      changes[key] = changedKeys(isPlainObject(from) ? from : {}, isPlainObject(to) ? to : {});
    else changes[key] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}

const changedKeys = (from: Record<string, unknown>, to: Record<string, unknown>) =>
  [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((key) => JSON.stringify(from[key]) !== JSON.stringify(to[key])).sort();
