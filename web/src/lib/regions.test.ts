import { describe, expect, it } from 'vitest';
import { regionName } from './regions';

describe('regionName', () => {
  it('names a country in the reader’s language', () => {
    expect(regionName('KH', 'en')).toBe('Cambodia');
    expect(regionName('TH', 'th')).toBe('ไทย');
    expect(regionName('VN', 'vi')).toBe('Việt Nam');
  });

  it('falls back to the code for what is not a country', () => {
    expect(regionName('not-a-code', 'en')).toBe('not-a-code');
  });
});
