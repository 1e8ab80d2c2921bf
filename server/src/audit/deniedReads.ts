import { asSystem } from '../db/actorContext.js';
import type { Db } from '../db/client.js';
import { type AuditContext, recordAudit } from './record.js';

/** How long the refusals of one user are gathered into one event. */
export const DENIED_READS_WINDOW_MS = 60_000;
/** The case ids an event names; the count says how many more were tried. */
export const DENIED_READS_KEPT_IDS = 20;

type Gathered = {
  context: AuditContext;
  firstAt: Date;
  lastAt: Date;
  count: number;
  caseIds: string[];
  statuses: Record<string, number>;
  timer: NodeJS.Timeout;
};

const pendingByDatabase = new WeakMap<Db, Map<string, Gathered>>();

/**
 * Notes a refused attempt to reach a case by its id (404: not visible or no such case; 403: seen
 * but not allowed). Refusals are audited as `case.read_denied`, one event per user and minute
 * with the count and the first ids, so someone scanning ids is on record while a scan of
 * thousands of ids writes a handful of rows. Nothing is written in the refused request's
 * transaction (it rolls back); the event follows when the user's minute ends.
 */
export function noteDeniedRead(db: Db, context: AuditContext, caseId: string, status: 403 | 404): void {
  const userId = context.actor?.userId;
  if (!userId) return;
  let pending = pendingByDatabase.get(db);
  if (!pending) {
    pending = new Map();
    pendingByDatabase.set(db, pending);
  }
  const now = new Date();
  let gathered = pending.get(userId);
  if (!gathered) {
    const timer = setTimeout(() => {
      writeGathered(db, userId).catch(() => process.emitWarning('Refused case reads could not be audited.'));
    }, DENIED_READS_WINDOW_MS);
    timer.unref();
    gathered = { context, firstAt: now, lastAt: now, count: 0, caseIds: [], statuses: {}, timer };
    pending.set(userId, gathered);
  }
  gathered.count += 1;
  gathered.lastAt = now;
  gathered.statuses[status] = (gathered.statuses[status] ?? 0) + 1;
  if (gathered.caseIds.length < DENIED_READS_KEPT_IDS && !gathered.caseIds.includes(caseId)) gathered.caseIds.push(caseId);
}

async function writeGathered(db: Db, userId: string): Promise<void> {
  const pending = pendingByDatabase.get(db);
  const gathered = pending?.get(userId);
  if (!gathered) return;
  pending!.delete(userId);
  clearTimeout(gathered.timer);
  await asSystem(db, (tx) =>
    recordAudit(tx, gathered.context, {
      action: 'case.read_denied',
      resourceType: 'case',
      resourceId: gathered.caseIds[0],
      outcome: 'denied',
      details: {
        count: gathered.count,
        caseIds: gathered.caseIds,
        statuses: gathered.statuses,
        firstAt: gathered.firstAt.toISOString(),
        lastAt: gathered.lastAt.toISOString(),
      },
    }),
  );
}

/** Writes every gathered refusal now (at shut-down, and for tests that cannot wait a minute). */
export async function flushDeniedReads(db: Db): Promise<void> {
  for (const userId of [...(pendingByDatabase.get(db)?.keys() ?? [])]) await writeGathered(db, userId);
}
