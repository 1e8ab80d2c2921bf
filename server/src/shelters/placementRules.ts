import type { Gender, PlacementRule, ResidentAgeGroup, ResidentSex, ShelterSex, UnitAgeGroup, UnitSex } from '@seamless/contracts';
import { OVERRIDABLE_PLACEMENT_RULES } from '@seamless/contracts';

/** A person is a child until the day she turns 18. */
export const ADULT_AGE = 18;

/**
 * Full years on a calendar day, both days in the case's country. Born on 29 February, she turns a
 * year older on 1 March of a common year (the day after 28 February), as civil registries count it.
 */
export function ageOn(birthDate: string, onDay: string): number {
  const [birthYear, birthMonthDay] = [Number(birthDate.slice(0, 4)), birthDate.slice(5)];
  const [year, monthDay] = [Number(onDay.slice(0, 4)), onDay.slice(5)];
  return year - birthYear - (monthDay < birthMonthDay ? 1 : 0);
}

export type AgeEvidence = { birthDate: string | null; birthYear: number | null; ageAtIntake: number | null };

/**
 * Child or adult on the admission day. Without a birth date, the youngest age the evidence allows
 * (a birth year could still be this year's birthday ahead), and without any evidence a child:
 * the presumption of minority protects her until her age is known.
 */
export function ageGroupOn(evidence: AgeEvidence, onDay: string): ResidentAgeGroup {
  const age = evidence.birthDate
    ? ageOn(evidence.birthDate, onDay)
    : evidence.birthYear !== null
      ? Number(onDay.slice(0, 4)) - evidence.birthYear - 1
      : evidence.ageAtIntake;
  return age !== null && age >= ADULT_AGE ? 'adult' : 'child';
}

/** Units are divided by sex; a person of another gender goes to a unit for any sex. */
export function residentSexOf(gender: Gender): ResidentSex {
  if (gender === 'Feminine' || gender === 'TransgenderFeminine') return 'female';
  if (gender === 'Masculine' || gender === 'TransgenderMasculine') return 'male';
  return 'other';
}

export type PlacementFacts = {
  facility: { active: boolean; servesSexes: readonly ShelterSex[]; servesAgeGroups: readonly ResidentAgeGroup[]; servesFamilies: boolean };
  unit: { active: boolean; sex: UnitSex; ageGroup: UnitAgeGroup; beds: number; specialNeeds: boolean };
  /** Beds taken in the unit now, not counting her own current placement there. */
  occupied: number;
  resident: { sex: ResidentSex; ageGroup: ResidentAgeGroup; specialNeeds: boolean };
  /** She has a current placement elsewhere (a transfer ends hers first). */
  alreadyPlaced: boolean;
  /** For a child in a family unit: her parent is placed in that unit. */
  parentInUnit: boolean;
};

/** Every rule the placement breaks, in the order of PLACEMENT_RULES; empty when it may go ahead. */
export function brokenPlacementRules(facts: PlacementFacts): PlacementRule[] {
  const { facility, unit, resident } = facts;
  const broken: PlacementRule[] = [];
  if (!facility.active || !unit.active) broken.push('facility_inactive');
  const servesSex = resident.sex === 'other' || facility.servesSexes.includes(resident.sex);
  const servesAge = facility.servesAgeGroups.includes(resident.ageGroup) || (unit.ageGroup === 'family' && facility.servesFamilies);
  if (!servesSex || !servesAge) broken.push('facility_serves');
  const apart = unit.ageGroup === 'family' ? resident.ageGroup === 'adult' || facts.parentInUnit : unit.ageGroup === resident.ageGroup;
  if (!apart) broken.push('adults_and_children_apart');
  if (unit.sex !== 'any' && unit.sex !== resident.sex) broken.push('unit_sex');
  if (resident.specialNeeds && !unit.specialNeeds) broken.push('special_needs');
  if (facts.occupied >= unit.beds) broken.push('unit_full');
  if (facts.alreadyPlaced) broken.push('already_placed');
  return broken;
}

/** What a shelter manager's override leaves standing: rules nobody may override. */
export const unoverridable = (broken: readonly PlacementRule[]) => broken.filter((rule) => !OVERRIDABLE_PLACEMENT_RULES.includes(rule));
