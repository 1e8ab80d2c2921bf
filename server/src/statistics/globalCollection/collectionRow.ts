import type { ExploitationType } from '@seamless/contracts';
import type { Combination } from './combinations.js';
import { ageBroadOf, type Generalisation, majorityStatusOf, subregionOf } from './hierarchies.js';

/**
 * The columns of the file, named as in CTDC's global victim dataset. From our HTCDS vocabulary:
 *
 * - `yearOfRegistration`: the year of the file, that of the person's first identification decision
 *   in it (`trafficking_status_decisions.decided_on`).
 * - `Datasource`: always `Case Management` (every record is a case; hotline contacts are not
 *   victims identified).
 * - `gender`: `prs_Gender` — Feminine and TransgenderFeminine `Female`, Masculine and
 *   TransgenderMasculine `Male`, NonConforming `Other`, anything else empty (as the figures count).
 * - `age` (ours: CTDC publishes no single year), `ageBroad`, `majorityStatus`: the age when
 *   trafficked (`vic_AgeWhenTrafficked`), else at identification from the birth year or the age
 *   at intake, as the figures count it.
 * - `citizenship`: the first `prs_Citizenship`, ISO 3166 alpha-2; `Other` for a code that is
 *   none; or the subregion `Mekong`, `ASEAN` (the rest of ASEAN), `Other`.
 * - The exploitation flags, from `vic_TypeOfExploitation` (1 recorded, 0 not): the major types
 *   `isForcedLabour`, `isSexualExploit`, `isOtherExploit` (MAJOR_TYPE below), then one column
 *   per form (DETAIL_COLUMN below), CTDC's name where CTDC has the form.
 * - `isAbroad` replaces CTDC's `CountryOfExploitation`, which we hold only as same country or
 *   not: 1 when `vic_CountryOfExploitation` is another country than the case's, 0 when the same.
 *
 * An empty cell is unknown, or generalised away (the file's header says which generalisation).
 */
const MAJOR_COLUMNS = ['isForcedLabour', 'isSexualExploit', 'isOtherExploit'] as const;
type MajorColumn = (typeof MAJOR_COLUMNS)[number];

const MAJOR_TYPE: Record<ExploitationType, MajorColumn> = {
  ForcedLabour: 'isForcedLabour',
  ChildLabour: 'isForcedLabour',
  ForcedBegging: 'isForcedLabour',
  ForcedLabourFishing: 'isForcedLabour',
  DebtBondage: 'isForcedLabour',
  SexualExploitation: 'isSexualExploit',
  OnlineSexualExploitation: 'isSexualExploit',
  ForcedMarriage: 'isOtherExploit',
  Servitude: 'isOtherExploit',
  ForcedMilitaryByNonStateActors: 'isOtherExploit',
  OrganRemoval: 'isOtherExploit',
  ForcedAdoption: 'isOtherExploit',
  Surrogacy: 'isOtherExploit',
  ForcedCriminality: 'isOtherExploit',
  Other: 'isOtherExploit',
};

/** The forms a major type does not already say; ForcedLabour, SexualExploitation and Other are their major type. */
const DETAIL_COLUMN = {
  ForcedMarriage: 'isForcedMarriage',
  ForcedMilitaryByNonStateActors: 'isForcedMilitary',
  OrganRemoval: 'isOrganRemoval',
  Servitude: 'isSlaveryAndPractices',
  ForcedBegging: 'typeOfLabourBegging',
  ForcedLabourFishing: 'typeOfLabourFisheries',
  OnlineSexualExploitation: 'typeOfSexRemoteInteractiveServices',
  DebtBondage: 'meansOfControlDebtBondage',
  ChildLabour: 'isChildLabour',
  ForcedCriminality: 'isForcedCriminality',
  ForcedAdoption: 'isForcedAdoption',
  Surrogacy: 'isSurrogacy',
} as const satisfies Partial<Record<ExploitationType, string>>;
const DETAIL_COLUMNS = Object.values(DETAIL_COLUMN);

export const COLLECTION_COLUMNS = [
  'yearOfRegistration',
  'Datasource',
  'gender',
  'age',
  'ageBroad',
  'majorityStatus',
  'citizenship',
  ...MAJOR_COLUMNS,
  ...DETAIL_COLUMNS,
  'isAbroad',
] as const;

/** A cell of the file: a year, an age or a 0/1 flag, or a code from a closed list; null is empty. */
export type CollectionCell = string | number | null;

const GENDER = { female: 'Female', male: 'Male', other: 'Other', unknown: null } as const;
const ABROAD = { domestic: 0, abroad: 1, unknown: null } as const;

const typesOf = (exploitation: readonly string[]) =>
  exploitation.map((type) => (type in MAJOR_TYPE ? (type as ExploitationType) : 'Other'));

function exploitationCells(exploitation: readonly string[], level: number): CollectionCell[] {
  const types = typesOf(exploitation);
  const none = () => null;
  if (types.length === 0 || level >= 2) return [...MAJOR_COLUMNS.map(none), ...DETAIL_COLUMNS.map(none)];
  const majors = new Set(types.map((type) => MAJOR_TYPE[type]));
  const details = new Set(types.map((type) => (DETAIL_COLUMN as Partial<Record<ExploitationType, string>>)[type]));
  return [
    ...MAJOR_COLUMNS.map((column) => (majors.has(column) ? 1 : 0)),
    ...DETAIL_COLUMNS.map((column) => (level === 0 ? (details.has(column) ? 1 : 0) : null)),
  ];
}

function ageCells(age: number | null, level: number): CollectionCell[] {
  if (age === null) return [null, null, null];
  return [level === 0 ? age : null, level <= 1 ? ageBroadOf(age) : null, level <= 2 ? majorityStatusOf(age) : null];
}

function citizenshipCell(citizenship: string, level: number): CollectionCell {
  if (level === 0) return citizenship === 'unknown' ? null : citizenship === 'other' ? 'Other' : citizenship;
  return level === 1 ? subregionOf(citizenship) : null;
}

/**
 * The row of one person of this combination under the generalisation. Two persons share a row
 * exactly when they share every quasi-identifier as generalised, so the row is the class.
 */
export function collectionRow(combination: Combination, generalisation: Generalisation) {
  return [
    combination.year,
    'Case Management',
    GENDER[combination.sex],
    ...ageCells(combination.age, generalisation.age),
    citizenshipCell(combination.citizenship, generalisation.citizenship),
    ...exploitationCells(combination.exploitation, generalisation.exploitation),
    ABROAD[combination.domesticAbroad],
  ] satisfies CollectionCell[];
}
