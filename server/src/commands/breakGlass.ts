import { BREAK_GLASS_MINUTES } from '@seamless/contracts';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { breakGlassGrants } from '../db/schema/index.js';
import { notFound } from '../http/problem.js';

export type BreakGlassProps = {
  tx: Tx;
  actor: { userId: string; agencyId: string };
  audit: AuditContext;
  caseId: string;
  reason: string;
  now?: Date;
};

const FOREIGN_KEY_VIOLATION = '23503';

function sqlStateOf(error: unknown): string | undefined {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Emergency access outside need-to-know (DESIGN.md §4): every section of the case, for a few
 * hours, for this user only, with the reason on the audit trail for the admins' report. The
 * grant is written before the case is read because the user may not see the case until it
 * exists; the database accepts it only from a role that may break the glass.
 */
export async function breakGlass({ tx, actor, audit, caseId, reason, now = new Date() }: BreakGlassProps) {
  const expiresAt = new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000);
  const grant = await tx
    .insert(breakGlassGrants)
    .values({ caseId, userId: actor.userId, agencyId: actor.agencyId, reason, grantedAt: now, expiresAt })
    .returning()
    .then(([row]) => row!)
    .catch((error: unknown) => {
      if (sqlStateOf(error) === FOREIGN_KEY_VIOLATION) throw notFound();
      throw error;
    });
  await recordAudit(tx, audit, {
    action: 'case.break_glass',
    resourceType: 'case',
    resourceId: caseId,
    details: { grantId: grant.id, reason, expiresAt: expiresAt.toISOString() },
  });
  return grant;
}
