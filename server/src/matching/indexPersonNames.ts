import { randomUUID } from 'node:crypto';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import { personNames } from '../db/schema/index.js';
import { nameKeysOf } from './nameKeys.js';

export type PersonNameKind = 'primary' | 'written' | 'alias';

/**
 * Records the names a person is known by: each name encrypted as entered (`name_enc`), with its
 * normalised-name keys (nameKeys.ts) for matching. The keys are the normalised-name index
 * DESIGN.md §4 allows beside encrypted identity data; like the names they are readable only
 * through row-level security (person_names follows the person's visibility) and never logged.
 * Runs in the caller's transaction, so row-level security also decides whether the actor may add
 * names to this person. Blank names and repeats of the same name and kind are skipped. Returns
 * the ids of the rows written. `recordedByAgencyId` names the agency the rows belong to; left out,
 * the database records the acting agency.
 */
export async function indexPersonNames(
  tx: Tx,
  keyRing: KeyRing,
  personId: string,
  names: readonly { kind: PersonNameKind; name: string }[],
  recordedByAgencyId?: string,
): Promise<string[]> {
  const rows = personNameRows(keyRing, personId, names, recordedByAgencyId);
  if (rows.length === 0) return [];
  const inserted = await tx.insert(personNames).values(rows).returning({ id: personNames.id });
  return inserted.map((row) => row.id);
}

/** The rows `indexPersonNames` writes, for a caller that writes the names of many persons in one statement. */
export function personNameRows(
  keyRing: KeyRing,
  personId: string,
  names: readonly { kind: PersonNameKind; name: string }[],
  recordedByAgencyId?: string,
) {
  const seen = new Set<string>();
  const rows = [];
  for (const { kind, name } of names) {
    const trimmed = name.normalize('NFC').trim().replace(/\s+/gu, ' ');
    if (!trimmed || seen.has(`${kind}\u001f${trimmed}`)) continue;
    seen.add(`${kind}\u001f${trimmed}`);
    const id = randomUUID();
    rows.push({
      id,
      personId,
      kind,
      nameEnc: keyRing.encrypt(trimmed, placeOf(personNames.nameEnc, id)),
      ...nameKeysOf(trimmed),
      ...(recordedByAgencyId ? { recordedByAgencyId } : {}),
    });
  }
  return rows;
}

/** Decimal digits of the region's scripts, so a number typed in Thai or Khmer digits matches. */
const DIGIT_ZEROS = [0x0e50, 0x0ed0, 0x17e0, 0x1040, 0x1090, 0x0660, 0x06f0, 0x0966, 0xff10];

function asciiDigits(value: string): string {
  return value.normalize('NFKC').replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0)!;
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
    return zero === undefined ? digit : String(code - zero);
  });
}

/**
 * The form of a document number that is blind-indexed (`KeyRing.blindIndex('document', …)`):
 * native digits as ASCII, letters upper-case, separators and spaces removed — a Thai ID card
 * "1-2345-67890-12-3" and "1234567890123" are the same number. Letters O/0 and I/1 are not
 * folded: a shared document is decisive evidence, so it must be the same characters.
 */
export function normaliseDocumentNumber(raw: string): string {
  const normalised = asciiDigits(raw)
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  // Nothing alphanumeric (a dash typed for "none"): index the entry as typed rather than nothing.
  return normalised || raw.trim();
}

/** Calling codes of the region (and the partners named in DESIGN.md §1). */
const CALLING_CODES: Record<string, string> = { TH: '66', KH: '855', LA: '856', MM: '95', VN: '84', CN: '86', JP: '81', MY: '60' };

/**
 * A phone number as international digits without "+" (E.164 without the plus), the form that is
 * blind-indexed (`KeyRing.blindIndex('phone', …)`): "+66 81 555 0199", "0066815550199",
 * "081-555-0199" and "๐๘๑ ๕๕๕ ๐๑๙๙" (Thai digits) all become "66815550199". A number without
 * a country code is read as a number of `defaultCountry` (the instance's country): its trunk
 * "0" is replaced by the calling code. Thailand's carrier prefixes 001/007/008/009 and the
 * usual 00 both mean "international".
 */
export function normalisePhone(raw: string, defaultCountry = 'TH'): string {
  const text = asciiDigits(raw).trim();
  const international = text.startsWith('+');
  let digits = text.replace(/\D/gu, '');
  if (!digits) return raw.trim();
  if (international) return digits;
  const callingCode = CALLING_CODES[defaultCountry] ?? '';
  if (/^00[1789]/u.test(digits) && (defaultCountry === 'TH' || defaultCountry === 'KH') && digits.length > 11) return digits.slice(3);
  if (digits.startsWith('00')) return digits.slice(2);
  if (digits.startsWith('0')) return callingCode + digits.slice(1);
  // Chinese mobile numbers have no trunk prefix: 11 digits starting with 1.
  if (defaultCountry === 'CN' && digits.length === 11 && digits.startsWith('1')) return callingCode + digits;
  // Already with the calling code but without "+" (66815550199), or a bare national number.
  if (callingCode && digits.startsWith(callingCode) && digits.length >= callingCode.length + 8) return digits;
  digits = callingCode + digits;
  return digits;
}
