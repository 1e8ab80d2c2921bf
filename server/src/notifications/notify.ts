import type { NotificationKind, Permission } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../db/client.js';

export type Notice = {
  kind: NotificationKind;
  /** The agency whose people should act. */
  agencyId: string;
  /** One recipient; when absent, every active user of the agency who may act on the kind. */
  userId?: string | null;
  caseId?: string | null;
  /** The referral, placement, visit, meeting, contact or task the notice is about. */
  subjectId?: string | null;
  dueOn?: string | null;
  /** Writes the notice at most once per recipient and key (daily scans run repeatedly). */
  onceKey?: string | null;
  /** What the recipients need instead of the kind's acting permission, when the subject is a section's. */
  permission?: Permission;
};

/** Who may act on a notice of each kind when no single recipient is named. */
export const ACTING_PERMISSION: Record<NotificationKind, Permission> = {
  referral_received: 'case:update',
  referral_accepted: 'case:update',
  referral_declined: 'case:update',
  referral_withdrawn: 'case:update',
  transfer_offered: 'case:transfer',
  transfer_accepted: 'case:transfer',
  follow_up_visit_due: 'section:care',
  follow_up_visit_missed: 'section:care',
  admission_ending: 'shelter:manage',
  stay_limit_reached: 'shelter:manage',
  assessment_risk: 'section:care',
  meeting_invited: 'meeting:manage',
  meeting_action_assigned: 'case:update',
  directory_contact_unverified: 'directory:manage',
  task_due: 'case:update',
  packet_rejected: 'admin:federation',
  repatriation_received: 'repatriation:manage',
  repatriation_updated: 'repatriation:manage',
  cross_border_referral_received: 'repatriation:manage',
  cross_border_referral_updated: 'repatriation:manage',
  password_reset_requested: 'admin:users',
  case_assigned: 'case:update',
};

/**
 * Notifies inside the caller's transaction, which may run as the actor: the database function
 * checks the recipients and writes only kind, ids and a date, so the notice commits or rolls
 * back with the change it tells about. Returns how many recipients were written.
 */
export async function notify(tx: Tx, notice: Notice): Promise<number> {
  const result = await tx.execute(
    sql`select app_notify(${notice.kind}, ${notice.agencyId}::uuid, ${notice.userId ?? null}::uuid, ${notice.permission ?? ACTING_PERMISSION[notice.kind]},
      ${notice.caseId ?? null}::uuid, ${notice.subjectId ?? null}::uuid, ${notice.dueOn ?? null}::date, ${notice.onceKey ?? null}) as written`,
  );
  return Number(rowsOf<{ written: number }>(result)[0]?.written ?? 0);
}
