import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n, loadPageCatalogue } from './i18n';

describe('numbers in messages', () => {
  beforeAll(async () => {
    await initI18n();
    await loadPageCatalogue();
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

describe('the catalogue in two parts', () => {
  it('gives the first screens their words before any other page loads, and every page its words after a change of language', async () => {
    await i18next.changeLanguage('km');
    expect(i18next.hasLoadedNamespace('translation')).toBe(true);
    expect(i18next.t('signIn.submit')).not.toBe('signIn.submit');
    expect(i18next.t('caseRecord.tabs.overview')).not.toBe('caseRecord.tabs.overview');
    expect(i18next.getResource('km', 'pages', 'caseRecord.tabs.overview')).toBe(i18next.t('caseRecord.tabs.overview'));
    expect(i18next.getResource('km', 'translation', 'caseRecord.tabs.overview')).toBeUndefined();
  });

  it('loads no language but those read', () => {
    expect(i18next.hasResourceBundle('en', 'translation')).toBe(true);
    expect(i18next.hasResourceBundle('lo', 'translation')).toBe(false);
    expect(i18next.hasResourceBundle('lo', 'pages')).toBe(false);
  });
});
