import type { FastifyBaseLogger } from 'fastify';
import { asSystem } from '../db/actorContext.js';
import type { Db } from '../db/client.js';
import type { Mailer } from '../mail/mailer.js';
import { scanAdmissionsEnding } from '../shelters/admissionEnding.js';
import { composeDailyDigests } from './dailyDigest.js';
import { scanDueTasks, scanUnverifiedContacts } from './dailyScans.js';
import type { JobQueue } from './queue.js';

/** 23:00 UTC is early morning across the region (06:00 in Bangkok, 05:30 in Yangon). */
const EARLY_MORNING = '0 23 * * *';
const AFTER_SCANS = '30 23 * * *';

/** The daily work of issue 11, on the queue: scans first, the digest after them. */
export async function registerScheduledWork(queue: JobQueue, deps: { db: Db; mailer: Mailer | null; log: FastifyBaseLogger }) {
  await queue.work('daily-scans', async () => {
    const now = new Date();
    const tasks = await asSystem(deps.db, (tx) => scanDueTasks(tx, now));
    const contacts = await asSystem(deps.db, (tx) => scanUnverifiedContacts(tx, now));
    const stays = await asSystem(deps.db, (tx) => scanAdmissionsEnding(tx, now));
    deps.log.info({ tasks, contacts, stays }, 'daily scans wrote notices');
  });
  await queue.schedule('daily-scans', EARLY_MORNING);
  const { mailer } = deps;
  if (!mailer) return;
  await queue.work('daily-digest', async () => {
    const messages = await asSystem(deps.db, (tx) => composeDailyDigests(tx, new Date()));
    for (const message of messages) await mailer.send(message);
    deps.log.info({ sent: messages.length }, 'daily digests sent');
  });
  await queue.schedule('daily-digest', AFTER_SCANS);
}
