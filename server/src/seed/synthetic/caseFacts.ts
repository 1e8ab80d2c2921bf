import { createHash } from 'node:crypto';
import type {
  CaseStage,
  CaseStatus,
  ExploitationType,
  ForcedLabourIndustry,
  IntakeChannel,
  IntakeUrgency,
  RecruitmentMethod,
  ServiceArea,
  TraffickingStatus,
} from '@seamless/contracts';
import { chance, pick, prng, type Random, weighted } from '../../matching/synthetic/generate.js';
import type { Nationality } from '../../matching/synthetic/names.js';
import { END, type PopulationCase, syntheticPopulation } from './population.js';

/**
 * What happened in one synthetic case, without identifiers or ciphertext: the values a load
 * writes and a test hashes. Values come from the product's vocabularies (HTCDS picklists and
 * their Seamless extensions, packages/contracts).
 */
export type CaseFacts = {
  status: CaseStatus;
  stage: CaseStage;
  traffickingStatus: TraffickingStatus;
  intakeChannel: IntakeChannel;
  urgency: IntakeUrgency;
  intakeLocation: string;
  closedAt: Date | null;
  closureReason: string | null;
  exploitation: {
    types: ExploitationType[];
    industries: ForcedLabourIndustry[];
    sexual: string[];
    recruitment: RecruitmentMethod[];
    control: string[];
    country: string;
  };
  events: { eventType: 'Recruitment' | 'Transit' | 'Exploitation'; country: string; startedOn: string }[];
  /** An outgoing referral to another agency on the platform (index into the agencies that receive). */
  referral: { on: Date; serviceArea: ServiceArea; status: 'pending' | 'accepted' | 'declined' | 'completed'; receiver: number } | null;
  services: { on: string; area: ServiceArea; description: string; cost: number | null }[];
  /** Legal proceedings: the decision of a court or prosecutor on the person's status, when one was made. */
  decision: { on: string; to: TraffickingStatus; byCourt: boolean } | null;
  followUp: { startOn: string; visits: { on: string; situation: 'safe' | 'at_risk' }[] } | null;
};

const day = 86_400_000;
const isoDay = (at: Date | number) => new Date(at).toISOString().slice(0, 10);
/** Up to `maxDays` after `at`, never after the caseload's last day: nothing is recorded as having happened in its future. */
const later = (at: Date, random: Random, maxDays: number) =>
  new Date(Math.min(END, at.getTime() + (1 + Math.floor(random() * maxDays)) * day));

/**
 * Forms of exploitation by nationality, as the region's reports describe them: fishing and
 * forced labour for Myanmar and Cambodian men, forced marriage for Vietnamese, Lao and Cambodian
 * women, sexual exploitation for Thai and Lao women, scam compounds (forced criminality) from 2021.
 */
const EXPLOITATION_BY_NATIONALITY: Record<Nationality, readonly (readonly [ExploitationType, number])[]> = {
  TH: [
    ['SexualExploitation', 0.3],
    ['ForcedLabour', 0.25],
    ['OnlineSexualExploitation', 0.15],
    ['ForcedCriminality', 0.1],
    ['ForcedLabourFishing', 0.1],
    ['ForcedBegging', 0.05],
    ['DebtBondage', 0.05],
  ],
  MM: [
    ['ForcedLabour', 0.3],
    ['ForcedLabourFishing', 0.25],
    ['ForcedCriminality', 0.2],
    ['SexualExploitation', 0.15],
    ['ForcedMarriage', 0.1],
  ],
  KH: [
    ['ForcedLabour', 0.25],
    ['ForcedLabourFishing', 0.2],
    ['ForcedBegging', 0.15],
    ['ForcedMarriage', 0.15],
    ['SexualExploitation', 0.15],
    ['ForcedCriminality', 0.1],
  ],
  LA: [
    ['SexualExploitation', 0.35],
    ['ForcedLabour', 0.3],
    ['ForcedMarriage', 0.2],
    ['ForcedCriminality', 0.15],
  ],
  VN: [
    ['ForcedMarriage', 0.3],
    ['SexualExploitation', 0.25],
    ['ForcedLabour', 0.25],
    ['ForcedCriminality', 0.2],
  ],
  CN: [
    ['ForcedCriminality', 0.5],
    ['ForcedLabour', 0.2],
    ['SexualExploitation', 0.2],
    ['ForcedMarriage', 0.1],
  ],
};

/** Where the exploitation took place: mostly Thailand (the instance), else the scam-compound or marriage countries. */
const EXPLOITATION_COUNTRY: Partial<Record<ExploitationType, readonly (readonly [string, number])[]>> = {
  ForcedCriminality: [
    ['MM', 0.45],
    ['KH', 0.35],
    ['LA', 0.15],
    ['TH', 0.05],
  ],
  ForcedMarriage: [
    ['CN', 0.8],
    ['TH', 0.2],
  ],
  ForcedLabourFishing: [
    ['TH', 0.7],
    ['ID', 0.2],
    ['MY', 0.1],
  ],
};

/** Exploitation forms only one sex is recorded with in the synthetic caseload. */
const FEMININE_ONLY: readonly ExploitationType[] = ['ForcedMarriage'];
const MASCULINE_ONLY: readonly ExploitationType[] = ['ForcedLabourFishing'];

function exploitationOf(random: Random, kase: PopulationCase): ExploitationType {
  const { nationality, gender } = kase.person;
  const year = kase.openedAt.getUTCFullYear();
  const entries = EXPLOITATION_BY_NATIONALITY[nationality]
    .filter(([type]) => !(gender === 'Masculine' ? FEMININE_ONLY : MASCULINE_ONLY).includes(type))
    // The scam compounds grew from 2021 on.
    .map(([type, weight]) => [type, type === 'ForcedCriminality' ? weight * (year >= 2021 ? 3 : 0.2) : weight] as const);
  return weighted(random, entries);
}

const INDUSTRY_OF: Partial<Record<ExploitationType, ForcedLabourIndustry[]>> = {
  ForcedLabour: [
    'A_AgricultureForestryAndFishing',
    'C_Manufacturing',
    'F_Construction',
    'T_ActivitiesOfHouseholdsAsEmployers',
    'I_AccommodationAndFoodServiceActivities',
  ],
  ForcedLabourFishing: ['A_AgricultureForestryAndFishing'],
  ForcedCriminality: ['J_InformationAndCommunication'],
};

const CHANNELS: readonly (readonly [IntakeChannel, number])[] = [
  ['hotline_call', 0.25],
  ['referral', 0.2],
  ['rescue_operation', 0.15],
  ['border_screening', 0.12],
  ['walk_in', 0.08],
  ['line_chat', 0.06],
  ['facebook_chat', 0.05],
  ['outreach', 0.05],
  ['public_report', 0.04],
];

/** Provinces of Thailand where intakes happen (ISO 3166-2): the border crossings, the ports, Bangkok. */
const INTAKE_PROVINCES: readonly (readonly [string, number])[] = [
  ['TH-10', 0.25],
  ['TH-57', 0.15],
  ['TH-63', 0.15],
  ['TH-90', 0.1],
  ['TH-20', 0.1],
  ['TH-74', 0.08],
  ['TH-50', 0.07],
  ['TH-85', 0.05],
  ['TH-27', 0.05],
];

const RECRUITMENT: readonly (readonly [RecruitmentMethod, number])[] = [
  ['ThroughABrokerOrRecruitmentAgency', 0.3],
  ['ThroughFriendsOrSocialEvents', 0.2],
  ['ThroughOnlineSocialNetworks', 0.2],
  ['ThroughFamilyOrFamilyEvents', 0.15],
  ['ThroughAnOnlineAdvertisement', 0.1],
  ['AtWork', 0.05],
];
const CONTROL = [
  'DebtBondage',
  'WithholdsDocuments',
  'RestrictsMovement',
  'PhysicalThreats',
  'PhysicalAbuse',
  'TakesEarnings',
  'FalsePromises',
] as const;

const SERVICES: readonly (readonly [ServiceArea, string, number])[] = [
  ['safe_housing', 'Shelter stay', 0.2],
  ['medical', 'Medical examination and treatment', 0.2],
  ['psychosocial', 'Counselling sessions', 0.15],
  ['legal', 'Legal counsel and representation in the criminal proceedings', 0.15],
  ['administrative', 'Identity documents and work permit', 0.1],
  ['economic_empowerment', 'Vocational training', 0.1],
  ['family_tracing_mediation', 'Family tracing', 0.05],
  ['education_life_skills', 'Life-skills course', 0.05],
];

const TRAFFICKING: readonly (readonly [TraffickingStatus, number])[] = [
  ['Potential', 0.3],
  ['Presumed', 0.2],
  ['Identified', 0.45],
  ['NotAVictim', 0.05],
];

export function caseFactsOf(random: Random, kase: PopulationCase, receivers: number): CaseFacts {
  const opened = kase.openedAt;
  const ageDays = (END - opened.getTime()) / day;
  const status: CaseStatus = weighted(
    random,
    ageDays > 730
      ? [
          ['Closed', 0.6],
          ['FollowUp', 0.15],
          ['ClosedReferred', 0.05],
          ['Active', 0.2],
        ]
      : [
          ['Active', 0.7],
          ['FollowUp', 0.15],
          ['Closed', 0.12],
          ['ClosedReferred', 0.03],
        ],
  );
  const traffickingStatus = weighted(random, TRAFFICKING);
  const closed = status === 'Closed' || status === 'ClosedReferred';
  const closedAt = closed ? later(opened, random, Math.max(1, Math.min(900, ageDays - 1))) : null;
  const type = exploitationOf(random, kase);
  const nationality = kase.person.nationality;
  const country = EXPLOITATION_COUNTRY[type] ? weighted(random, EXPLOITATION_COUNTRY[type]!) : 'TH';
  const startedOn = isoDay(opened.getTime() - (30 + Math.floor(random() * 700)) * day);
  const events: CaseFacts['events'] = [{ eventType: 'Recruitment', country: nationality, startedOn }];
  if (country !== nationality) events.push({ eventType: 'Transit', country: nationality === 'TH' ? country : 'TH', startedOn });
  events.push({ eventType: 'Exploitation', country, startedOn });

  const referral: CaseFacts['referral'] =
    receivers > 0 && chance(random, 0.35)
      ? {
          on: later(opened, random, 60),
          serviceArea: pick(random, ['safe_housing', 'legal', 'psychosocial', 'medical'] as const),
          status: weighted(random, [
            ['accepted', 0.5],
            ['completed', 0.25],
            ['pending', 0.15],
            ['declined', 0.1],
          ] as const),
          receiver: Math.floor(random() * receivers),
        }
      : null;
  const serviceCount =
    traffickingStatus === 'NotAVictim'
      ? 0
      : weighted(random, [
          [0, 0.2],
          [1, 0.3],
          [2, 0.3],
          [3, 0.2],
        ] as const);
  const services = Array.from({ length: serviceCount }, () => {
    const [area, description] = weighted(
      random,
      SERVICES.map(([area, description, weight]) => [[area, description] as const, weight] as const),
    );
    return {
      on: isoDay(later(opened, random, 200)),
      area,
      description,
      cost: chance(random, 0.5) ? 500 + Math.floor(random() * 20_000) : null,
    };
  });
  const decision: CaseFacts['decision'] =
    traffickingStatus === 'Potential'
      ? null
      : { on: isoDay(later(opened, random, 45)), to: traffickingStatus, byCourt: chance(random, 0.2) };
  const followUp: CaseFacts['followUp'] =
    status === 'FollowUp' || (status === 'Closed' && chance(random, 0.5))
      ? (() => {
          const start = later(opened, random, 180);
          const visits = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, k) => ({
            on: isoDay(start.getTime() + (k + 1) * 30 * day),
            situation: chance(random, 0.85) ? ('safe' as const) : ('at_risk' as const),
          })).filter((visit) => Date.parse(visit.on) <= END);
          return visits.length ? { startOn: isoDay(start), visits } : null;
        })()
      : null;
  const stage: CaseStage = closed
    ? 'reintegration'
    : status === 'FollowUp'
      ? 'reintegration'
      : traffickingStatus === 'Potential'
        ? pick(random, ['intake', 'screening', 'identification'] as const)
        : pick(random, ['protection', 'services', 'justice', 'repatriation'] as const);
  return {
    status,
    stage,
    traffickingStatus,
    intakeChannel: weighted(random, CHANNELS),
    urgency: weighted(random, [
      ['routine', 0.7],
      ['urgent', 0.25],
      ['emergency', 0.05],
    ] as const),
    intakeLocation: weighted(random, INTAKE_PROVINCES),
    closedAt,
    closureReason: closed
      ? status === 'ClosedReferred'
        ? 'referred_to_other_agency'
        : traffickingStatus === 'NotAVictim'
          ? 'not_a_victim'
          : pick(random, ['reintegration_completed', 'follow_up_period_ended', 'lost_contact', 'victim_declined_services'] as const)
      : null,
    exploitation: {
      types: [type],
      industries: INDUSTRY_OF[type] ? [pick(random, INDUSTRY_OF[type]!)] : [],
      sexual:
        type === 'SexualExploitation'
          ? [pick(random, ['Prostitution', 'PrivateSexualServices'] as const)]
          : type === 'OnlineSexualExploitation'
            ? ['RemoteInteractiveServices']
            : [],
      recruitment: [weighted(random, RECRUITMENT)],
      control: [pick(random, CONTROL), ...(chance(random, 0.4) ? [pick(random, CONTROL)] : [])].filter(
        (value, k, all) => all.indexOf(value) === k,
      ),
      country,
    },
    events,
    referral,
    services,
    decision,
    followUp,
  };
}

/** The population with what happened in each case: the whole generated content of a load, in order. */
export function* syntheticCaseload(
  options: { cases: number; seed: number },
  receivers: number,
): Generator<{ kase: PopulationCase; facts: CaseFacts }> {
  const random = prng(options.seed ^ 0x27d4eb2d);
  for (const kase of syntheticPopulation(options)) yield { kase, facts: caseFactsOf(random, kase, receivers) };
}

/** SHA-256 of a caseload's values, as a load reports it: equal for equal seeds, whatever the database. */
export function caseloadDigest(options: { cases: number; seed: number }, receivers: number): string {
  const digest = createHash('sha256');
  for (const item of syntheticCaseload(options, receivers)) digest.update(digestPart(item));
  return digest.digest('hex');
}

export const digestPart = ({ kase, facts }: { kase: PopulationCase; facts: CaseFacts }) => JSON.stringify([kase, facts]);
