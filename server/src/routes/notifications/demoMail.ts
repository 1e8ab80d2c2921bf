import { desc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { asSystem } from '../../db/actorContext.js';
import { mailMessages } from '../../db/schema/index.js';
import { actorOf } from '../../http/context.js';
import { forbidden, notFound } from '../../http/problem.js';
import { mailSettingsFrom } from '../../mail/mailer.js';
import { canReadDemoMail } from '../../policies/notifications.js';
import { mailListRouteSchema } from './schema.js';

const SHOWN = 100;

/** The demo mail catcher: what the demo would have sent, for a system administrator to look at. */
export function demoMailRoutes(app: FastifyInstance, { config, database }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/admin/mail', { schema: mailListRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canReadDemoMail(actor)) throw forbidden();
    const settings = mailSettingsFrom(process.env, config.seedDemo);
    if (settings.smtpUrl || !settings.demo) throw notFound('Mail is sent by SMTP on this instance; nothing is kept.');
    // The table has no grant for the app role: only this route, after the check above, reads it.
    const rows = await asSystem(database.db, (tx) => tx.select().from(mailMessages).orderBy(desc(mailMessages.createdAt)).limit(SHOWN));
    return {
      items: rows.map((row) => ({
        id: row.id,
        to: row.toAddress,
        subject: row.subject,
        text: row.bodyText,
        createdAt: row.createdAt.toISOString(),
      })),
    };
  });
}
