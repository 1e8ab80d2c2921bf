import type { AuditAction } from '@seamless/contracts';
import type { Queryable } from '../db/client.js';
import { type AuditContext, recordAudit } from './record.js';

/**
 * A refused read of something sensitive, by kind: the case or export it aimed at and the
 * policy's reason, as ids and codes only (never what was asked for, which may carry a name).
 */
export type RefusedRead =
  | { read: 'victim_certificate'; caseId: string; reason: 'identity_section_missing' | 'emergency_access_only' }
  | { read: 'attachment'; caseId: string; attachmentId: string; reason: 'section_not_held' }
  | { read: 'identity_search'; reason: 'identity_section_missing' }
  | { read: 'relinkage_queue'; reason: 'identity_section_missing' }
  | { read: 'htcds_export'; reason: 'export_not_allowed' | 'identities_not_allowed' }
  | { read: 'global_collection_export'; reason: 'export_not_allowed' };

/** Each refusal is recorded under the action it would have been, with the denied outcome. */
const ACTION_OF: Record<RefusedRead['read'], AuditAction> = {
  victim_certificate: 'case.certificate_issued',
  attachment: 'case.attachment_read',
  identity_search: 'person.match_search',
  relinkage_queue: 'relinkage.queue_read',
  htcds_export: 'export.created',
  global_collection_export: 'statistics.global_collection_exported',
};

const RESOURCE_OF: Record<RefusedRead['read'], string> = {
  victim_certificate: 'case',
  attachment: 'case',
  identity_search: 'person',
  relinkage_queue: 'relinkage_candidate',
  htcds_export: 'htcds_export',
  global_collection_export: 'statistic',
};

/**
 * Writes the refusal at once, unlike refused case ids (deniedReads.ts, gathered per minute): these
 * are few and each one is an attempt at a name or a copy. The caller gives a transaction that
 * commits: the refused request's own one rolls back with its error.
 */
export async function recordRefusedRead(db: Queryable, context: AuditContext, refused: RefusedRead): Promise<void> {
  const { read, ...details } = refused;
  await recordAudit(db, context, {
    action: ACTION_OF[read],
    resourceType: RESOURCE_OF[read],
    resourceId: 'caseId' in refused ? refused.caseId : undefined,
    outcome: 'denied',
    details: { read, ...details },
  });
}
