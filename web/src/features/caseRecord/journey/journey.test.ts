import type { CaseAbilities, Permission } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/journey.json';
import { type ActionKey, currentStep, JOURNEY_STEPS, type JourneyCase, journeySteps, nextAction, stepStates } from './journey';

const none: CaseAbilities = {
  update: false,
  readIdentity: false,
  sections: [],
  identify: false,
  recordConsent: false,
  share: false,
  comment: false,
  breakGlass: false,
  merge: false,
};

/** What each role may do on a case of its own agency, as the server's case policy answers it. */
const roles = {
  caseManager: {
    abilities: {
      ...none,
      update: true,
      readIdentity: true,
      sections: ['identity', 'care', 'family', 'legal'],
      identify: true,
      recordConsent: true,
      share: true,
    },
    permissions: ['case:read', 'case:update'] as Permission[],
  },
  screener: { abilities: { ...none, identify: true }, permissions: ['case:read'] as Permission[] },
  hotline: { abilities: none, permissions: ['case:read', 'intake:create'] as Permission[] },
  focalPoint: { abilities: none, permissions: ['case:read', 'repatriation:manage'] as Permission[] },
} satisfies Record<string, { abilities: CaseAbilities; permissions: Permission[] }>;

const kase = (changes: Partial<JourneyCase> = {}): JourneyCase => ({
  status: 'Active',
  stage: 'intake',
  traffickingStatus: 'Potential',
  identificationDueOn: '2026-12-12',
  countryCode: 'TH',
  citizenship: ['TH'],
  abilities: roles.caseManager.abilities,
  ownerAgencyName: 'Chiang Rai provincial office',
  identificationProgress: 'none',
  ...changes,
});

describe('the steps that apply to a case', () => {
  it('leaves out the legal and return steps for a national not yet identified', () => {
    expect(journeySteps(kase())).toEqual(['intake', 'screening', 'interview', 'decision', 'protection', 'services', 'followUp', 'closure']);
  });

  it('adds the return home for a foreign national and the criminal case once identified', () => {
    const steps = journeySteps(kase({ citizenship: ['MM'], traffickingStatus: 'Identified' }));
    expect(steps).toContain('repatriation');
    expect(steps).toContain('legal');
    expect(steps.indexOf('legal')).toBeLessThan(steps.indexOf('repatriation'));
  });

  it('drops protection, legal and return for a person found not to be a victim', () => {
    const steps = journeySteps(kase({ citizenship: ['MM'], traffickingStatus: 'NotAVictim' }));
    expect(steps).not.toContain('protection');
    expect(steps).not.toContain('repatriation');
    expect(steps).toContain('services');
  });

  it('keeps a step the case was moved to by hand', () => {
    expect(journeySteps(kase({ stage: 'justice' }))).toContain('legal');
    expect(journeySteps(kase({ stage: 'repatriation' }))).toContain('repatriation');
  });
});

describe('where the case stands', () => {
  it('follows identification: screening, then interview, then decision', () => {
    expect(currentStep(kase())).toBe('screening');
    expect(currentStep(kase({ identificationProgress: 'prescreened' }))).toBe('interview');
    expect(currentStep(kase({ identificationProgress: 'interviewing' }))).toBe('interview');
    expect(currentStep(kase({ identificationProgress: 'interviewed' }))).toBe('decision');
  });

  it('keeps a case moved to identification by hand at the interview', () => {
    expect(currentStep(kase({ stage: 'identification' }))).toBe('interview');
  });

  it('moves to protection once presumed, then follows the stage', () => {
    expect(currentStep(kase({ traffickingStatus: 'Presumed', stage: 'identification', identificationProgress: 'interviewed' }))).toBe(
      'protection',
    );
    expect(currentStep(kase({ traffickingStatus: 'Identified', stage: 'repatriation' }))).toBe('repatriation');
    expect(currentStep(kase({ traffickingStatus: 'Identified', stage: 'reintegration' }))).toBe('followUp');
  });

  it('reads follow-up and closure from the case status', () => {
    expect(currentStep(kase({ status: 'FollowUp', traffickingStatus: 'Identified' }))).toBe('followUp');
    expect(currentStep(kase({ status: 'Closed' }))).toBe('closure');
  });

  it('marks earlier steps done and later ones upcoming, all done when closed', () => {
    const steps = journeySteps(kase());
    const states = stepStates(steps, 'decision');
    expect([states.intake, states.interview, states.decision, states.protection]).toEqual(['done', 'done', 'current', 'upcoming']);
    expect(Object.values(stepStates(steps, 'closure')).every((state) => state === 'done')).toBe(true);
  });
});

describe('the next action for this user', () => {
  it('asks the case manager to record the interview by its due date, on the identification tab', () => {
    expect(nextAction(kase(), 'interview', roles.caseManager)).toEqual({
      kind: 'act',
      action: 'interview',
      tab: 'identification',
      dueOn: '2026-12-12',
    });
  });

  it('asks a screener to decide, but not to make the care plan', () => {
    const screener = kase({ abilities: roles.screener.abilities });
    expect(nextAction(screener, 'decision', roles.screener)).toMatchObject({ kind: 'act', action: 'decide' });
    expect(nextAction(screener, 'protection', roles.screener)).toEqual({
      kind: 'others',
      step: 'protection',
      agencyName: 'Chiang Rai provincial office',
    });
  });

  it('tells the hotline operator who acts next instead of sending her to a screen that refuses her', () => {
    const hotline = kase({ abilities: roles.hotline.abilities });
    for (const step of ['screening', 'interview', 'decision', 'services', 'followUp'] as const) {
      expect(nextAction(hotline, step, roles.hotline).kind).toBe('others');
    }
  });

  it('sends only a repatriation focal point to the return home', () => {
    const returning = kase({ abilities: roles.focalPoint.abilities });
    expect(nextAction(returning, 'repatriation', roles.focalPoint)).toMatchObject({ kind: 'act', tab: 'repatriation' });
    expect(nextAction(kase(), 'repatriation', roles.caseManager).kind).toBe('others');
  });

  it('starts follow-up, then records visits once the case is in follow-up', () => {
    expect(nextAction(kase(), 'followUp', roles.caseManager)).toMatchObject({ action: 'startFollowUp', tab: 'followUp' });
    expect(nextAction(kase({ status: 'FollowUp' }), 'followUp', roles.caseManager)).toMatchObject({ action: 'followUpVisit' });
  });

  it('has nothing to do on a closed case', () => {
    expect(nextAction(kase({ status: 'Closed' }), 'closure', roles.caseManager)).toEqual({ kind: 'none' });
  });
});

describe('the journey catalogue', () => {
  const actions: ActionKey[] = [
    'prescreen',
    'interview',
    'decide',
    'carePlan',
    'refer',
    'legal',
    'repatriate',
    'startFollowUp',
    'followUpVisit',
  ];

  it('names every step and every action', () => {
    expect(JOURNEY_STEPS.filter((step) => typeof en.journey.step[step] !== 'string')).toEqual([]);
    expect(actions.filter((action) => typeof en.journey.action[action] !== 'string')).toEqual([]);
  });
});
