import type { AuditEvent } from '@seamless/contracts';
import { oneOf } from '../../lib/oneOf';
import { isoDateParam, pageParam, textParam } from '../../lib/searchParams';

export type AuditOutcome = AuditEvent['outcome'];
export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const satisfies readonly AuditOutcome[];

export interface AuditSearch {
  page?: number;
  /**
   * Checked here only for shape: AUDIT_ACTIONS shares its contract module with zod schemas that
   * the entry bundle should not carry. The page narrows it to the vocabulary.
   */
  action?: string;
  outcome?: AuditOutcome;
  resourceType?: string;
  /** Calendar days in the reader's time zone, inclusive; turned into instants when querying. */
  from?: string;
  to?: string;
}

const ACTION_SHAPE = /^[a-z_]+\.[a-z_]+$/;

export function validateAuditSearch(search: Record<string, unknown>): AuditSearch {
  const action = textParam(search.action, 60);
  return {
    page: pageParam(search.page),
    action: action && ACTION_SHAPE.test(action) ? action : undefined,
    outcome: oneOf(search.outcome, AUDIT_OUTCOMES),
    resourceType: textParam(search.resourceType, 40),
    from: isoDateParam(search.from),
    to: isoDateParam(search.to),
  };
}
