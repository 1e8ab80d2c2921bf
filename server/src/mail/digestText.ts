import type { CaseTaskKind, Locale, NotificationKind } from '@seamless/contracts';
import en from './locales/en.json' with { type: 'json' };
import ja from './locales/ja.json' with { type: 'json' };
import km from './locales/km.json' with { type: 'json' };
import lo from './locales/lo.json' with { type: 'json' };
import my from './locales/my.json' with { type: 'json' };
import th from './locales/th.json' with { type: 'json' };
import vi from './locales/vi.json' with { type: 'json' };
import zh from './locales/zh.json' with { type: 'json' };

const CATALOGUES: Record<Locale, typeof en> = { en, th, km, lo, my, vi, zh, ja };

/** What the digest may say: kinds, case references, dates and counts — nothing that names anyone. */
export type DigestContent = {
  tasks: { kind: CaseTaskKind; caseReference: string; dueOn: string; overdue: boolean }[];
  notices: { kind: NotificationKind; caseReferences: string[]; count: number }[];
};

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

export function digestText(locale: Locale, content: DigestContent): { subject: string; text: string } {
  const c = CATALOGUES[locale] ?? en;
  const unread = content.notices.reduce((sum, notice) => sum + notice.count, 0);
  const lines = [c.intro, '', fill(c.tasks, { count: content.tasks.length })];
  for (const task of content.tasks) {
    const when = task.overdue ? `${fill(c.due, { date: task.dueOn })}, ${c.overdue}` : fill(c.due, { date: task.dueOn });
    lines.push(`- ${task.caseReference}: ${c.taskKind[task.kind] ?? task.kind} (${when})`);
  }
  lines.push('', fill(c.notices, { count: unread }));
  for (const notice of content.notices) {
    const references = notice.caseReferences.length ? `: ${notice.caseReferences.join(', ')}` : '';
    lines.push(`- ${c.kind[notice.kind]} × ${notice.count}${references}`);
  }
  lines.push('', c.footer);
  return { subject: fill(c.subject, { tasks: content.tasks.length, notices: unread }), text: lines.join('\n') };
}
