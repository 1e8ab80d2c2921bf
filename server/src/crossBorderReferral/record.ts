import type { PersonInput } from '@seamless/contracts';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import { crossBorderReferrals } from '../db/schema/index.js';

/**
 * What one referral across a border holds, the same on both sides: the referral as sent and every
 * answer. It may name the person, so it is stored encrypted as one document
 * (`cross_border_referrals.content_enc`).
 */
export type CrossBorderReferralContent = {
  reason: string;
  details: string | null;
  person: PersonInput | null;
  answer: { decision: 'accept' | 'decline'; note: string | null; at: string } | null;
  outcome: { completedOn: string; outcome: string; at: string } | null;
  withdrawal: { reason: string; at: string } | null;
};

export const sealReferralContent = (keyRing: KeyRing, id: string, content: CrossBorderReferralContent) =>
  keyRing.encrypt(JSON.stringify(content), placeOf(crossBorderReferrals.contentEnc, id));

export const openReferralContent = (keyRing: KeyRing, row: { id: string; contentEnc: string }): CrossBorderReferralContent =>
  JSON.parse(keyRing.decrypt(row.contentEnc, placeOf(crossBorderReferrals.contentEnc, row.id)));
