/**
 * Identification of victims of trafficking: the pre-screening checklist, the indicators of the three
 * elements of the crime (act, means, purpose — Palermo Protocol art. 3), each country's procedure as
 * the seed reports describe it, and the pure rules for trafficking-status decisions.
 *
 * Labels: web catalogue `identification.json` (`identification.prescreening.<key>`,
 * `identification.indicator.<key>`, `identification.element.<element>`,
 * `identification.procedure.<procedure>.name|step.<step>`).
 */
import type { AgencyFunction, TraffickingStatus } from './htcds.js';
import type { ControlMethod, ExploitationType } from './vocabulary.js';

// ---------------------------------------------------------------------------------------------
// Pre-screening
// ---------------------------------------------------------------------------------------------

/**
 * Short yes/no pre-screening checklist used at intake, border screening of deportees and returning
 * migrants, labour inspections and rescue operations, before the full identification interview.
 * Drawn from the seeds (Lao PDR pre-interview assessment: age, documents, transport, place of
 * victimisation, physical marks; Thailand's screening of migrant and fishing workers — seized
 * documents, debt, confinement, quotas in scam centres) and the HTCDS means of control.
 */
export const PRESCREENING_QUESTIONS = [
  'under_18',
  'recruited_by_broker',
  'deceived_about_job',
  'paid_recruitment_fee',
  'debt_to_employer',
  'documents_withheld',
  'cannot_leave',
  'confined',
  'threatened_or_harmed',
  'family_threatened',
  'threatened_with_police',
  'unpaid_or_underpaid',
  'excessive_hours',
  'forced_sex_work',
  'forced_to_commit_crime',
  'married_without_consent',
  'crossed_border_arranged_by_others',
  'visible_injuries_or_signs_of_abuse',
] as const;
export type PrescreeningQuestion = (typeof PRESCREENING_QUESTIONS)[number];

// ---------------------------------------------------------------------------------------------
// Indicators of the three elements
// ---------------------------------------------------------------------------------------------

export const INDICATOR_ELEMENTS = ['act', 'means', 'purpose'] as const;
export type IndicatorElement = (typeof INDICATOR_ELEMENTS)[number];

/**
 * Identification indicators grouped under the three elements of the definition of trafficking
 * (Palermo Protocol art. 3(a); the same structure as the Lao "three elements" interview summary,
 * seed 003 l. 2754–2757). Purpose includes the regional forms of DESIGN.md §2.
 */
export const INDICATORS = {
  act: ['recruitment', 'transportation', 'transfer', 'harbouring', 'receipt'],
  means: [
    'threat',
    'use_of_force',
    'coercion',
    'abduction',
    'fraud',
    'deception',
    'abuse_of_power',
    'abuse_of_vulnerability',
    'giving_payments_or_benefits',
    'debt_bondage_as_control',
    'document_retention',
    'confinement',
    'withholding_wages',
    'threats_against_family',
    'threat_of_denunciation',
    'psychoactive_substances',
  ],
  purpose: [
    'sexual_exploitation',
    'forced_labour',
    'slavery',
    'servitude',
    'organ_removal',
    'forced_marriage',
    'forced_begging',
    'surrogacy',
    'forced_criminality_scam',
    'online_sexual_exploitation',
    'fishing_vessel',
    'debt_bondage',
    'worst_forms_of_child_labour',
    'forced_adoption',
  ],
} as const;
export type ActIndicator = (typeof INDICATORS.act)[number];
export type MeansIndicator = (typeof INDICATORS.means)[number];
export type PurposeIndicator = (typeof INDICATORS.purpose)[number];
export type Indicator = ActIndicator | MeansIndicator | PurposeIndicator;

/** Every indicator key, each once. */
export const ALL_INDICATORS: readonly Indicator[] = [...INDICATORS.act, ...INDICATORS.means, ...INDICATORS.purpose];

export function indicatorElement(indicator: string): IndicatorElement | null {
  for (const element of INDICATOR_ELEMENTS) {
    if ((INDICATORS[element] as readonly string[]).includes(indicator)) return element;
  }
  return null;
}

/** Which indicators a "yes" to a pre-screening question suggests (to pre-tick the interview). */
export const PRESCREENING_SUGGESTS: Record<PrescreeningQuestion, readonly Indicator[]> = {
  under_18: [],
  recruited_by_broker: ['recruitment'],
  deceived_about_job: ['recruitment', 'deception', 'fraud'],
  paid_recruitment_fee: ['recruitment', 'giving_payments_or_benefits'],
  debt_to_employer: ['debt_bondage_as_control', 'debt_bondage'],
  documents_withheld: ['document_retention'],
  cannot_leave: ['harbouring', 'coercion', 'forced_labour'],
  confined: ['harbouring', 'confinement'],
  threatened_or_harmed: ['threat', 'use_of_force'],
  family_threatened: ['threats_against_family'],
  threatened_with_police: ['threat_of_denunciation', 'abuse_of_vulnerability'],
  unpaid_or_underpaid: ['withholding_wages', 'forced_labour'],
  excessive_hours: ['forced_labour'],
  forced_sex_work: ['sexual_exploitation'],
  forced_to_commit_crime: ['forced_criminality_scam'],
  married_without_consent: ['forced_marriage'],
  crossed_border_arranged_by_others: ['transportation', 'transfer'],
  visible_injuries_or_signs_of_abuse: ['use_of_force'],
};

/** A purpose indicator → the `vic_TypeOfExploitation` value to record once the person is identified. */
export const PURPOSE_TO_EXPLOITATION_TYPE: Record<PurposeIndicator, ExploitationType> = {
  sexual_exploitation: 'SexualExploitation',
  forced_labour: 'ForcedLabour',
  slavery: 'Servitude',
  servitude: 'Servitude',
  organ_removal: 'OrganRemoval',
  forced_marriage: 'ForcedMarriage',
  forced_begging: 'ForcedBegging',
  surrogacy: 'Surrogacy',
  forced_criminality_scam: 'ForcedCriminality',
  online_sexual_exploitation: 'OnlineSexualExploitation',
  fishing_vessel: 'ForcedLabourFishing',
  debt_bondage: 'DebtBondage',
  worst_forms_of_child_labour: 'ChildLabour',
  forced_adoption: 'ForcedAdoption',
};

/** A means indicator → the HTCDS `vic_MethodsOfControl` value it corresponds to, where one does. */
export const MEANS_TO_CONTROL_METHOD: Partial<Record<MeansIndicator, ControlMethod>> = {
  threat: 'PhysicalThreats',
  use_of_force: 'PhysicalAbuse',
  fraud: 'FalsePromises',
  deception: 'FalsePromises',
  debt_bondage_as_control: 'DebtBondage',
  document_retention: 'WithholdsDocuments',
  confinement: 'RestrictsMovement',
  withholding_wages: 'TakesEarnings',
  threats_against_family: 'ThreatensChildrenFamily',
  threat_of_denunciation: 'ThreatsLawEnforcement',
  psychoactive_substances: 'PsychoactiveSubstance',
};

// ---------------------------------------------------------------------------------------------
// Country procedures
// ---------------------------------------------------------------------------------------------

export const PROCEDURE_KEYS = ['th_mdt', 'kh_two_stage', 'la_four_step', 'vn_circular_01', 'mm_dsw_police', 'generic'] as const;
export type ProcedureKey = (typeof PROCEDURE_KEYS)[number];

export interface IdentificationProcedure {
  /** ISO 3166-1 alpha-2, or null for the generic procedure. */
  country: string | null;
  /** Ordered step keys; labels at `identification.procedure.<key>.step.<step>`. */
  steps: readonly string[];
  /** Functions of the agencies whose decision makes a person *Identified* in this country. */
  decidingAgencyFunctions: readonly AgencyFunction[];
  /** Functions of the agencies that may record a preliminary (*Presumed*) finding. */
  preliminaryAgencyFunctions: readonly AgencyFunction[];
  /** Reflection and recovery period offered before the person must decide to cooperate. */
  reflectionPeriodDays?: number;
  /** Time within which the identification decision is due, counted from the start of the procedure. */
  identificationDeadlineDays?: number;
  /** Whether an official victim certificate is issued on identification (printable). */
  issuesVictimCertificate: boolean;
  /** Where the seeds describe it (seed file prefix and lines), for reviewers. */
  source: string;
}

export const IDENTIFICATION_PROCEDURES: Record<ProcedureKey, IdentificationProcedure> = {
  /**
   * Thailand: a provincial Multi-Disciplinary Team (PSDHS social workers, police, labour office,
   * prosecutor, health when needed) screens and interviews; the final confirmation is made by an
   * inquiry officer (police, DSI or prosecutor). The NRM (2022) gives a 45-day reflection period
   * for identification. Identified or potential victims go to a government shelter.
   */
  th_mdt: {
    country: 'TH',
    steps: [
      'pre_screening',
      'notify_mdt',
      'safe_accommodation_and_reflection',
      'mdt_interview_with_interpreter',
      'inquiry_officer_decision',
      'shelter_or_services_referral',
    ],
    decidingAgencyFunctions: ['police', 'prosecutor'],
    preliminaryAgencyFunctions: ['ministry', 'provincial_office', 'police', 'shelter', 'ngo', 'hotline'],
    reflectionPeriodDays: 45,
    identificationDeadlineDays: 45,
    issuesVictimCertificate: false,
    source: '003 l. 1712–1730, 2157, 2195, 2213–2216, 2253',
  },
  /**
   * Cambodia: (1) preliminary identification of potential victims by MOSVY/DoSVY, embassies abroad,
   * or trained NGOs, with referral to services; (2) victim identification by law enforcement —
   * judicial police officers investigate and refer to the prosecutor; the court's ruling that the
   * case is trafficking makes the person an identified victim entitled to compensation.
   */
  kh_two_stage: {
    country: 'KH',
    steps: [
      'preliminary_identification_interview',
      'needs_assessment_and_referral',
      'judicial_police_investigation',
      'referral_to_prosecutor',
      'court_ruling',
    ],
    decidingAgencyFunctions: ['court', 'prosecutor', 'police'],
    preliminaryAgencyFunctions: ['ministry', 'provincial_office', 'embassy', 'ngo'],
    issuesVictimCertificate: false,
    source: '003 l. 931–937, 943, 1173, 1180, 1556',
  },
  /**
   * Lao PDR: preliminary identification by the Lao Women's Union, provincial police, immigration,
   * NGOs/CSOs, using the four steps of the Guidelines for Victim Identification (2016); potential
   * victims are referred to the Anti-Trafficking Department (police), which identifies them.
   */
  la_four_step: {
    country: 'LA',
    steps: [
      'pre_interview_assessment',
      'interview_preparation',
      'information_gathering_interview',
      'interview_summary_three_elements',
      'referral_to_atd',
      'atd_identification',
    ],
    decidingAgencyFunctions: ['police'],
    preliminaryAgencyFunctions: ['ministry', 'provincial_office', 'police', 'ngo', 'international_organisation'],
    issuesVictimCertificate: false,
    source: '003 l. 2724–2762',
  },
  /**
   * Viet Nam (Inter-Agency Circular 01/2014): the police, the Border Guard Command (at the border,
   * counted here under the police function), the Coast Guard or a diplomatic mission abroad receive
   * the person, verify documents and interview, and issue a "Victim Certificate"; the person is then
   * handed over to DOLISA (or an NGO) for initial support.
   */
  vn_circular_01: {
    country: 'VN',
    steps: [
      'reception_by_border_guard_or_police',
      'document_verification',
      'verification_interview',
      'victim_certificate_issued',
      'handover_to_dolisa',
    ],
    decidingAgencyFunctions: ['police', 'embassy'],
    preliminaryAgencyFunctions: ['police', 'embassy', 'provincial_office', 'ngo'],
    issuesVictimCertificate: true,
    source: '003 l. 3341–3354, 3546–3548, 3822',
  },
  /**
   * Myanmar: the Department of Social Welfare (Ministry of Social Welfare, Relief and Resettlement)
   * is the focal point for victims; the receiving process runs from the case forms sent by the other
   * country, through nationality confirmation (Department of National Registration) and family
   * tracing by State/Region DSW offices, to repatriation and temporary shelter; trafficking cases are
   * investigated by the Anti-Trafficking in Persons Division of the Myanmar Police Force, and victims
   * testify in court. (Repatriation to Myanmar has been suspended since 2021, seed 003 l. 2117.)
   */
  mm_dsw_police: {
    country: 'MM',
    steps: [
      'case_forms_received',
      'nationality_confirmation',
      'family_tracing_by_dsw',
      'police_atipd_interview',
      'reception_in_temporary_shelter',
    ],
    decidingAgencyFunctions: ['police'],
    preliminaryAgencyFunctions: ['ministry', 'provincial_office', 'police', 'embassy', 'ngo'],
    issuesVictimCertificate: false,
    source: '001 l. 2349–2500; 002 l. 326–340; 000 l. 245, 260',
  },
  /** Any other country (and China's partner provinces): screen, interview, assess the three elements, decide. */
  generic: {
    country: null,
    steps: ['pre_screening', 'interview_with_interpreter', 'assessment_of_elements', 'status_decision', 'referral'],
    decidingAgencyFunctions: ['police', 'prosecutor', 'court', 'ministry', 'provincial_office', 'ngo'],
    preliminaryAgencyFunctions: ['ministry', 'provincial_office', 'police', 'shelter', 'ngo', 'hotline', 'embassy'],
    issuesVictimCertificate: false,
    source: 'DESIGN.md §2',
  },
};

const PROCEDURE_BY_COUNTRY: Record<string, ProcedureKey> = {
  TH: 'th_mdt',
  KH: 'kh_two_stage',
  LA: 'la_four_step',
  VN: 'vn_circular_01',
  MM: 'mm_dsw_police',
};

/** The procedure a country's instance runs (generic for any other or unknown country). */
export function procedureForCountry(countryCode: string | null | undefined): IdentificationProcedure & { key: ProcedureKey } {
  const key = PROCEDURE_BY_COUNTRY[(countryCode ?? '').trim().toUpperCase()] ?? 'generic';
  return { key, ...IDENTIFICATION_PROCEDURES[key] };
}

// ---------------------------------------------------------------------------------------------
// Status decisions
// ---------------------------------------------------------------------------------------------

/** Age of majority for the child rule. */
export const CHILD_AGE_LIMIT = 18;

/** A person under 18 at the time of trafficking is a child (the case is a child case). Unknown age → false. */
export function isChild(ageAtTime: number | null | undefined): boolean {
  return typeof ageAtTime === 'number' && Number.isFinite(ageAtTime) && ageAtTime >= 0 && ageAtTime < CHILD_AGE_LIMIT;
}

/** Whole years between a birth date and an event date (both `YYYY-MM-DD`); null if either is unusable. */
export function ageAtDate(birthDate: string | null | undefined, atDate: string | null | undefined): number | null {
  const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;
  const birth = birthDate ? pattern.exec(birthDate) : null;
  const at = atDate ? pattern.exec(atDate) : null;
  if (!birth || !at) return null;
  const [by, bm, bd] = [Number(birth[1]), Number(birth[2]), Number(birth[3])];
  const [ay, am, ad] = [Number(at[1]), Number(at[2]), Number(at[3])];
  let age = ay - by;
  if (am < bm || (am === bm && ad < bd)) age -= 1;
  return age >= 0 ? age : null;
}

/**
 * Allowed changes of `vic_TraffickingStatus` in the ordinary course of a case — no skipping: a
 * person is presumed (and protected) before a competent body identifies her:
 * - Potential → Presumed | NotAVictim
 * - Presumed → Identified | NotAVictim
 * - Identified → (none): an identification is only changed by an admin correction, with a reason,
 *   audited (see `decideTraffickingStatus` with `adminCorrection`).
 * - NotAVictim → Potential (the case is reopened on new information).
 */
export const allowedStatusTransitions: Readonly<Record<TraffickingStatus, readonly TraffickingStatus[]>> = {
  Potential: ['Presumed', 'NotAVictim'],
  Presumed: ['Identified', 'NotAVictim'],
  Identified: [],
  NotAVictim: ['Potential'],
};

export function isAllowedStatusTransition(from: TraffickingStatus, to: TraffickingStatus): boolean {
  return allowedStatusTransitions[from].includes(to);
}

export interface ElementIndicators {
  act?: readonly string[];
  means?: readonly string[];
  purpose?: readonly string[];
}

export interface ElementsAssessment {
  /** All required elements have at least one recognised indicator. */
  complete: boolean;
  /** The elements that must be present (means are not required for a child). */
  required: readonly IndicatorElement[];
  /** Elements with at least one recognised indicator. */
  present: readonly IndicatorElement[];
  /** Required elements without any recognised indicator. */
  missing: readonly IndicatorElement[];
  /** True when the person was a child at the time and the means element was waived. */
  meansWaived: boolean;
  /** Indicator keys given under an element they do not belong to, or not known at all. */
  unknown: readonly { element: IndicatorElement; indicator: string }[];
}

/**
 * Which of the three elements the recorded indicators establish. For a child (< 18 at the time of
 * trafficking) the means are not required (Palermo Protocol art. 3(c)): act and purpose suffice.
 */
export function elementsMet(indicators: ElementIndicators, childAtTime: boolean): ElementsAssessment {
  const present: IndicatorElement[] = [];
  const unknown: { element: IndicatorElement; indicator: string }[] = [];
  for (const element of INDICATOR_ELEMENTS) {
    const known = INDICATORS[element] as readonly string[];
    let any = false;
    for (const indicator of indicators[element] ?? []) {
      if (known.includes(indicator)) any = true;
      else unknown.push({ element, indicator });
    }
    if (any) present.push(element);
  }
  const required: IndicatorElement[] = childAtTime ? ['act', 'purpose'] : ['act', 'means', 'purpose'];
  const missing = required.filter((element) => !present.includes(element));
  return { complete: missing.length === 0, required, present, missing, meansWaived: childAtTime, unknown };
}

export type StatusRulingRefusal =
  | 'same_status'
  | 'transition_not_allowed'
  | 'elements_missing'
  | 'no_indicators'
  | 'unknown_indicator'
  | 'agency_not_competent'
  | 'reason_required';

export interface StatusRuleInput {
  from: TraffickingStatus;
  to: TraffickingStatus;
  indicators: ElementIndicators;
  /** Age at the time of trafficking (null if unknown). */
  ageAtTime: number | null | undefined;
  /** The function of the deciding user's agency. */
  deciderFunction: AgencyFunction;
  /** The procedure in force (usually `procedureForCountry(instanceCountry)`). */
  procedure: Pick<IdentificationProcedure, 'decidingAgencyFunctions' | 'preliminaryAgencyFunctions'>;
  /** A system/agency admin correcting a recorded status; bypasses the transition table, needs a reason. */
  adminCorrection?: boolean;
  reason?: string | null;
}

export type StatusRuling =
  | { ok: true; elements: ElementsAssessment; child: boolean }
  | { ok: false; code: StatusRulingRefusal; message: string; elements: ElementsAssessment; child: boolean };

/**
 * Whether a trafficking-status decision may be recorded. Rules:
 * - the change must be in `allowedStatusTransitions` (unless an admin correction, which needs a reason);
 * - indicator keys must be known and under their own element;
 * - Presumed needs at least one recognised indicator and an agency with a preliminary (or deciding) role;
 * - Identified needs every required element (means waived for a child) and an agency whose function
 *   the country's procedure names as deciding;
 * - NotAVictim needs a reason.
 */
export function decideTraffickingStatus(input: StatusRuleInput): StatusRuling {
  const child = isChild(input.ageAtTime);
  const elements = elementsMet(input.indicators, child);
  const refuse = (code: StatusRulingRefusal, message: string): StatusRuling => ({
    ok: false,
    code,
    message,
    elements,
    child,
  });
  const reason = input.reason?.trim() ?? '';

  if (input.from === input.to) return refuse('same_status', `The status is already ${input.to}.`);
  if (input.adminCorrection) {
    if (!reason) return refuse('reason_required', 'An admin correction of a trafficking status needs a reason.');
  } else if (!isAllowedStatusTransition(input.from, input.to)) {
    return refuse(
      'transition_not_allowed',
      input.from === 'Identified'
        ? 'An identified status can only be changed by an admin correction.'
        : `The status cannot change from ${input.from} to ${input.to}.`,
    );
  }
  if (elements.unknown.length > 0) {
    const list = elements.unknown.map(({ element, indicator }) => `${element}.${indicator}`).join(', ');
    return refuse('unknown_indicator', `Unknown indicators: ${list}.`);
  }
  if (input.to === 'Presumed') {
    if (elements.present.length === 0) return refuse('no_indicators', 'A presumed status needs at least one indicator.');
    const competent = [...input.procedure.preliminaryAgencyFunctions, ...input.procedure.decidingAgencyFunctions];
    if (!input.adminCorrection && !competent.includes(input.deciderFunction)) {
      return refuse('agency_not_competent', `A ${input.deciderFunction} agency cannot record a presumed status here.`);
    }
  }
  if (input.to === 'Identified') {
    if (!elements.complete) {
      return refuse('elements_missing', `Elements missing for identification: ${elements.missing.join(', ')}.`);
    }
    if (!input.adminCorrection && !input.procedure.decidingAgencyFunctions.includes(input.deciderFunction)) {
      return refuse('agency_not_competent', `A ${input.deciderFunction} agency cannot identify a victim here.`);
    }
  }
  if (input.to === 'NotAVictim' && !reason) {
    return refuse('reason_required', 'A decision that the person is not a victim needs a reason.');
  }
  return { ok: true, elements, child };
}
