import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates';

const instant = new Date('2026-03-15T05:30:00Z');

describe('formatDate', () => {
  it('shows the Buddhist-era year in Thai', () => {
    expect(formatDate(instant, 'th')).toContain('2569');
    expect(formatDate(instant, 'th')).not.toContain('2026');
  });

  it('shows the Gregorian year in English and the other interface languages', () => {
    expect(formatDate(instant, 'en')).toContain('2026');
    expect(formatDate(instant, 'en')).not.toContain('2569');
    for (const locale of ['km', 'lo', 'vi', 'zh', 'ja']) expect(formatDate(instant, locale)).toContain('2026');
  });

  it('keeps a bare calendar date on its own day', () => {
    expect(formatDate('2026-01-01', 'en')).toBe('Jan 1, 2026');
    expect(formatDate('2026-01-01', 'th')).toContain('2569');
  });

  it('shows nothing for an unreadable date rather than "Invalid Date"', () => {
    expect(formatDate('not a date', 'en')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('carries the era of the locale and the time of day', () => {
    expect(formatDateTime(instant, 'th')).toContain('2569');
    expect(formatDateTime(instant, 'en')).toMatch(/2026.*\d{1,2}:\d{2}/);
  });
});
