/**
 * Unsaved form input kept on the device between a reload, a crash or an accidental close and the
 * moment the form is saved. Drafts can hold what a victim told an interviewer, so they are kept
 * only as AES-GCM ciphertext under the user's draft key (GET /api/auth/draft-key), which the
 * browser holds in memory alone: on a device left behind the drafts are unreadable without a
 * session of the same user. The draft's place (user, form, record) is the associated data, so a
 * draft copied to another form or another user's slot does not open.
 */

/** The part of the Web Storage interface the store needs; tests give it an in-memory one. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Which draft: one per user, per form and per record ("new" for a record not yet created). */
export type DraftPlace = { userId: string; form: string; record: string };

export type Draft<Value> = { value: Value; savedAt: Date };

const PREFIX = 'seamless.draft.';
const FORMAT = 1;
const IV_BYTES = 12;
/** A draft nobody came back to for this long is old news, not work in progress. */
export const DRAFT_LIFETIME_DAYS = 14;

type Sealed = { v: number; savedAt: string; iv: string; data: string };

const storageKey = ({ userId, form, record }: DraftPlace) => `${PREFIX}${userId}.${form}.${record}`;
const associatedData = ({ userId, form, record }: DraftPlace) => new TextEncoder().encode([FORMAT, userId, form, record].join('\u001f'));

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> {
  const padded = text
    .replaceAll('-', '+')
    .replaceAll('_', '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  return fromBase64(padded);
}

/** The server's key as a non-extractable AES-GCM key: scripts can use it but never read it back. */
export function importDraftKey(base64UrlKey: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', base64UrlBytes(base64UrlKey), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

function parseSealed(text: string | null): Sealed | null {
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { v, savedAt, iv, data } = parsed as Record<string, unknown>;
    if (v !== FORMAT || typeof savedAt !== 'string' || typeof iv !== 'string' || typeof data !== 'string') return null;
    return { v, savedAt, iv, data };
  } catch {
    return null;
  }
}

export class DraftStore {
  constructor(
    private readonly storage: DraftStorage,
    private readonly key: CryptoKey,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async save<Value>(place: DraftPlace, value: Value): Promise<Date> {
    const savedAt = this.now();
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const plaintext = new TextEncoder().encode(JSON.stringify(value));
    const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: associatedData(place) }, this.key, plaintext);
    const sealed: Sealed = { v: FORMAT, savedAt: savedAt.toISOString(), iv: toBase64(iv), data: toBase64(new Uint8Array(ciphertext)) };
    this.storage.setItem(storageKey(place), JSON.stringify(sealed));
    return savedAt;
  }

  /** The draft in this place, or null when there is none, it is too old, or this key cannot open it. */
  async load<Value>(place: DraftPlace): Promise<Draft<Value> | null> {
    const sealed = parseSealed(this.storage.getItem(storageKey(place)));
    if (!sealed) return null;
    const savedAt = new Date(sealed.savedAt);
    if (Number.isNaN(savedAt.getTime()) || this.now().getTime() - savedAt.getTime() > DRAFT_LIFETIME_DAYS * 86_400_000) {
      this.remove(place);
      return null;
    }
    try {
      const plaintext = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: associatedData(place) },
        this.key,
        fromBase64(sealed.data),
      );
      return { value: JSON.parse(new TextDecoder().decode(plaintext)) as Value, savedAt };
    } catch {
      // Another key (another instance, a rotated secret) or a tampered value: unreadable, so no draft.
      return null;
    }
  }

  remove(place: DraftPlace): void {
    this.storage.removeItem(storageKey(place));
  }
}

/** Every draft on this device, of every user: on sign-out nothing typed may stay behind. */
export function clearAllDrafts(storage: DraftStorage): void {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}
