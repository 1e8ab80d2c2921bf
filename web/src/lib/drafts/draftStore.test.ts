import { describe, expect, it } from 'vitest';
import { clearAllDrafts, DRAFT_LIFETIME_DAYS, type DraftStorage, DraftStore, importDraftKey } from './draftStore';

class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const randomKey = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
const place = { userId: 'u-1', form: 'interview', record: 'case-1:new' };
const account = { account: 'Daw Khin Myat was taken to the boat at night', givenName: 'Khin Myat' };

describe('DraftStore', () => {
  it('gives back what was saved, with the time it was saved, and stores only ciphertext', async () => {
    const storage = new MemoryStorage();
    const savedAt = new Date('2026-12-07T05:00:00Z');
    const store = new DraftStore(storage, await importDraftKey(randomKey()), () => savedAt);
    await store.save(place, account);
    expect(await store.load(place)).toEqual({ value: account, savedAt });
    const stored = [...storage.items.values()].join('');
    expect(stored).not.toContain('Khin');
    expect(stored).not.toContain('boat');
  });

  it('cannot be read with another key, in another place or after tampering', async () => {
    const storage = new MemoryStorage();
    const store = new DraftStore(storage, await importDraftKey(randomKey()));
    await store.save(place, account);
    expect(await new DraftStore(storage, await importDraftKey(randomKey())).load(place)).toBeNull();

    // Copied into another user's or another form's slot, the ciphertext no longer authenticates.
    const [[name, sealed]] = [...storage.items.entries()] as [[string, string]];
    storage.setItem(name.replace('u-1', 'u-2'), sealed);
    expect(await store.load({ ...place, userId: 'u-2' })).toBeNull();
    storage.setItem(name.replace('interview', 'intake'), sealed);
    expect(await store.load({ ...place, form: 'intake' })).toBeNull();

    const parsed = JSON.parse(sealed);
    const data = Buffer.from(parsed.data, 'base64');
    data[0] = (data[0] ?? 0) ^ 1;
    storage.setItem(name, JSON.stringify({ ...parsed, data: data.toString('base64') }));
    expect(await store.load(place)).toBeNull();
  });

  it('keeps drafts apart per user, form and record, and removes only the one asked for', async () => {
    const store = new DraftStore(new MemoryStorage(), await importDraftKey(randomKey()));
    const other = { ...place, record: 'case-2:new' };
    await store.save(place, { n: 1 });
    await store.save(other, { n: 2 });
    await store.save({ ...place, userId: 'u-2' }, { n: 3 });
    store.remove(place);
    expect(await store.load(place)).toBeNull();
    expect((await store.load(other))?.value).toEqual({ n: 2 });
    expect((await store.load({ ...place, userId: 'u-2' }))?.value).toEqual({ n: 3 });
  });

  it('forgets a draft older than its lifetime', async () => {
    const storage = new MemoryStorage();
    const key = await importDraftKey(randomKey());
    await new DraftStore(storage, key, () => new Date('2026-11-01T00:00:00Z')).save(place, account);
    const later = new Date(Date.parse('2026-11-01T00:00:00Z') + (DRAFT_LIFETIME_DAYS + 1) * 86_400_000);
    expect(await new DraftStore(storage, key, () => later).load(place)).toBeNull();
    expect(storage.items.size).toBe(0);
  });
});

describe('clearAllDrafts', () => {
  it("removes every user's drafts and leaves the device's other settings alone", async () => {
    const storage = new MemoryStorage();
    storage.setItem('seamless.locale', 'my');
    const store = new DraftStore(storage, await importDraftKey(randomKey()));
    await store.save(place, account);
    await store.save({ ...place, userId: 'u-2', form: 'intake', record: 'new' }, account);
    clearAllDrafts(storage);
    expect([...storage.items.keys()]).toEqual(['seamless.locale']);
    expect(await store.load(place)).toBeNull();
  });
});
