import type { Referral } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { referralForAction } from './referredAction';

const referral = (id: string, createdAt: string, overrides: Partial<Referral> = {}) =>
  ({
    id,
    kind: 'referral',
    direction: 'outgoing',
    serviceArea: 'economic_empowerment',
    toAgency: { id: 'ngo', name: 'NGO' },
    createdAt,
    ...overrides,
  }) as Referral;

describe('the referral sent for a care action', () => {
  it('is the newest outgoing referral for the need that no action carries yet', () => {
    const referrals = [
      referral('old', '2026-01-01T00:00:00Z'),
      referral('new', '2026-02-01T00:00:00Z'),
      referral('linked', '2026-03-01T00:00:00Z'),
      referral('other-area', '2026-04-01T00:00:00Z', { serviceArea: 'legal' }),
      referral('incoming', '2026-05-01T00:00:00Z', { direction: 'incoming' }),
    ];
    expect(referralForAction(referrals, { serviceArea: 'economic_empowerment', agencyId: null }, new Set(['linked']))?.id).toBe('new');
  });

  it('keeps to the action’s agency when it names one, and finds nothing otherwise', () => {
    const referrals = [
      referral('to-ngo', '2026-01-01T00:00:00Z'),
      referral('to-shelter', '2026-02-01T00:00:00Z', { toAgency: { id: 'shelter', name: 'S' } }),
    ];
    expect(referralForAction(referrals, { serviceArea: 'economic_empowerment', agencyId: 'ngo' }, new Set())?.id).toBe('to-ngo');
    expect(referralForAction(referrals, { serviceArea: 'medical', agencyId: null }, new Set())).toBeNull();
  });
});
