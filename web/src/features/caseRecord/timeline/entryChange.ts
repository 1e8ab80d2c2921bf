import { CASE_STATUSES, type CaseStatus, TRAFFICKING_STATUSES, type TraffickingStatus } from '@seamless/contracts';
import { oneOf } from '../../../lib/oneOf';

export type EntryChange =
  | { kind: 'traffickingStatus'; from: TraffickingStatus; to: TraffickingStatus }
  | { kind: 'caseStatus'; from: CaseStatus; to: CaseStatus };

/**
 * The status move a timeline entry records, when it records one. Details carry no personal data
 * (statuses only), so they can be shown to every agency that sees the entry.
 */
export function entryChange(kind: string, details: Record<string, unknown>): EntryChange | null {
  if (kind === 'trafficking_status.decided') {
    const from = oneOf(details.from, TRAFFICKING_STATUSES);
    const to = oneOf(details.to, TRAFFICKING_STATUSES);
    return from && to ? { kind: 'traffickingStatus', from, to } : null;
  }
  if (kind === 'case.status_changed') {
    const from = oneOf(details.from, CASE_STATUSES);
    const to = oneOf(details.to, CASE_STATUSES);
    return from && to ? { kind: 'caseStatus', from, to } : null;
  }
  return null;
}
