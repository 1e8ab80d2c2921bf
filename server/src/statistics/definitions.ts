import {
  type AgeBand,
  STATISTIC_BREAKDOWNS,
  type StatisticBreakdown,
  type StatisticDefinition,
  type StatisticKey,
} from '@seamless/contracts';

/**
 * The record sets the database counts from (migrations 0026 and 0038, `statistic_records_sql`); each names
 * fixed SQL there, so what a caller sends never becomes SQL.
 */
export type StatisticRecords =
  /** `trafficking_status_decisions` to Identified (not for a case later found not a victim). */
  | 'identification_decisions'
  /** `care_services` delivered, and `referrals` to an agency that accepted them (dated by the answer). */
  | 'services_and_accepted_referrals'
  /** `shelter_placements` that began a stay (a transfer continues the stay, it is no new admission). */
  | 'shelter_admissions'
  /** `cases` by the day they were opened, in the country's zone. */
  | 'case_openings'
  /** `follow_ups` closed because the plan was completed. */
  | 'completed_follow_ups'
  /** `repatriations` handed over (both sides signed), on either side, by the agreed handover date. */
  | 'repatriation_handovers';

/** What one counts in the database: the person (after merges), the case, or the follow-up. */
export type CountedUnit = 'persons' | 'cases' | 'follow_ups';

export type ServerStatisticDefinition = StatisticDefinition & {
  /** `null` while the capability that records them has not landed: the figure says "no data recorded". */
  records: StatisticRecords | null;
};

const PERIODS: StatisticBreakdown[] = ['year', 'quarter', 'month'];
/** Every breakdown a count about a victim supports (age at the event that dates the figure). */
const ABOUT_VICTIMS: StatisticBreakdown[] = [...STATISTIC_BREAKDOWNS];

/**
 * Each figure once (DESIGN.md §2 step 9), so every agency reports the same number for the same
 * fact. Persons are counted once per cell however many cases or events they have; a merged
 * record counts as its survivor. Province is the case's intake location (`cases.intake_location`:
 * the province of the call or encounter) when it is a value of the country's `provinces` lookup
 * list, 'other' when it is anything else; agency is the case's owner.
 */
export const STATISTIC_DEFINITIONS: Record<StatisticKey, ServerStatisticDefinition> = {
  victims_identified: {
    key: 'victims_identified',
    unit: 'persons',
    records: 'identification_decisions',
    periodDate: 'trafficking_status_decisions.decided_on',
    breakdowns: ABOUT_VICTIMS,
    availability: 'recorded',
  },
  victims_assisted: {
    key: 'victims_assisted',
    unit: 'persons',
    records: 'services_and_accepted_referrals',
    periodDate: 'care_services.delivered_on | referrals.answered_at',
    breakdowns: ABOUT_VICTIMS,
    availability: 'recorded',
  },
  victims_sheltered: {
    key: 'victims_sheltered',
    unit: 'persons',
    records: 'shelter_admissions',
    periodDate: 'shelter_placements.admitted_on',
    breakdowns: ABOUT_VICTIMS,
    availability: 'recorded',
  },
  victims_repatriated: {
    key: 'victims_repatriated',
    unit: 'persons',
    records: 'repatriation_handovers',
    periodDate: 'repatriations.handover_date',
    breakdowns: ABOUT_VICTIMS,
    availability: 'recorded',
  },
  cases_opened: {
    key: 'cases_opened',
    unit: 'cases',
    records: 'case_openings',
    periodDate: 'cases.opened_at',
    breakdowns: ABOUT_VICTIMS,
    availability: 'recorded',
  },
  cases_investigated: {
    key: 'cases_investigated',
    unit: 'cases',
    records: null,
    periodDate: 'legal_proceedings.investigation_opened_on',
    breakdowns: [...PERIODS, 'province', 'agency', 'exploitationType'],
    availability: 'not_recorded',
  },
  suspects_prosecuted: {
    key: 'suspects_prosecuted',
    unit: 'suspects',
    records: null,
    periodDate: 'legal_proceedings.charged_on',
    breakdowns: [...PERIODS, 'sex', 'nationality', 'province', 'exploitationType'],
    availability: 'not_recorded',
  },
  suspects_convicted: {
    key: 'suspects_convicted',
    unit: 'suspects',
    records: null,
    periodDate: 'legal_proceedings.verdict_on',
    breakdowns: [...PERIODS, 'sex', 'nationality', 'province', 'exploitationType'],
    availability: 'not_recorded',
  },
  follow_ups_completed: {
    key: 'follow_ups_completed',
    unit: 'follow_ups',
    records: 'completed_follow_ups',
    periodDate: 'follow_ups.closed_on',
    breakdowns: ABOUT_VICTIMS,
    availability: 'recorded',
  },
  // SDG indicator 16.2.2: detected (identified) victims per 100,000 population, by sex, age and form of exploitation.
  sdg_16_2_2: {
    key: 'sdg_16_2_2',
    unit: 'rate_per_100k',
    records: 'identification_decisions',
    periodDate: 'trafficking_status_decisions.decided_on',
    breakdowns: ['year', 'sex', 'child', 'exploitationType'],
    availability: 'recorded',
  },
};

/** What the database counts for a figure: a rate is a count of persons divided afterwards. */
export const countedUnitOf = (definition: ServerStatisticDefinition): CountedUnit =>
  definition.unit === 'cases' ? 'cases' : definition.unit === 'follow_ups' ? 'follow_ups' : 'persons';

/** Definitions as they leave the server (the contract's shape, without the record-set names). */
export const publicDefinitions = (): StatisticDefinition[] =>
  Object.values(STATISTIC_DEFINITIONS).map(({ key, unit, periodDate, breakdowns, availability }) => ({
    key,
    unit,
    periodDate,
    breakdowns,
    availability,
  }));

const bands = (...edges: number[]): AgeBand[] =>
  edges.map((from, index) => {
    const to = edges[index + 1] ?? null;
    return { key: to === null ? `${from}+` : `${from}-${to - 1}`, from, to };
  });

/**
 * National age bands (DESIGN.md §2 step 9: < 18 always, as `child`; national bands such as
 * < 15 or < 16). Viet Nam's law makes a child someone under 16, so its first band ends there.
 */
export const AGE_BANDS: Record<string, AgeBand[]> = {
  TH: bands(0, 15, 18, 25, 35, 50),
  KH: bands(0, 15, 18, 25, 35, 50),
  LA: bands(0, 15, 18, 25, 35, 50),
  MM: bands(0, 15, 18, 25, 35, 50),
  VN: bands(0, 16, 18, 25, 35, 50),
  CN: bands(0, 15, 18, 25, 35, 50),
};
export const ageBandsOf = (countryCode: string): AgeBand[] => AGE_BANDS[countryCode] ?? bands(0, 15, 18, 25, 35, 50);

/**
 * National population, the denominator of SDG 16.2.2. Source: UN DESA, World Population
 * Prospects 2024, total population at 1 July 2024 (medium estimate), rounded to thousands.
 */
export const POPULATION: Record<string, { population: number; year: number }> = {
  TH: { population: 71_668_000, year: 2024 },
  KH: { population: 17_639_000, year: 2024 },
  LA: { population: 7_770_000, year: 2024 },
  MM: { population: 54_500_000, year: 2024 },
  VN: { population: 100_988_000, year: 2024 },
  CN: { population: 1_419_321_000, year: 2024 },
};

/** Detected victims per 100,000 population, to two decimals (SDG 16.2.2). */
export const ratePer100k = (persons: number, population: number) => Math.round((persons / population) * 100_000 * 100) / 100;

/** Why a figure cannot be broken down so, or null: only its own breakdowns, two different ones at most. */
export function breakdownProblem(statistic: StatisticKey, by: readonly StatisticBreakdown[]): string | null {
  const refused = by.find((breakdown) => !STATISTIC_DEFINITIONS[statistic].breakdowns.includes(breakdown));
  if (refused) return `${statistic} cannot be broken down by ${refused}.`;
  if (by.length === 2 && by[0] === by[1]) return 'Choose two different breakdowns.';
  return null;
}

/** A filter is a slice of the table by its breakdown (figures.ts), so a figure takes only the filters its breakdowns allow. */
const FILTERS = { agencyId: 'agency', child: 'child', sex: 'sex' } as const satisfies Record<string, StatisticBreakdown>;

/** The first filter the figure cannot be sliced by, named as the query names it, or null. */
export function filterProblem(
  statistic: StatisticKey,
  filters: Partial<Record<keyof typeof FILTERS, string>>,
): { field: keyof typeof FILTERS; message: string } | null {
  for (const [field, breakdown] of Object.entries(FILTERS) as [keyof typeof FILTERS, StatisticBreakdown][]) {
    if (filters[field] !== undefined && !STATISTIC_DEFINITIONS[statistic].breakdowns.includes(breakdown))
      return { field, message: `${statistic} cannot be broken down by ${breakdown}, so it takes no ${field} filter.` };
  }
  return null;
}
