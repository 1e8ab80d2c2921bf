import { describe, expect, it } from 'vitest';
import { activeFilterCount, filterQueryOf, hasFilters, validateCaseListSearch } from './caseListSearch';

describe('validateCaseListSearch', () => {
  it('keeps known values of list filters, once each, comma-joined as the API reads them', () => {
    const search = validateCaseListSearch({
      status: 'Active,Closed,Active,Bogus',
      stage: ['intake', 'screening', 'nowhere'],
      nationality: 'TH,mm,MM,XYZ',
      exploitation: 'ForcedLabourFishing',
    });
    expect(search.status).toBe('Active,Closed');
    expect(search.stage).toBe('intake,screening');
    expect(search.nationality).toBe('TH,MM');
    expect(search.exploitation).toBe('ForcedLabourFishing');
  });

  it('drops filters with no known value and malformed scalars', () => {
    const search = validateCaseListSearch({
      status: 'Bogus',
      scope: 'team; drop',
      sort: '--reference',
      ageGroup: ['child'],
      overdue: 'maybe',
      page: '0',
    });
    expect(search).toEqual({
      page: undefined,
      sort: undefined,
      scope: undefined,
      status: undefined,
      stage: undefined,
      traffickingStatus: undefined,
      exploitation: undefined,
      nationality: undefined,
      ageGroup: undefined,
      overdue: undefined,
      q: undefined,
    });
  });

  it('reads the overdue flag from the URL and from a saved filter alike', () => {
    expect(validateCaseListSearch({ overdue: true }).overdue).toBe(true);
    expect(validateCaseListSearch({ overdue: 'false' }).overdue).toBe(false);
  });

  it('checks sort, scope and age group for shape only, leaving the vocabulary to the page', () => {
    expect(validateCaseListSearch({ sort: 'name', scope: 'everyone' })).toMatchObject({ sort: 'name', scope: 'everyone' });
  });

  it('accepts the sorts and scopes of the contract', () => {
    const search = validateCaseListSearch({ sort: '-identificationDueOn', scope: 'mine', ageGroup: 'child' });
    expect(search).toMatchObject({ sort: '-identificationDueOn', scope: 'mine', ageGroup: 'child' });
  });
});

describe('filterQueryOf', () => {
  it('gives the criteria as strings, without the page and the empty ones', () => {
    expect(filterQueryOf({ page: 3, scope: 'team', status: 'Active', overdue: false, q: 'สมศรี' })).toEqual({
      scope: 'team',
      status: 'Active',
      overdue: 'false',
      q: 'สมศรี',
    });
  });

  it('round-trips through validation, as applying a saved filter does', () => {
    const search = validateCaseListSearch({ scope: 'mine', traffickingStatus: 'Presumed,Identified', overdue: 'true', sort: 'reference' });
    expect(validateCaseListSearch(filterQueryOf(search))).toEqual(search);
  });
});

describe('hasFilters', () => {
  it('counts what narrows the list, not the scope or the order', () => {
    expect(hasFilters({ scope: 'mine', sort: 'reference', page: 2 })).toBe(false);
    expect(hasFilters({ overdue: false })).toBe(true);
    expect(hasFilters({ q: 'TH-2026' })).toBe(true);
  });

  it('gives the number the phone’s filter button shows, one per narrowing criterion', () => {
    expect(activeFilterCount({ scope: 'mine', sort: 'reference', page: 2 })).toBe(0);
    expect(activeFilterCount({ status: 'Active,Closed', overdue: false, q: 'Ma' })).toBe(3);
  });
});
