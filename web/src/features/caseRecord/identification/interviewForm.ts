import {
  INDICATORS,
  type IndicatorElement,
  type Interview,
  indicatorElement,
  PRESCREENING_QUESTIONS,
  PRESCREENING_SUGGESTS,
  PROCEDURE_KEYS,
  type Prescreening,
  type ProcedureKey,
  SPOKEN_LANGUAGES,
  type SpokenLanguage,
} from '@seamless/contracts';
import { oneOf } from '../../../lib/oneOf';
import { blankToNull } from '../common/options';

export interface InterviewFormValues {
  procedure: ProcedureKey;
  stepsCompleted: string[];
  conductedOn: string;
  place: string;
  language: SpokenLanguage | null;
  participantAgencyIds: string[];
  act: string[];
  means: string[];
  purpose: string[];
  account: string;
  completed: boolean;
  /** Asked for with a new interview; later ones from the interview's own card. */
  interpreterLanguage: SpokenLanguage | null;
}

export type IndicatorSet = Record<IndicatorElement, string[]>;

/** Indicators the latest pre-screening's "yes" answers point to, under their own element, each once. */
export function suggestedIndicators(prescreening: Pick<Prescreening, 'answers'> | null): IndicatorSet {
  const set: IndicatorSet = { act: [], means: [], purpose: [] };
  if (!prescreening) return set;
  for (const [question, answer] of Object.entries(prescreening.answers)) {
    const known = oneOf(question, PRESCREENING_QUESTIONS);
    if (answer !== 'yes' || !known) continue;
    for (const indicator of PRESCREENING_SUGGESTS[known]) {
      const element = indicatorElement(indicator);
      if (element && !set[element].includes(indicator)) set[element].push(indicator);
    }
  }
  return set;
}

/** The latest pre-screening by when it was conducted. */
export function latestPrescreening(prescreenings: readonly Prescreening[]): Prescreening | null {
  return [...prescreenings].sort((a, b) => b.conductedAt.localeCompare(a.conductedAt))[0] ?? null;
}

export function newInterviewValues(procedure: ProcedureKey, today: string, suggested: IndicatorSet): InterviewFormValues {
  return {
    procedure,
    stepsCompleted: [],
    conductedOn: today,
    place: '',
    language: null,
    participantAgencyIds: [],
    ...suggested,
    account: '',
    completed: false,
    interpreterLanguage: null,
  };
}

export function existingInterviewValues(interview: Interview, fallbackProcedure: ProcedureKey): InterviewFormValues {
  return {
    procedure: oneOf(interview.procedure, PROCEDURE_KEYS) ?? fallbackProcedure,
    stepsCompleted: interview.stepsCompleted,
    conductedOn: interview.conductedOn,
    place: interview.place ?? '',
    language: oneOf(interview.language, SPOKEN_LANGUAGES) ?? null,
    participantAgencyIds: interview.participantAgencies.map((agency) => agency.id),
    act: interview.indicators.act,
    means: interview.indicators.means,
    purpose: interview.indicators.purpose,
    account: interview.account ?? '',
    completed: interview.status === 'completed',
    interpreterLanguage: null,
  };
}

/**
 * An interpreter still only requested holds the interview as a draft: one asked for on this form,
 * or one of the interview's requests not yet provided or cancelled. A completed interview stays completed.
 */
export function interpreterHoldsCompletion(values: Pick<InterviewFormValues, 'interpreterLanguage'>, interview: Interview | null): boolean {
  if (interview?.status === 'completed') return false;
  return values.interpreterLanguage !== null || (interview?.interpreterRequests.some((request) => request.status === 'requested') ?? false);
}

/**
 * The request body before validation. The account is sent only by those who may read it (it is
 * identity-level): leaving it out keeps what is recorded instead of erasing it. Indicators keep
 * the catalogue's order, so an error path such as `indicators.means.1` names a stable entry.
 */
export function interviewCandidate(values: InterviewFormValues, withAccount: boolean) {
  const ordered = (element: IndicatorElement, chosen: readonly string[]) => {
    const catalogue: readonly string[] = INDICATORS[element];
    const rank = (indicator: string) => (catalogue.includes(indicator) ? catalogue.indexOf(indicator) : catalogue.length);
    return [...chosen].sort((a, b) => rank(a) - rank(b));
  };
  return {
    procedure: values.procedure,
    stepsCompleted: values.stepsCompleted,
    conductedOn: values.conductedOn,
    place: blankToNull(values.place),
    language: values.language,
    participantAgencyIds: values.participantAgencyIds,
    indicators: { act: ordered('act', values.act), means: ordered('means', values.means), purpose: ordered('purpose', values.purpose) },
    ...(withAccount ? { account: blankToNull(values.account) } : {}),
    status: values.completed ? ('completed' as const) : ('draft' as const),
  };
}
