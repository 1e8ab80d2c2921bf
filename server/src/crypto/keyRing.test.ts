import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateKeyRingFile, KeyRing } from './keyRing.js';

describe('KeyRing', () => {
  const file = generateKeyRingFile('k1');
  const ring = new KeyRing(file);

  const place = { table: 'persons', column: 'given_name_enc', id: '6b0c3c9e-4a8e-4d59-9d43-0a4b3f1e7c11' };

  it('encrypts identity data so the ciphertext reveals nothing and decrypts back where it is stored', () => {
    const stored = ring.encrypt('အေးအေးခိုင်', place);
    expect(stored).not.toContain('အေး');
    expect(stored.startsWith('v2:k1:')).toBe(true);
    expect(ring.encrypt('same', place)).not.toBe(ring.encrypt('same', place));
    expect(ring.decrypt(stored, place)).toBe('အေးအေးခိုင်');
    expect(ring.encrypt(null, place)).toBeNull();
  });

  it('refuses a value moved to another row, column or table (bound by associated data)', () => {
    const stored = ring.encrypt('Aye Aye Khine', place);
    expect(() => ring.decrypt(stored, { ...place, id: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9' })).toThrow();
    expect(() => ring.decrypt(stored, { ...place, column: 'family_name_enc' })).toThrow();
    expect(() => ring.decrypt(stored, { ...place, table: 'person_names' })).toThrow();
    // Relabelled to another key id holding the same key material: the key id is bound too.
    const twin = new KeyRing({ ...file, keys: { ...file.keys, k9: file.keys.k1! } });
    expect(() => twin.decrypt(stored.replace('v2:k1:', 'v2:k9:'), place)).toThrow();
  });

  it('refuses a tampered value (authenticated encryption)', () => {
    const stored = ring.encrypt('Somsri Jaidee', place);
    const parts = stored.split(':');
    const ciphertext = Buffer.from(parts[4]!, 'base64');
    ciphertext[0]! ^= 1;
    parts[4] = ciphertext.toString('base64');
    expect(() => ring.decrypt(parts.join(':'), place)).toThrow();
  });

  it('reads a value from before bindings only to rebind it, never as a current value', () => {
    const unbound = unboundCiphertext(file.keys.k1!, 'k1', 'Thida Soe');
    expect(ring.isUnbound(unbound)).toBe(true);
    expect(() => ring.decrypt(unbound, place)).toThrow(/known format/);
    expect(ring.decryptUnbound(unbound)).toBe('Thida Soe');
    expect(() => ring.decryptUnbound(ring.encrypt('Thida Soe', place))).toThrow(/unbound/);
  });

  it('keeps reading values of retired keys after rotation, and writes with the new key', () => {
    const old = ring.encrypt('document 123', place);
    const k2 = generateKeyRingFile('k2').keys.k2!;
    const rotated = new KeyRing({ ...file, activeKeyId: 'k2', keys: { ...file.keys, k2 } });
    expect(rotated.decrypt(old, place)).toBe('document 123');
    expect(rotated.keyIdOf(rotated.encrypt('new', place))).toBe('k2');
    expect(rotated.currentPrefix).toBe('v2:k2:');
    const withoutOld = new KeyRing({ ...file, activeKeyId: 'k2', keys: { k2 } });
    expect(() => withoutOld.decrypt(old, place)).toThrow(/not in the key ring/);
  });

  it('gives equal blind indexes for the same value written differently, distinct ones per purpose', () => {
    expect(ring.blindIndex('phone', '+66 81-234 5678')).toBe(ring.blindIndex('phone', '+66812345678'));
    expect(ring.blindIndex('phone', '0812345678')).not.toBe(ring.blindIndex('document', '0812345678'));
    expect(ring.blindIndex('document', 'AB123')).toBe(ring.blindIndex('document', 'ab123'));
    expect(new KeyRing(generateKeyRingFile('k1')).blindIndex('document', 'AB123')).not.toBe(ring.blindIndex('document', 'AB123'));
  });

  it('encrypts files with the active key named in the header, so they decrypt after rotation', () => {
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('GPS 20.25N 99.87E Aye Aye Khine')]);
    const stored = ring.encryptBytes(photo);
    expect(stored.subarray(0, 7).toString('latin1')).toBe('SLB1\u0002k1');
    expect(stored.includes(Buffer.from('Aye Aye'))).toBe(false);
    expect(stored.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    expect(ring.encryptBytes(photo).equals(stored)).toBe(false);
    expect(ring.decryptBytes(stored).equals(photo)).toBe(true);
    expect(ring.decryptBytes(ring.encryptBytes(Buffer.alloc(0))).length).toBe(0);

    const k2 = generateKeyRingFile('k2').keys.k2!;
    const rotated = new KeyRing({ ...file, activeKeyId: 'k2', keys: { ...file.keys, k2 } });
    expect(rotated.decryptBytes(stored).equals(photo)).toBe(true);
    expect(rotated.encryptBytes(photo).subarray(0, 7).toString('latin1')).toBe('SLB1\u0002k2');
    expect(() => new KeyRing({ ...file, activeKeyId: 'k2', keys: { k2 } }).decryptBytes(stored)).toThrow(/not in the key ring/);
  });

  it('refuses a tampered, relabelled, truncated or foreign file', () => {
    const stored = ring.encryptBytes(Buffer.from('%PDF-1.7 statement of the victim'));
    const flipped = Buffer.from(stored);
    flipped[flipped.length - 1]! ^= 1;
    expect(() => ring.decryptBytes(flipped)).toThrow();
    // Same key material under another id: the header is authenticated, so relabelling fails.
    const twin = new KeyRing({ ...file, keys: { ...file.keys, k9: file.keys.k1! } });
    const relabelled = Buffer.from(stored);
    relabelled.write('k9', 5, 'latin1');
    expect(() => twin.decryptBytes(relabelled)).toThrow();
    expect(() => ring.decryptBytes(stored.subarray(0, 20))).toThrow(/known format/);
    expect(() => ring.decryptBytes(Buffer.from('%PDF-1.7 plain file'))).toThrow(/known format/);
  });

  it('tells which key wrote a file, and nothing for a file it did not write', () => {
    expect(ring.keyIdOfBytes(ring.encryptBytes(Buffer.from('%PDF-1.7')))).toBe('k1');
    expect(ring.keyIdOfBytes(Buffer.from('%PDF-1.7 plain file'))).toBeUndefined();
    expect(ring.keyIdOfBytes(Buffer.from('SLB1'))).toBeUndefined();
  });

  it('rejects a malformed key ring', () => {
    expect(() => new KeyRing({ activeKeyId: 'k1', keys: { k1: 'c2hvcnQ=' }, blindIndexKey: file.blindIndexKey })).toThrow();
    expect(() => new KeyRing({ ...file, activeKeyId: 'missing' })).toThrow(/no key/);
  });
});

/** A value as written before ciphertexts were bound to their place (format v1, no associated data). */
function unboundCiphertext(key: string, keyId: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'base64'), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', keyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
}
