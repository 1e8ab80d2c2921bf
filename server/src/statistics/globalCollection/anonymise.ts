import { GLOBAL_COLLECTION_K } from '@seamless/contracts';
import { type CollectionCell, collectionRow } from './collectionRow.js';
import type { Combination } from './combinations.js';
import { type Generalisation, HEIGHTS, QUASI_IDENTIFIERS } from './hierarchies.js';

/**
 * At most this share of the persons may be suppressed. More would bias what the collection
 * counts towards the common profiles (the rare ones are what suppression removes); beyond it the
 * hierarchies are climbed instead.
 */
export const MAX_SUPPRESSED_SHARE = 0.1;

export type AnonymisedClass = { row: CollectionCell[]; persons: number };

export type Anonymisation = {
  generalisation: Generalisation;
  /** Classes of at least GLOBAL_COLLECTION_K persons, in the order of their rows. */
  classes: AnonymisedClass[];
  suppressedPersons: number;
  /** False only when even the coarsest generalisation suppresses more than the share allowed. */
  withinLimit: boolean;
};

type Candidate = { generalisation: Generalisation; kept: AnonymisedClass[]; suppressed: number; loss: number };

function* lattice(): Generator<Generalisation> {
  for (let age = 0; age <= HEIGHTS.age; age += 1)
    for (let exploitation = 0; exploitation <= HEIGHTS.exploitation; exploitation += 1)
      for (let citizenship = 0; citizenship <= HEIGHTS.citizenship; citizenship += 1) yield { age, exploitation, citizenship };
}

/**
 * Information lost, from 0 (every value as recorded) to 1 (nothing left): each kept person loses
 * the mean of her quasi-identifiers' levels over their heights (Sweeney's precision), each
 * suppressed person loses everything.
 */
function lossOf(generalisation: Generalisation, kept: number, suppressed: number): number {
  const precision = QUASI_IDENTIFIERS.reduce((sum, name) => sum + generalisation[name] / HEIGHTS[name], 0) / QUASI_IDENTIFIERS.length;
  const total = kept + suppressed;
  return total === 0 ? 0 : (kept * precision + suppressed) / total;
}

const cellOrder = (a: CollectionCell, b: CollectionCell): number => {
  if (a === b) return 0;
  if (a === null || b === null) return a === null ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
};
const rowOrder = (a: CollectionCell[], b: CollectionCell[]) => {
  for (let index = 0; index < a.length; index += 1) {
    const order = cellOrder(a[index]!, b[index]!);
    if (order !== 0) return order;
  }
  return 0;
};

function classesUnder(combinations: readonly Combination[], generalisation: Generalisation) {
  const classes = new Map<string, AnonymisedClass>();
  for (const combination of combinations) {
    const row = collectionRow(combination, generalisation);
    const key = JSON.stringify(row);
    const found = classes.get(key);
    if (found) found.persons += combination.persons;
    else classes.set(key, { row, persons: combination.persons });
  }
  return [...classes.values()];
}

/** Losses equal but for rounding are a tie. */
const lossOrder = (a: Candidate, b: Candidate) => (Math.abs(a.loss - b.loss) < 1e-9 ? 0 : a.loss - b.loss);

const levelsOrder = (a: Generalisation, b: Generalisation) => QUASI_IDENTIFIERS.reduce((order, name) => order || a[name] - b[name], 0);

/**
 * Chooses the generalisation along the fixed hierarchies that loses least, among those whose
 * classes under GLOBAL_COLLECTION_K hold at most MAX_SUPPRESSED_SHARE of the persons, and
 * suppresses those classes. Ties go to fewer suppressed persons, then to the finer age,
 * exploitation and citizenship, in that order. When no generalisation keeps within the share, the
 * one suppressing fewest persons is taken and the header says so. Every level of every hierarchy
 * is tried: three hierarchies of at most four levels make at most 36 candidates. Nothing depends
 * on the order the counts came in, so the same records always give the same file.
 */
export function anonymise(combinations: readonly Combination[]): Anonymisation {
  const k = GLOBAL_COLLECTION_K;
  const totalPersons = combinations.reduce((sum, combination) => sum + combination.persons, 0);
  const allowed = Math.floor(totalPersons * MAX_SUPPRESSED_SHARE);
  const candidates: Candidate[] = [...lattice()].map((generalisation) => {
    const classes = classesUnder(combinations, generalisation);
    const kept = classes.filter((each) => each.persons >= k);
    const suppressed = classes.filter((each) => each.persons < k).reduce((sum, each) => sum + each.persons, 0);
    return { generalisation, kept, suppressed, loss: lossOf(generalisation, totalPersons - suppressed, suppressed) };
  });
  const within = candidates.filter((candidate) => candidate.suppressed <= allowed);
  const [best] = within.length
    ? within.sort((a, b) => lossOrder(a, b) || a.suppressed - b.suppressed || levelsOrder(a.generalisation, b.generalisation))
    : candidates.sort((a, b) => a.suppressed - b.suppressed || lossOrder(a, b) || levelsOrder(a.generalisation, b.generalisation));
  return {
    generalisation: best!.generalisation,
    classes: best!.kept.sort((a, b) => rowOrder(a.row, b.row)),
    suppressedPersons: best!.suppressed,
    withinLimit: within.length > 0,
  };
}

/** One row per person of the kept classes. Rows of a class are identical, so their order tells nothing of the records'. */
export function* personRows(anonymisation: Anonymisation): Generator<CollectionCell[]> {
  for (const each of anonymisation.classes) for (let index = 0; index < each.persons; index += 1) yield each.row;
}
