import { describe, expect, it } from 'vitest';
import { activeEntryOf } from './activeEntry';

const ENTRIES = [
  { to: '/', exact: true },
  { to: '/cases' },
  { to: '/statistics' },
  { to: '/statistics/reconciliation' },
  { to: '/statistics/regional' },
];

describe('the navigation entry marked as where the reader is', () => {
  it('is the most specific one that opens the path, never two at once', () => {
    expect(activeEntryOf(ENTRIES, '/statistics/reconciliation/5d0f4a57')?.to).toBe('/statistics/reconciliation');
    expect(activeEntryOf(ENTRIES, '/statistics/regional')?.to).toBe('/statistics/regional');
    // The statistical reports have no entry of their own: they live under Statistics.
    expect(activeEntryOf(ENTRIES, '/statistics/reports/abc')?.to).toBe('/statistics');
    expect(activeEntryOf(ENTRIES, '/cases/abc')?.to).toBe('/cases');
  });

  it('marks the dashboard only on its own path, and nothing for a path no entry opens', () => {
    expect(activeEntryOf(ENTRIES, '/')?.to).toBe('/');
    expect(activeEntryOf(ENTRIES, '/account')).toBeUndefined();
    expect(activeEntryOf(ENTRIES, '/casesX')).toBeUndefined();
  });
});
