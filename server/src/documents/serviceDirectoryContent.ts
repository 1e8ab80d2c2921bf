import type { DirectoryContact, DirectoryOrganisation, DirectoryService } from '@seamless/contracts';
import type { DirectoryDocumentText } from './serviceDirectoryText.js';

const interpolate = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** Whom a service takes, in words: sexes and ages, or "everyone". */
export function targetOf(service: DirectoryService, s: DirectoryDocumentText): string {
  const sexes = service.targetSexes.map((sex) => s[sex]);
  const min = String(service.minAge);
  const max = String(service.maxAge);
  const ages =
    service.minAge !== null && service.maxAge !== null
      ? interpolate(s.ages, { min, max })
      : service.minAge !== null
        ? interpolate(s.agesFrom, { min })
        : service.maxAge !== null
          ? interpolate(s.agesUpTo, { max })
          : null;
  return [sexes.join(', '), ages].filter(Boolean).join(' · ') || s.everyone;
}

export const coverageOf = (service: DirectoryService, organisation: DirectoryOrganisation) =>
  [...service.coverageProvinces, ...service.coverageDistricts].join(', ') || organisation.province || organisation.countryCode;

export function messagingOf(contact: DirectoryContact): string {
  const ids: [string, string | null][] = [
    ['LINE', contact.lineId],
    ['WhatsApp', contact.whatsapp],
    ['WeChat', contact.wechat],
    ['Viber', contact.viber],
    ['Telegram', contact.telegram],
  ];
  return ids
    .filter(([, id]) => id)
    .map(([app, id]) => `${app}: ${id}`)
    .join(', ');
}

export function contactLine(contact: DirectoryContact, s: DirectoryDocumentText): string {
  const verified = contact.lastVerifiedOn ? `${s.verified} ${contact.lastVerifiedOn}` : '';
  return [
    [contact.name, contact.position].filter(Boolean).join(', '),
    contact.phone,
    contact.email,
    messagingOf(contact),
    contact.needsVerification ? `${verified} (${s.notVerified})`.trim() : verified,
  ]
    .filter(Boolean)
    .join(' · ');
}
