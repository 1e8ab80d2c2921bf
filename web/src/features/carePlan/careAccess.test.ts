import { describe, expect, it } from 'vitest';
import { opensCareTab } from './careAccess';

describe('opensCareTab', () => {
  it('opens for care or a specialist section alone, as the server reaches the parts', () => {
    expect(opensCareTab(['identity', 'care'])).toBe(true);
    expect(opensCareTab(['psychosocial'])).toBe(true);
    expect(opensCareTab(['medical'])).toBe(true);
    expect(opensCareTab(['legal'])).toBe(true);
  });

  it('stays closed with sections that have no part in the care work', () => {
    expect(opensCareTab(['identity', 'shelter', 'family'])).toBe(false);
    expect(opensCareTab([])).toBe(false);
  });
});
