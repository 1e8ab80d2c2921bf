import { describe, expect, it } from 'vitest';
import { oneOf } from './oneOf';
import { pageParam, redirectParam, textParam, uuidParam } from './searchParams';

describe('search parameter readers', () => {
  it('accept pages from 2 up and leave page 1 implicit', () => {
    expect(pageParam('3')).toBe(3);
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam('x')).toBeUndefined();
    expect(pageParam('2.5')).toBeUndefined();
  });

  it('accept only listed options and well-formed ids', () => {
    expect(oneOf('Active', ['Active', 'Closed'] as const)).toBe('Active');
    expect(oneOf('active', ['Active', 'Closed'] as const)).toBeUndefined();
    expect(uuidParam('8f14e45f-ceea-467a-9af1-6f2a3c5b1d20')).toBe('8f14e45f-ceea-467a-9af1-6f2a3c5b1d20');
    expect(uuidParam('1; drop')).toBeUndefined();
    expect(textParam('  shelter ')).toBe('shelter');
    expect(textParam('   ')).toBeUndefined();
  });

  it('redirect only within the app after sign-in', () => {
    expect(redirectParam('/cases?page=2')).toBe('/cases?page=2');
    expect(redirectParam('https://evil.example')).toBeUndefined();
    expect(redirectParam('//evil.example')).toBeUndefined();
    expect(redirectParam('/\\evil.example')).toBeUndefined();
  });
});
