import type { CareActionStatus, CareGoalStatus, CarePlanAgreementMethod, CarePlanVersion, ServiceArea } from '@seamless/contracts';
import type { CarePlanBody } from './api';

export type ActionDraft = {
  actionKey?: string;
  what: string;
  /** Who carries the action: an agency on the platform or an outside organisation. */
  responsibleKind: 'agency' | 'organisation';
  responsibleAgencyId: string | null;
  responsibleOrganisation: string;
  responsiblePerson: string;
  dueOn: string;
  status: CareActionStatus;
};
export type GoalDraft = { serviceArea: ServiceArea | null; goal: string; status: CareGoalStatus; actions: ActionDraft[] };
export type PlanDraft = {
  victimGoals: string;
  agreedOn: string;
  agreementMethod: CarePlanAgreementMethod | null;
  witnessedBy: string;
  reviewOn: string;
  goals: GoalDraft[];
};

export const emptyAction = (): ActionDraft => ({
  what: '',
  responsibleKind: 'agency',
  responsibleAgencyId: null,
  responsibleOrganisation: '',
  responsiblePerson: '',
  dueOn: '',
  status: 'planned',
});
export const emptyGoal = (): GoalDraft => ({ serviceArea: null, goal: '', status: 'open', actions: [] });

/** The form starts from the plan as it stands, so a revision changes only what the caseworker changes. */
export function draftFromVersion(version: CarePlanVersion | null): PlanDraft {
  if (!version) return { victimGoals: '', agreedOn: '', agreementMethod: null, witnessedBy: '', reviewOn: '', goals: [] };
  return {
    victimGoals: version.victimGoals,
    agreedOn: version.agreedOn ?? '',
    agreementMethod: version.agreementMethod,
    witnessedBy: version.witnessedBy ?? '',
    reviewOn: version.reviewOn ?? '',
    goals: version.goals.map((goal) => ({
      serviceArea: goal.serviceArea,
      goal: goal.goal,
      status: goal.status,
      actions: goal.actions.map((action) => ({
        actionKey: action.actionKey,
        what: action.what,
        responsibleKind: action.responsibleOrganisation ? 'organisation' : 'agency',
        responsibleAgencyId: action.responsibleAgencyId,
        responsibleOrganisation: action.responsibleOrganisation ?? '',
        responsiblePerson: action.responsiblePerson ?? '',
        dueOn: action.dueOn ?? '',
        status: action.status,
      })),
    })),
  };
}

const orNull = (value: string) => value.trim() || null;

/** The request body: empty fields as null, only the chosen kind of responsible party. */
export function bodyFromDraft(draft: PlanDraft, basedOnVersion: number): CarePlanBody {
  return {
    basedOnVersion,
    victimGoals: draft.victimGoals,
    agreedOn: orNull(draft.agreedOn),
    agreementMethod: draft.agreementMethod,
    witnessedBy: orNull(draft.witnessedBy),
    reviewOn: orNull(draft.reviewOn),
    goals: draft.goals.map((goal) => ({
      serviceArea: goal.serviceArea as ServiceArea,
      goal: goal.goal,
      status: goal.status,
      actions: goal.actions.map((action) => ({
        ...(action.actionKey ? { actionKey: action.actionKey } : {}),
        what: action.what,
        responsibleAgencyId: action.responsibleKind === 'agency' ? action.responsibleAgencyId : null,
        responsibleOrganisation: action.responsibleKind === 'organisation' ? orNull(action.responsibleOrganisation) : null,
        responsiblePerson: orNull(action.responsiblePerson),
        dueOn: orNull(action.dueOn),
        status: action.status,
      })),
    })),
  };
}
