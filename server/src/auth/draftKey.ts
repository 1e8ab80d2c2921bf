import { createHmac } from 'node:crypto';
import type { KeyRing } from '../crypto/keyRing.js';

/**
 * The key that encrypts one user's unsaved form drafts in her browser: an HMAC of the user id
 * under a MAC key of its own purpose, so it is stable across her sessions and devices (a draft
 * typed before a reload opens after it) yet never stored anywhere, and one user's key says
 * nothing about another's.
 */
export function draftKeyFor(keyRing: KeyRing, userId: string): string {
  return createHmac('sha256', keyRing.macKey('form-drafts')).update(userId).digest('base64url');
}
