import {
  DELIVERY_STATUSES,
  INCOMING_STATUSES,
  PACKET_KINDS,
  PACKET_REJECTIONS,
  PACKET_STATUSES,
  PARTNER_STATUSES,
  RECEIPT_OUTCOMES,
  SUPPORTED_LOCALES,
} from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem';
import { DELIVERY_DIRECTIONS, FEDERATION_TABS, validateFederationSearch } from './federationSearch';
import {
  fingerprintLines,
  isUndelivered,
  notRecognised,
  parseIdentityDocument,
  partnerActions,
  rejectionInError,
  rejectionOf,
} from './federationView';

const FINGERPRINT = 'A1B2 C3D4 E5F6 0718 293A 4B5C 6D7E 8F90 1A2B 3C4D 5E6F 7081 92A3 B4C5 D6E7 F809';

const problem = (code: ApiProblem['code'], errors: { path: string; code: string }[] = []) =>
  new ApiProblem({
    type: `urn:seamless:problem:${code}`,
    title: code,
    status: 422,
    code,
    errors: errors.map((error) => ({ ...error, message: 'English text' })),
  });

describe('the fingerprint', () => {
  it('is read out in four lines of four groups', () => {
    const lines = fingerprintLines(FINGERPRINT);
    expect(lines).toHaveLength(4);
    expect(lines.every((line) => line.length === 4)).toBe(true);
    expect(lines.flat().join(' ')).toBe(FINGERPRINT);
  });
});

describe('trust in a partner', () => {
  it('is suspended or revoked while active, restored or revoked while suspended, and stays revoked', () => {
    expect(partnerActions('active')).toEqual(['suspend', 'revoke']);
    expect(partnerActions('suspended')).toEqual(['reactivate', 'revoke']);
    expect(partnerActions('revoked')).toEqual([]);
  });
});

describe('the delivery monitor', () => {
  it('offers a retry and the file only for outgoing packets not yet delivered or turned away', () => {
    expect(isUndelivered({ direction: 'outgoing', status: 'pending' })).toBe(true);
    expect(isUndelivered({ direction: 'outgoing', status: 'rejected' })).toBe(true);
    expect(isUndelivered({ direction: 'outgoing', status: 'delivered' })).toBe(false);
    expect(isUndelivered({ direction: 'outgoing', status: 'refused' })).toBe(false);
    expect(isUndelivered({ direction: 'incoming', status: 'waiting' })).toBe(false);
  });

  it("reads the partner's reason out of the outbox's last error when it named one", () => {
    expect(rejectionInError('http_403:bad_signature')).toBe('bad_signature');
    expect(rejectionInError('http_503')).toBeUndefined();
    expect(rejectionInError('fetch failed')).toBeUndefined();
    expect(rejectionInError(null)).toBeUndefined();
  });

  it('labels every status a packet can have, sent or received', () => {
    for (const status of [...DELIVERY_STATUSES, ...INCOMING_STATUSES]) expect(PACKET_STATUSES).toContain(status);
  });

  it('keeps its tab and filters in the address, a status only where the direction has it', () => {
    expect(validateFederationSearch({ tab: 'deliveries', direction: 'incoming', status: 'applied', page: '3' })).toEqual({
      tab: 'deliveries',
      direction: 'incoming',
      status: 'applied',
      page: 3,
    });
    expect(validateFederationSearch({ status: 'applied' }).status).toBeUndefined();
    expect(validateFederationSearch({ direction: 'sideways', status: 'pending' })).toEqual({
      tab: undefined,
      direction: undefined,
      status: 'pending',
      page: undefined,
    });
    expect(validateFederationSearch({ tab: 'keys' }).tab).toBeUndefined();
  });
});

describe('importing a file', () => {
  it('says why a packet was rejected, as the server named it', () => {
    expect(rejectionOf(problem('packet_rejected', [{ path: 'content', code: 'expired' }]))).toBe('expired');
    expect(rejectionOf(problem('packet_rejected'))).toBe('malformed');
    expect(rejectionOf(problem('validation_failed', [{ path: 'content', code: 'validation_failed' }]))).toBeNull();
    expect(rejectionOf(new Error('offline'))).toBeNull();
  });

  it('tells a file that is neither packet nor receipt apart from other problems', () => {
    expect(notRecognised(problem('validation_failed', [{ path: 'content', code: 'validation_failed' }]))).toBe(true);
    expect(notRecognised(problem('validation_failed', [{ path: 'documentUrl', code: 'validation_failed' }]))).toBe(false);
    expect(notRecognised(problem('packet_rejected', [{ path: 'content', code: 'expired' }]))).toBe(false);
  });
});

describe('a pasted identity document', () => {
  it('is read as a JSON object, and anything else is refused before sending', () => {
    expect(parseIdentityDocument('{"format":"seamless-instance/1"}')).toEqual({ ok: true, document: { format: 'seamless-instance/1' } });
    expect(parseIdentityDocument('[1, 2]')).toEqual({ ok: false });
    expect(parseIdentityDocument('A1B2 C3D4')).toEqual({ ok: false });
    expect(parseIdentityDocument('')).toEqual({ ok: false });
  });
});

describe('the federation catalogue', () => {
  const files = import.meta.glob<{ federation: Record<string, Record<string, unknown>> }>('../../locales/*/federation.json', {
    eager: true,
    import: 'default',
  });
  const required: Record<string, readonly string[]> = {
    tabs: FEDERATION_TABS,
    direction: DELIVERY_DIRECTIONS,
    partnerStatus: PARTNER_STATUSES,
    deliveryStatus: PACKET_STATUSES,
    packetKind: PACKET_KINDS,
    rejection: PACKET_REJECTIONS,
    outcome: RECEIPT_OUTCOMES,
    via: ['push', 'file'],
    statusChange: ['suspend', 'revoke', 'reactivate'],
  };

  it.each(SUPPORTED_LOCALES)('labels every value of the federation vocabularies in %s', (locale) => {
    const federation = files[`../../locales/${locale}/federation.json`]?.federation ?? {};
    const missing = Object.entries(required).flatMap(([group, values]) =>
      values.filter((value) => !federation[group]?.[value]).map((value) => `${group}.${value}`),
    );
    expect(missing).toEqual([]);
  });
});
