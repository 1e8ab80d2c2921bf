import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from './i18n';

describe('numbers in messages', () => {
  beforeAll(async () => {
    await initI18n();
  });

  it('are in Myanmar digits in Burmese', async () => {
    await i18next.changeLanguage('my');
    expect(i18next.t('notifications.unreadCount', { count: 12 })).toContain('၁၂');
    expect(i18next.t('notifications.unreadCount', { count: 12 })).not.toContain('12');
  });

  it('are in Myanmar digits in Burmese without a number format too, while a reference keeps 0–9', async () => {
    await i18next.changeLanguage('my');
    expect(i18next.t('layout.filters', { count: 3 })).toContain('(၃)');
    expect(i18next.t('journey.progress', { current: 2, total: 9 })).toMatch(/^[^0-9]*$/);
    expect(i18next.t('caseRecord.header.title', { reference: 'TH-2026-0001' })).toContain('TH-2026-0001');
  });

  it('stay 0–9 in Thai and English', async () => {
    await i18next.changeLanguage('th');
    expect(i18next.t('notifications.unreadCount', { count: 12 })).toContain('12');
    await i18next.changeLanguage('en');
    expect(i18next.t('notifications.unreadCount', { count: 12 })).toBe('12 unread');
  });
});
