import nodemailer from 'nodemailer';
import { asSystem } from '../db/actorContext.js';
import type { Db, Queryable } from '../db/client.js';
import { mailMessages } from '../db/schema/index.js';

export type MailMessage = { to: string; subject: string; text: string };

export type Mailer = {
  /** 'demo' keeps messages in the database for the /admin/mail page instead of sending them. */
  kind: 'smtp' | 'demo';
  send(message: MailMessage): Promise<void>;
};

export type MailSettings = { smtpUrl?: string; from?: string; demo: boolean };

/** SMTP_URL and MAIL_FROM configure sending; without them only a demo instance has mail (kept, not sent). */
export function mailSettingsFrom(env: NodeJS.ProcessEnv, demo: boolean): MailSettings {
  return { smtpUrl: env.SMTP_URL || undefined, from: env.MAIL_FROM || undefined, demo };
}

export function createMailer(db: Db, settings: MailSettings): Mailer | null {
  if (settings.smtpUrl) {
    const transport = nodemailer.createTransport(settings.smtpUrl);
    const from = settings.from ?? 'Seamless <no-reply@localhost>';
    return { kind: 'smtp', send: async (message) => void (await transport.sendMail({ from, ...message })) };
  }
  if (!settings.demo) return null;
  return { kind: 'demo', send: (message) => asSystem(db, (tx) => keepingMailer(tx).send(message)) };
}

/** The demo transport inside an open transaction (the demo seed writes its first digests so). */
export function keepingMailer(tx: Queryable): Mailer {
  return {
    kind: 'demo',
    send: async (message) => {
      await tx.insert(mailMessages).values({ toAddress: message.to, subject: message.subject, bodyText: message.text });
    },
  };
}
