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

  it('stay 0–9 in Thai and English', async () => {
    await i18next.changeLanguage('th');
    expect(i18next.t('notifications.unreadCount', { count: 12 })).toContain('12');
    await i18next.changeLanguage('en');
    expect(i18next.t('notifications.unreadCount', { count: 12 })).toBe('12 unread');
  });
});
