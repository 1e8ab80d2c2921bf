import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { notificationPreferences, users } from '../db/schema/index.js';
import { composeDailyDigests } from '../jobs/dailyDigest.js';
import { scanDueTasks, scanUnverifiedContacts } from '../jobs/dailyScans.js';
import { keepingMailer } from '../mail/mailer.js';
import { DEMO_ACCOUNTS } from './demoThailand.js';

/** Caseworkers who asked for the daily e-mail summary in the demo. */
const DIGEST_READERS = ['th.socialworker', 'th.ngo', 'th.shelter'];

/**
 * Notices and mail for the demo, after every other part has seeded its tasks: each account gets
 * an address on the reserved `.invalid` domain (nothing can ever be delivered there), the daily
 * scans run once, and the first digests wait on the /admin/mail page.
 */
export async function seedDemoNotifications(tx: Tx, { now }: { now: Date }) {
  for (const account of DEMO_ACCOUNTS)
    await tx
      .update(users)
      .set({ email: `${account.username}@demo.seamless.invalid` })
      .where(eq(users.username, account.username));
  const readers = await tx.select({ id: users.id }).from(users).where(inArray(users.username, DIGEST_READERS));
  await tx.insert(notificationPreferences).values(readers.map((reader) => ({ userId: reader.id, dailyDigest: true })));
  await scanDueTasks(tx, now);
  await scanUnverifiedContacts(tx, now);
  const mailer = keepingMailer(tx);
  for (const message of await composeDailyDigests(tx, now)) await mailer.send(message);
}
