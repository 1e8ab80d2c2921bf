import type { DirectoryContact } from '@seamless/contracts';

export type ContactLink = {
  kind: 'phone' | 'email' | 'line' | 'whatsapp' | 'viber' | 'telegram' | 'wechat';
  label: string;
  href: string | null;
};

const digits = (phone: string) => phone.replace(/[^\d+]/g, '');

/**
 * One tap from the directory to the person: a phone number dials, a LINE, WhatsApp, Viber or
 * Telegram id opens the app's chat. WeChat has no public link to a chat, so its id is only shown.
 */
export function contactLinks(contact: DirectoryContact): ContactLink[] {
  const links: ContactLink[] = [];
  if (contact.phone) links.push({ kind: 'phone', label: contact.phone, href: `tel:${digits(contact.phone)}` });
  if (contact.email) links.push({ kind: 'email', label: contact.email, href: `mailto:${contact.email}` });
  if (contact.lineId)
    links.push({ kind: 'line', label: contact.lineId, href: `https://line.me/R/ti/p/~${encodeURIComponent(contact.lineId)}` });
  if (contact.whatsapp)
    links.push({ kind: 'whatsapp', label: contact.whatsapp, href: `https://wa.me/${digits(contact.whatsapp).replace('+', '')}` });
  if (contact.viber)
    links.push({ kind: 'viber', label: contact.viber, href: `viber://chat?number=${encodeURIComponent(digits(contact.viber))}` });
  if (contact.telegram)
    links.push({
      kind: 'telegram',
      label: contact.telegram,
      href: `https://t.me/${encodeURIComponent(contact.telegram.replace(/^@/, ''))}`,
    });
  if (contact.wechat) links.push({ kind: 'wechat', label: contact.wechat, href: null });
  return links;
}
