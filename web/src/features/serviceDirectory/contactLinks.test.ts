import type { DirectoryContact } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { contactLinks } from './contactLinks';

const contact = (fields: Partial<DirectoryContact>): DirectoryContact => ({
  id: '00000000-0000-4000-8000-000000000001',
  organisationId: '00000000-0000-4000-8000-000000000002',
  name: 'Test',
  position: null,
  phone: null,
  email: null,
  lineId: null,
  whatsapp: null,
  wechat: null,
  viber: null,
  telegram: null,
  languages: [],
  lastVerifiedOn: null,
  verifiedByName: null,
  needsVerification: true,
  version: 1,
  ...fields,
});

describe('contactLinks', () => {
  it('dials the digits of a formatted number and opens chats in each app', () => {
    const links = contactLinks(
      contact({
        phone: '+66 (53) 000-201',
        lineId: 'cr social',
        whatsapp: '+66 80 000 0501',
        viber: '+66 34 000 801',
        telegram: '@sokha_demo',
      }),
    );
    expect(links.map((link) => link.href)).toEqual([
      'tel:+6653000201',
      'https://line.me/R/ti/p/~cr%20social',
      'https://wa.me/66800000501',
      'viber://chat?number=%2B6634000801',
      'https://t.me/sokha_demo',
    ]);
  });

  it('shows a WeChat id without a link and leaves out what is not recorded', () => {
    expect(contactLinks(contact({ wechat: 'lan_avr' }))).toEqual([{ kind: 'wechat', label: 'lan_avr', href: null }]);
    expect(contactLinks(contact({}))).toEqual([]);
  });
});
