import { describe, expect, it } from 'vitest';
import { formatNumber } from './numbers';

describe('formatNumber', () => {
  it('writes Burmese counts in Myanmar digits', () => {
    expect(formatNumber(1234, 'my')).toBe('၁,၂၃၄');
    expect(formatNumber(0, 'my')).toBe('၀');
  });

  it('keeps 0–9 where the language uses them, Thai included', () => {
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(1234, 'th')).toBe('1,234');
    for (const locale of ['km', 'lo', 'vi', 'zh', 'ja']) expect(formatNumber(7, locale)).toBe('7');
  });

  it('passes options such as fraction digits on', () => {
    expect(formatNumber(2.345, 'en', { maximumFractionDigits: 1 })).toBe('2.3');
    expect(formatNumber(2.345, 'my', { maximumFractionDigits: 1 })).toBe('၂.၃');
  });
});
