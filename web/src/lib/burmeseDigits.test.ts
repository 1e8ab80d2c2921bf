import { MantineProvider } from '@mantine/core';
import i18next from 'i18next';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useTranslation } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { FormattedNumber } from '../components/FormattedNumber';
import { TablePager } from '../components/TablePager';
import { badgeCount } from '../features/notifications/noticeView';
import { initI18n } from '../i18n/i18n';

/** What a reader sees or hears of rendered markup: its text and its accessible names, not ids or class names. */
function readable(markup: string): string {
  const names = [...markup.matchAll(/aria-label="([^"]*)"/g)].map(([, name]) => name);
  const text = markup.replace(/<style[^>]*>[^<]*<\/style>/g, ' ').replace(/<[^>]*>/g, ' ');
  return [text, ...names].join(' ');
}

function render(element: ReactElement): string {
  return readable(renderToStaticMarkup(createElement(MantineProvider, null, element)));
}

function Message({ name, values }: { name: string; values: Record<string, unknown> }) {
  const { t } = useTranslation();
  return createElement('p', null, String(t(name as never, values as never)));
}

describe('numbers in Burmese', () => {
  beforeAll(async () => {
    await initI18n();
    await i18next.changeLanguage('my');
  });

  it('a pager writes its total, page numbers and their names in Myanmar digits', () => {
    const shown = render(createElement(TablePager, { page: 3, pageSize: 10, total: 1234, onPageChange: () => {} }));
    expect(shown).toContain('၁,၂၃၄');
    expect(shown).toContain('၃');
    expect(shown).not.toMatch(/[0-9]/);
  });

  it('counts, ages and steps in messages, with or without a number format, are in Myanmar digits', () => {
    const shown = [
      render(createElement(Message, { name: 'caseload.savedFilters.title', values: { count: 0 } })),
      render(createElement(Message, { name: 'layout.filters', values: { count: 7 } })),
      render(createElement(Message, { name: 'caseload.age', values: { age: 34 } })),
      render(createElement(Message, { name: 'journey.progress', values: { current: 2, total: 9 } })),
      render(createElement(Message, { name: 'home.urgency.overdue', values: { count: 12 } })),
    ].join(' ');
    expect(shown).toContain('၀');
    expect(shown).toContain('၃၄');
    expect(shown).not.toMatch(/[0-9]/);
  });

  it('a bare number and the notification badge are in Myanmar digits', () => {
    expect(render(createElement(FormattedNumber, { value: 2026 }))).not.toMatch(/[0-9]/);
    expect(render(createElement(FormattedNumber, { value: 2026 }))).toContain('၂,၀၂၆');
    expect(badgeCount(120, 'my')).toBe('၉၉+');
  });

  it('the same render in Thai keeps 0–9, so the check above can tell the difference', async () => {
    await i18next.changeLanguage('th');
    expect(render(createElement(TablePager, { page: 3, pageSize: 10, total: 1234, onPageChange: () => {} }))).toContain('1,234');
    await i18next.changeLanguage('my');
  });
});
