import type { CarePlanVersion } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { bodyFromDraft, draftFromVersion, emptyAction, emptyGoal, recordableAreas } from './planDraft';

const version: CarePlanVersion = {
  id: 'v',
  version: 2,
  victimGoals: 'Go home',
  agreedOn: '2026-11-01',
  agreementMethod: 'signed',
  witnessedBy: null,
  reviewOn: null,
  recordedByName: 'Noi',
  recordedAt: '2026-11-01T00:00:00Z',
  goals: [
    {
      id: 'g',
      serviceArea: 'economic_empowerment',
      goal: 'Income',
      status: 'open',
      actions: [
        {
          id: 'a',
          actionKey: 'k',
          what: 'Course',
          responsibleAgencyId: null,
          responsibleAgencyName: null,
          responsibleOrganisation: 'Skills centre',
          responsiblePerson: null,
          dueOn: '2026-12-01',
          status: 'planned',
          referralId: null,
          referralStatus: null,
          taskId: null,
        },
      ],
    },
  ],
};

describe('care plan draft', () => {
  it('round-trips the current plan into the next revision, keeping each action’s key', () => {
    const body = bodyFromDraft(draftFromVersion(version, ['care']), 2);
    expect(body).toMatchObject({ basedOnVersion: 2, victimGoals: 'Go home', agreedOn: '2026-11-01', witnessedBy: null, reviewOn: null });
    expect(body.goals![0]!.actions![0]).toEqual({
      actionKey: 'k',
      what: 'Course',
      responsibleAgencyId: null,
      responsibleOrganisation: 'Skills centre',
      responsiblePerson: null,
      dueOn: '2026-12-01',
      status: 'planned',
    });
  });

  it('sends only the kind of responsible party chosen, and no key for a new action', () => {
    const draft = draftFromVersion(null, ['care', 'legal']);
    draft.goals.push({
      ...emptyGoal(),
      serviceArea: 'legal',
      goal: 'Papers',
      actions: [{ ...emptyAction(), what: 'ID card', responsibleAgencyId: 'ag', responsibleOrganisation: 'left over' }],
    });
    const [action] = bodyFromDraft(draft, 0).goals![0]!.actions!;
    expect(action).toEqual({
      what: 'ID card',
      responsibleAgencyId: 'ag',
      responsibleOrganisation: null,
      responsiblePerson: null,
      dueOn: null,
      status: 'planned',
    });
  });

  it('leaves out of the revision the goals of a section she does not record, and offers only her areas', () => {
    const withCounselling: CarePlanVersion = {
      ...version,
      goals: [...version.goals, { id: 'p', serviceArea: 'psychosocial', goal: 'Sleep', status: 'open', actions: [] }],
    };
    expect(draftFromVersion(withCounselling, ['care']).goals.map((goal) => goal.serviceArea)).toEqual(['economic_empowerment']);
    expect(draftFromVersion(withCounselling, ['care', 'psychosocial']).goals).toHaveLength(2);
    expect(recordableAreas(['care'])).not.toContain('psychosocial');
    expect(recordableAreas(['care'])).toContain('safe_housing');
    expect(recordableAreas(['psychosocial'])).toEqual(['psychosocial']);
  });

  it('starts an empty revision where the reader does not see the plan’s terms', () => {
    expect(draftFromVersion({ ...version, victimGoals: null }, ['care']).victimGoals).toBe('');
  });
});
