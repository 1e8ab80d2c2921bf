import type { CaseDetail, CaseStage, Permission } from '@seamless/contracts';
import { CASE_STAGES } from '@seamless/contracts';
import type { CaseTab } from '../caseTabs';

/** The journey of a case (DESIGN.md §2), from first contact to closure. */
export const JOURNEY_STEPS = [
  'intake',
  'screening',
  'interview',
  'decision',
  'protection',
  'services',
  'legal',
  'repatriation',
  'followUp',
  'closure',
] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

export type StepState = 'done' | 'current' | 'upcoming';

export type JourneyCase = Pick<
  CaseDetail,
  | 'status'
  | 'stage'
  | 'traffickingStatus'
  | 'identificationDueOn'
  | 'countryCode'
  | 'citizenship'
  | 'abilities'
  | 'ownerAgencyName'
  | 'identificationProgress'
>;

export type NextAction =
  | { kind: 'act'; action: ActionKey; tab: CaseTab; dueOn: string | null }
  | { kind: 'others'; step: JourneyStep; agencyName: string }
  | { kind: 'none' };

export type ActionKey =
  | 'prescreen'
  | 'interview'
  | 'decide'
  | 'carePlan'
  | 'refer'
  | 'legal'
  | 'repatriate'
  | 'startFollowUp'
  | 'followUpVisit';

const STAGE_STEP: Record<CaseStage, JourneyStep> = {
  intake: 'screening',
  screening: 'screening',
  identification: 'interview',
  protection: 'protection',
  services: 'services',
  justice: 'legal',
  repatriation: 'repatriation',
  reintegration: 'followUp',
};

const CLOSED = new Set<JourneyCase['status']>(['Closed', 'ClosedReferred']);

const reached = (kase: JourneyCase, stage: CaseStage) => CASE_STAGES.indexOf(kase.stage) >= CASE_STAGES.indexOf(stage);

/**
 * A person who is not a national of the case's country may go home across a border; a person
 * found not to be a victim has no protection, legal or return steps here. Steps already reached
 * always show, so a case moved by hand never loses its place.
 */
export function journeySteps(kase: JourneyCase): JourneyStep[] {
  const victim = kase.traffickingStatus !== 'NotAVictim';
  const foreign = kase.citizenship.length > 0 && !kase.citizenship.includes(kase.countryCode);
  return JOURNEY_STEPS.filter((step) => {
    switch (step) {
      case 'protection':
        return victim || reached(kase, 'protection');
      case 'legal':
        return (victim && kase.traffickingStatus === 'Identified') || kase.stage === 'justice';
      case 'repatriation':
        return (victim && foreign) || kase.stage === 'repatriation';
      default:
        return true;
    }
  });
}

const IDENTIFICATION_STEP: Record<JourneyCase['identificationProgress'], JourneyStep> = {
  none: 'screening',
  prescreened: 'interview',
  interviewing: 'interview',
  interviewed: 'decision',
};

/** Where the case stands now; the first contact is always behind it, since the case exists. */
export function currentStep(kase: JourneyCase): JourneyStep {
  if (CLOSED.has(kase.status)) return 'closure';
  if (kase.status === 'FollowUp') return 'followUp';
  if (kase.traffickingStatus === 'Potential') {
    const fromRecord = IDENTIFICATION_STEP[kase.identificationProgress];
    // A case moved on by hand (e.g. to identification before any record) keeps its place.
    return fromRecord === 'screening' && kase.stage === 'identification' ? 'interview' : fromRecord;
  }
  if (kase.traffickingStatus === 'NotAVictim') return reached(kase, 'services') ? STAGE_STEP[kase.stage] : 'services';
  const fromStage = STAGE_STEP[kase.stage];
  return JOURNEY_STEPS.indexOf(fromStage) < JOURNEY_STEPS.indexOf('protection') ? 'protection' : fromStage;
}

export function stepStates(steps: readonly JourneyStep[], current: JourneyStep): Record<JourneyStep, StepState> {
  const at = steps.indexOf(current);
  const states = {} as Record<JourneyStep, StepState>;
  steps.forEach((step, index) => {
    states[step] = index < at ? 'done' : index === at ? 'current' : 'upcoming';
  });
  if (current === 'closure') states.closure = 'done';
  return states;
}

interface Actor {
  permissions: readonly Permission[];
}

/**
 * What this user does next on this case, and where: only what her permissions allow, otherwise
 * who does it (the owning agency), so a new worker is never sent to a screen that refuses her.
 */
export function nextAction(kase: JourneyCase, step: JourneyStep, actor: Actor): NextAction {
  const can = kase.abilities;
  const others: NextAction = { kind: 'others', step, agencyName: kase.ownerAgencyName };
  const act = (action: ActionKey, tab: CaseTab, dueOn: string | null = null): NextAction => ({ kind: 'act', action, tab, dueOn });
  switch (step) {
    case 'intake':
    case 'screening':
      return can.identify ? act('prescreen', 'identification', kase.identificationDueOn) : others;
    case 'interview':
      return can.identify ? act('interview', 'identification', kase.identificationDueOn) : others;
    case 'decision':
      return can.identify ? act('decide', 'identification', kase.identificationDueOn) : others;
    case 'protection':
      return can.update && can.sections.includes('care') ? act('carePlan', 'care') : others;
    case 'services':
      return can.update ? act('refer', 'referrals') : others;
    case 'legal':
      return can.sections.includes('legal') ? act('legal', 'care') : others;
    case 'repatriation':
      return actor.permissions.includes('repatriation:manage') ? act('repatriate', 'repatriation') : others;
    case 'followUp':
      if (!can.update) return others;
      return kase.status === 'FollowUp' ? act('followUpVisit', 'followUp') : act('startFollowUp', 'followUp');
    case 'closure':
      return { kind: 'none' };
  }
}
