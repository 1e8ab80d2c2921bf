import { describe, expect, it } from 'vitest';
import { KeyRing, generateKeyRingFile } from './keyRing.js';

describe('KeyRing', () => {
  const file = generateKeyRingFile('k1');
  const ring = new KeyRing(file);

  it('encrypts identity data so the ciphertext reveals nothing and decrypts back', () => {
    const stored = ring.encrypt('အေးအေးခိုင်');
    expect(stored).not.toContain('အေး');
    expect(stored.startsWith('v1:k1:')).toBe(true);
    expect(ring.encrypt('same')).not.toBe(ring.encrypt('same'));
    expect(ring.decrypt(stored)).toBe('အေးအေးခိုင်');
    expect(ring.encrypt(null)).toBeNull();
  });

  it('refuses a tampered value (authenticated encryption)', () => {
    const stored = ring.encrypt('Somsri Jaidee');
    const parts = stored.split(':');
    const ciphertext = Buffer.from(parts[4]!, 'base64');
    ciphertext[0]! ^= 1;
    parts[4] = ciphertext.toString('base64');
    expect(() => ring.decrypt(parts.join(':'))).toThrow();
  });

  it('keeps reading values of retired keys after rotation, and writes with the new key', () => {
    const old = ring.encrypt('document 123');
    const k2 = generateKeyRingFile('k2').keys.k2!;
    const rotated = new KeyRing({ ...file, activeKeyId: 'k2', keys: { ...file.keys, k2 } });
    expect(rotated.decrypt(old)).toBe('document 123');
    expect(rotated.keyIdOf(rotated.encrypt('new'))).toBe('k2');
    const withoutOld = new KeyRing({ ...file, activeKeyId: 'k2', keys: { k2 } });
    expect(() => withoutOld.decrypt(old)).toThrow(/not in the key ring/);
  });

  it('gives equal blind indexes for the same value written differently, distinct ones per purpose', () => {
    expect(ring.blindIndex('phone', '+66 81-234 5678')).toBe(ring.blindIndex('phone', '+66812345678'));
    expect(ring.blindIndex('phone', '0812345678')).not.toBe(ring.blindIndex('document', '0812345678'));
    expect(ring.blindIndex('document', 'AB123')).toBe(ring.blindIndex('document', 'ab123'));
    expect(new KeyRing(generateKeyRingFile('k1')).blindIndex('document', 'AB123')).not.toBe(ring.blindIndex('document', 'AB123'));
  });

  it('rejects a malformed key ring', () => {
    expect(() => new KeyRing({ activeKeyId: 'k1', keys: { k1: 'c2hvcnQ=' }, blindIndexKey: file.blindIndexKey })).toThrow();
    expect(() => new KeyRing({ ...file, activeKeyId: 'missing' })).toThrow(/no key/);
  });
});
