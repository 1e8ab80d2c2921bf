import type { ShelterFacility, ShelterUnit } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem';
import { bedBarColor, brokenRules, countdownTone, groupKey, placeableUnits, takenPercent } from './shelterView';

const problem = (code: 'placement_rule' | 'forbidden', errors: { path: string; code: string; message: string }[]) =>
  new ApiProblem({ type: 'x', title: 'x', status: 422, code, errors });

describe('shelter view', () => {
  it('reads the broken rules from a placement_rule problem only', () => {
    const refused = problem('placement_rule', [
      { path: 'unitId', code: 'unit_full', message: '' },
      { path: 'unitId', code: 'not_a_rule', message: '' },
      { path: 'caseId', code: 'already_placed', message: '' },
    ]);
    expect(brokenRules(refused)).toEqual(['unit_full', 'already_placed']);
    expect(brokenRules(problem('forbidden', [{ path: 'unitId', code: 'unit_full', message: '' }]))).toEqual([]);
    expect(brokenRules(new Error('x'))).toEqual([]);
  });

  it('fills bed bars and colours them by what is left', () => {
    expect(takenPercent(3, 4)).toBe(75);
    expect(takenPercent(5, 4)).toBe(100);
    expect(takenPercent(0, 0)).toBe(0);
    expect(bedBarColor(4, 4)).toBe('red');
    expect(bedBarColor(3, 4)).toBe('orange');
    expect(bedBarColor(17, 20)).toBe('orange');
    expect(bedBarColor(2, 20)).toBe('teal');
  });

  it('warns in the last week and after a countdown ends', () => {
    expect(countdownTone(-1)).toBe('red');
    expect(countdownTone(0)).toBe('orange');
    expect(countdownTone(7)).toBe('orange');
    expect(countdownTone(8)).toBe('gray');
    expect(countdownTone(null)).toBe('gray');
  });

  it('offers active units of an active facility, most free beds first', () => {
    const unit = (name: string, free: number, active = true) => ({ name, free, active }) as ShelterUnit;
    const facility = { active: true, units: [unit('B', 1), unit('A', 5), unit('C', 9, false)] } as ShelterFacility;
    expect(placeableUnits(facility).map((u) => u.name)).toEqual(['A', 'B']);
    expect(placeableUnits({ ...facility, active: false })).toEqual([]);
    expect(groupKey({ sex: 'any', ageGroup: 'family' })).toBe('any_family');
  });
});
