import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import { cases } from '../db/schema/index.js';

/**
 * How a case keeps its form answers: answers to identity-section fields are identity data, so
 * they are encrypted together as one JSON object (`cases.form_identity_enc`); the others stay
 * readable by the database in `cases.form_answers` and are filtered by section when read.
 */
export type StoredFormAnswers = { formAnswers: Record<string, unknown>; formIdentityEnc: string | null };

/** All answers of a case in clear, for validation and for readers of the identity section. */
export function storedFormAnswers(keyRing: KeyRing, caseId: string, stored: StoredFormAnswers): Record<string, unknown> {
  const identity = stored.formIdentityEnc
    ? (JSON.parse(keyRing.decrypt(stored.formIdentityEnc, placeOf(cases.formIdentityEnc, caseId))) as Record<string, unknown>)
    : {};
  return { ...stored.formAnswers, ...identity };
}
