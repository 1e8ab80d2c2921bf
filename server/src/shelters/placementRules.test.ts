import { describe, expect, it } from 'vitest';
import { daysLeft, daysLeftAt } from './countdown.js';
import { ageGroupOn, ageOn, brokenPlacementRules, type PlacementFacts, residentSexOf, unoverridable } from './placementRules.js';

const facts = (change: Partial<PlacementFacts> = {}): PlacementFacts => ({
  facility: { active: true, servesSexes: ['female'], servesAgeGroups: ['child', 'adult'], servesFamilies: true },
  unit: { active: true, sex: 'female', ageGroup: 'adult', beds: 4, specialNeeds: false },
  occupied: 0,
  resident: { sex: 'female', ageGroup: 'adult', specialNeeds: false },
  alreadyPlaced: false,
  parentInUnit: false,
  ...change,
});

describe('age on the admission day', () => {
  it('turns 18 on the birthday itself, not the day after', () => {
    expect(ageOn('2008-03-15', '2026-03-15')).toBe(18);
    expect(ageGroupOn({ birthDate: '2008-03-15', birthYear: 2008, ageAtIntake: null }, '2026-03-15')).toBe('adult');
  });

  it('is a child at 17 years and 364 days', () => {
    expect(ageOn('2008-03-15', '2026-03-14')).toBe(17);
    expect(ageGroupOn({ birthDate: '2008-03-15', birthYear: 2008, ageAtIntake: null }, '2026-03-14')).toBe('child');
  });

  it('born on 29 February: still 17 on 28 February of a common year, 18 on 1 March', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('counts month ends as days like any other', () => {
    expect(ageOn('2008-01-31', '2026-01-30')).toBe(17);
    expect(ageOn('2008-01-31', '2026-01-31')).toBe(18);
    expect(ageOn('2007-12-31', '2025-12-31')).toBe(18);
    expect(ageOn('2007-12-31', '2025-12-30')).toBe(17);
  });

  it('presumes the youngest age when only a birth year or nothing is known', () => {
    expect(ageGroupOn({ birthDate: null, birthYear: 2008, ageAtIntake: null }, '2026-12-31')).toBe('child');
    expect(ageGroupOn({ birthDate: null, birthYear: 2007, ageAtIntake: null }, '2026-01-01')).toBe('adult');
    expect(ageGroupOn({ birthDate: null, birthYear: null, ageAtIntake: 25 }, '2026-01-01')).toBe('adult');
    expect(ageGroupOn({ birthDate: null, birthYear: null, ageAtIntake: null }, '2026-01-01')).toBe('child');
  });
});

describe('placement rules', () => {
  it('lets an adult woman into an adult women’s room with a free bed', () => {
    expect(brokenPlacementRules(facts())).toEqual([]);
  });

  it('keeps adults and children apart', () => {
    expect(brokenPlacementRules(facts({ resident: { sex: 'female', ageGroup: 'child', specialNeeds: false } }))).toEqual([
      'adults_and_children_apart',
    ]);
    const childRoom = { active: true, sex: 'female', ageGroup: 'child', beds: 4, specialNeeds: false } as const;
    expect(brokenPlacementRules(facts({ unit: childRoom }))).toEqual(['adults_and_children_apart']);
  });

  it('takes a child into a family unit only with her parent there', () => {
    const family = { active: true, sex: 'any', ageGroup: 'family', beds: 4, specialNeeds: false } as const;
    const child = { sex: 'female', ageGroup: 'child', specialNeeds: false } as const;
    expect(brokenPlacementRules(facts({ unit: family, resident: child }))).toEqual(['adults_and_children_apart']);
    expect(brokenPlacementRules(facts({ unit: family, resident: child, parentInUnit: true }))).toEqual([]);
    expect(brokenPlacementRules(facts({ unit: family }))).toEqual([]);
  });

  it('checks the sex of the unit and of the facility', () => {
    const man = { sex: 'male', ageGroup: 'adult', specialNeeds: false } as const;
    expect(brokenPlacementRules(facts({ resident: man }))).toEqual(['facility_serves', 'unit_sex']);
    const other = { sex: 'other', ageGroup: 'adult', specialNeeds: false } as const;
    expect(brokenPlacementRules(facts({ resident: other }))).toEqual(['unit_sex']);
    expect(brokenPlacementRules(facts({ resident: other, unit: { ...facts().unit, sex: 'any' } }))).toEqual([]);
  });

  it('places special needs only where they are supported', () => {
    const needs = { sex: 'female', ageGroup: 'adult', specialNeeds: true } as const;
    expect(brokenPlacementRules(facts({ resident: needs }))).toEqual(['special_needs']);
    expect(brokenPlacementRules(facts({ resident: needs, unit: { ...facts().unit, specialNeeds: true } }))).toEqual([]);
  });

  it('refuses a full unit, the last free bed is still free', () => {
    expect(brokenPlacementRules(facts({ occupied: 3 }))).toEqual([]);
    expect(brokenPlacementRules(facts({ occupied: 4 }))).toEqual(['unit_full']);
  });

  it('never places one case twice, not even with an override', () => {
    const broken = brokenPlacementRules(facts({ alreadyPlaced: true, occupied: 9 }));
    expect(broken).toEqual(['unit_full', 'already_placed']);
    expect(unoverridable(broken)).toEqual(['already_placed']);
  });

  it('refuses an inactive facility or unit', () => {
    expect(brokenPlacementRules(facts({ facility: { ...facts().facility, active: false } }))).toEqual(['facility_inactive']);
  });

  it('maps genders to how units are divided', () => {
    expect(residentSexOf('TransgenderFeminine')).toBe('female');
    expect(residentSexOf('Masculine')).toBe('male');
    expect(residentSexOf('NonBinary' as never)).toBe('other');
  });
});

describe('countdown in the country’s calendar', () => {
  const endsOn = '2026-05-10';

  it('counts calendar days, negative once past', () => {
    expect(daysLeft('2026-05-01', endsOn)).toBe(9);
    expect(daysLeft('2026-05-10', endsOn)).toBe(0);
    expect(daysLeft('2026-05-12', endsOn)).toBe(-2);
    expect(daysLeft('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysLeft('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('crosses midnight in Bangkok (UTC+7) before Yangon (UTC+6:30), and both before the server in UTC', () => {
    // 17:15 UTC: 00:15 in Bangkok (already the 2nd), 23:45 in Yangon (still the 1st), 17:15 on the 1st in UTC.
    const now = new Date('2026-05-01T17:15:00Z');
    expect(daysLeftAt('TH', now, endsOn)).toBe(8);
    expect(daysLeftAt('MM', now, endsOn)).toBe(9);
    expect(daysLeftAt('XX', now, endsOn)).toBe(9);
    // Half an hour later Yangon's day has turned too; UTC's has not.
    const later = new Date('2026-05-01T17:45:00Z');
    expect(daysLeftAt('MM', later, endsOn)).toBe(8);
    expect(daysLeftAt('XX', later, endsOn)).toBe(9);
  });
});
