import { generateSyntheticSet, prng, type SyntheticPerson } from '../../matching/synthetic/generate.js';

/**
 * A national caseload as a stream: the labelled synthetic persons of the matching bench
 * (matching/synthetic/), made in blocks so a million cases never sit in memory at once, each
 * opened at a moment between 2015 and 2026. Intakes grow year on year, as reported
 * identifications in the region did. Deterministic: the same seed gives the same population.
 */
export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2026;
/** The last day a case is opened on: a fixed date, so a population does not depend on the day it is made. */
export const END = Date.UTC(LAST_YEAR, 10, 30);
const START = Date.UTC(FIRST_YEAR, 0, 1);
const DAY = 86_400_000;

/** Persons per block: duplicates and namesakes are planted within a block (generate.ts). */
export const BLOCK = 1000;

export type PopulationCase = {
  /** Position in the stream, 0-based: also the case's place in time (earlier index, earlier intake). */
  index: number;
  person: SyntheticPerson;
  openedAt: Date;
  /** The stream index of the first record of the same person, for a planted duplicate. */
  duplicateOf: number | null;
};

/** Relative intakes per year: each year adds 15 % of 2015's intakes (2026 has 2.65 times as many). */
const yearWeight = (year: number) => 1 + 0.15 * (year - FIRST_YEAR);
const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, k) => FIRST_YEAR + k);
const yearSpan = (year: number) => Math.min(Date.UTC(year + 1, 0, 1), END) - Date.UTC(year, 0, 1);
const YEAR_MASS = YEARS.map((year) => yearWeight(year) * (yearSpan(year) / (365 * DAY)));
const TOTAL_MASS = YEAR_MASS.reduce((sum, mass) => sum + mass, 0);

/** The moment at fraction `f` of the caseload (0 ≤ f < 1), by the inverse of the yearly intake curve. */
export function momentAt(f: number): Date {
  let mass = f * TOTAL_MASS;
  for (const [k, year] of YEARS.entries()) {
    const share = YEAR_MASS[k]!;
    if (mass < share || k === YEARS.length - 1) {
      const within = Math.min(mass / share, 0.999_999);
      return new Date(Date.UTC(year, 0, 1) + Math.floor(within * yearSpan(year)));
    }
    mass -= share;
  }
  return new Date(START);
}

/** A seed per block, so blocks are independent (and the nth block does not depend on the block size of others). */
const blockSeed = (seed: number, block: number) => (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(block + 1, 0xc2b2ae35)) >>> 0;

/**
 * Shifts a person's birth year from the matching set's reference year to the year of the intake,
 * so ages at intake keep the set's distribution (mostly 15–30) whatever the year.
 */
function bornBefore(person: SyntheticPerson, intakeYear: number): SyntheticPerson {
  const shift = intakeYear - LAST_YEAR;
  if (shift === 0) return person;
  const birthYear = person.birthYear + shift;
  return { ...person, birthYear, birthDate: person.birthDate ? `${birthYear}${person.birthDate.slice(4)}` : null };
}

export function* syntheticPopulation(options: { cases: number; seed: number }): Generator<PopulationCase> {
  const { cases: total, seed } = options;
  for (let start = 0, block = 0; start < total; start += BLOCK, block++) {
    const size = Math.min(BLOCK, total - start);
    const set = generateSyntheticSet({ persons: size, seed: blockSeed(seed, block) });
    const random = prng(blockSeed(seed, block) ^ 0x5bd1e995);
    // The set lists originals, then duplicates, then namesakes: shuffled so every kind is spread over time.
    const order = set.persons.map((_, k) => k);
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j]!, order[k]!];
    }
    const positionOf = new Map(order.map((setIndex, position) => [setIndex, position]));
    const originalOf = new Map(set.duplicates.map((pair) => [pair.duplicateIndex, pair.originalIndex]));
    const openedAt = order.map((_, position) => momentAt((start + position + random()) / total));
    for (const [position, setIndex] of order.entries()) {
      const original = originalOf.get(setIndex);
      let opened = openedAt[position]!;
      let ageYear = opened.getUTCFullYear();
      if (original !== undefined) {
        // Another desk recorded her again, up to about a year after the first record.
        const first = openedAt[positionOf.get(original)!]!;
        ageYear = first.getUTCFullYear();
        opened = new Date(Math.min(END - 1, first.getTime() + (1 + Math.floor(random() * 400)) * DAY));
      }
      yield {
        index: start + position,
        person: bornBefore(set.persons[setIndex]!, ageYear),
        openedAt: opened,
        duplicateOf: original === undefined ? null : start + positionOf.get(original)!,
      };
    }
  }
}
