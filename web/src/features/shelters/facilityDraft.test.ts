import { shelterFacilityInputSchema } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { validate } from '../../lib/validation';
import { type FacilityDraft, facilityDraft, facilityDraftBody } from './facilityDraft';

const draft = (more: Partial<FacilityDraft> = {}): FacilityDraft => ({
  ...facilityDraft(null),
  name: 'Baan Kru Noi',
  province: 'Chiang Rai',
  ...more,
});

const paths = (value: FacilityDraft) => {
  const checked = validate(shelterFacilityInputSchema, facilityDraftBody(value));
  return checked.ok ? [] : checked.errors.map((error) => error.path);
};

describe('facilityDraftBody', () => {
  it('sends blank optional text as null and an empty stay limit as none', () => {
    const body = facilityDraftBody(draft({ district: '  ', address: '', phone: ' ' }));
    expect(body).toMatchObject({ district: null, address: null, phone: null, stayLimitDays: null, specialNeedsCapacity: 0 });
    expect(paths(draft())).toEqual([]);
  });

  it('names the field the manager must fix', () => {
    expect(paths(draft({ province: ' ' }))).toEqual(['province']);
    expect(paths(draft({ servesSexes: [] }))).toEqual(['servesSexes']);
    expect(paths(draft({ phone: 'call me' }))).toEqual(['phone']);
    expect(paths(draft({ stayLimitDays: 0 }))).toEqual(['stayLimitDays']);
  });
});
