import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const PERIOD = 30;

const totpFor = (secretBase32: string, label = '') =>
  new TOTP({ issuer: 'Seamless', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export async function enrolmentFor(secretBase32: string, username: string) {
  const otpauthUrl = totpFor(secretBase32, username).toString();
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1 });
  return { secret: secretBase32, otpauthUrl, qrSvg };
}

/**
 * Checks a code with one step of clock drift either way and returns its time step, so the
 * caller can refuse a step it has already accepted (replay).
 */
export function verifyTotp(secretBase32: string, code: string, lastAcceptedStep: number | null, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  return lastAcceptedStep !== null && step <= lastAcceptedStep ? null : step;
}

export function totpCodeAt(secretBase32: string, timestamp: number): string {
  return totpFor(secretBase32).generate({ timestamp });
}

/** Recovery codes are random and long, so a fast hash is enough to store them. */
export const hashRecoveryCode = (code: string) => createHash('sha256').update(code.replaceAll('-', '').toLowerCase()).digest('hex');

export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const raw = randomBytes(5).toString('hex');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}
