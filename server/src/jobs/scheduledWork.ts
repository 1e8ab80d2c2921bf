import type { FastifyBaseLogger } from 'fastify';
import { separateRecordsWithoutBasis } from '../commands/separateAgencyRecord.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { asSystem } from '../db/actorContext.js';
import type { Db } from '../db/client.js';
import { notifyDueAndMissedVisits } from '../followUp/dueAndMissed.js';
import type { Mailer } from '../mail/mailer.js';
import { scanAdmissionsEnding } from '../shelters/admissionEnding.js';
import { composeDailyDigests } from './dailyDigest.js';
import { scanDueTasks, scanUnverifiedContacts } from './dailyScans.js';
import { endExpiredSharing } from './expiredSharing.js';
import type { JobQueue } from './queue.js';

const AFTER_SCANS = '30 6 * * *';

export type ScheduledWorkDeps = {
  db: Db;
  keyRing: KeyRing;
  mailer: Mailer | null;
  log: FastifyBaseLogger;
  timeZone: string;
  /** Before the first home visit of the day, on the deployment's own clock, unless the deployment chose otherwise. */
  dailyScansCron: string;
};

/**
 * The daily work of issue 11, on the queue: scans first, the digest after them. Referral answers,
 * stay limits and follow-up visits are case tasks, so the task scan reminds of all of them; the
 * visit scan adds the due/missed notices and the stay scan the week-before warning.
 */
export async function registerScheduledWork(queue: JobQueue, deps: ScheduledWorkDeps) {
  await queue.work('daily-scans', async () => {
    const now = new Date();
    const sharingEnded = await asSystem(deps.db, (tx) => endExpiredSharing(tx, deps.keyRing, now));
    const separated = await asSystem(deps.db, (tx) => separateRecordsWithoutBasis(tx, deps.keyRing));
    const tasks = await asSystem(deps.db, (tx) => scanDueTasks(tx, now));
    const visits = await asSystem(deps.db, (tx) => notifyDueAndMissedVisits(tx, now));
    const contacts = await asSystem(deps.db, (tx) => scanUnverifiedContacts(tx, now));
    const stays = await asSystem(deps.db, (tx) => scanAdmissionsEnding(tx, now));
    deps.log.info({ sharingEnded, separated, tasks, visits, contacts, stays }, 'daily scans ended expired sharing and wrote notices');
  });
  await queue.schedule('daily-scans', deps.dailyScansCron, {}, { tz: deps.timeZone });
  const { mailer } = deps;
  if (!mailer) return;
  await queue.work('daily-digest', async () => {
    const messages = await asSystem(deps.db, (tx) => composeDailyDigests(tx, new Date()));
    for (const message of messages) await mailer.send(message);
    deps.log.info({ sent: messages.length }, 'daily digests sent');
  });
  await queue.schedule('daily-digest', AFTER_SCANS, {}, { tz: deps.timeZone });
}
