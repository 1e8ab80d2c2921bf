import {
  type CareActionStatus,
  type CareGoalStatus,
  type CarePartSection,
  type CarePlanAgreementMethod,
  type CarePlanVersion,
  SERVICE_AREAS,
  type ServiceArea,
  sectionOfServiceArea,
} from '@seamless/contracts';
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

/** The service areas whose goals and services the reader may record, by the sections she holds. */
export const recordableAreas = (record: readonly CarePartSection[]): ServiceArea[] =>
  SERVICE_AREAS.filter((area) => record.includes(sectionOfServiceArea(area)));

/**
 * The form starts from the plan as it stands, so a revision changes only what the caseworker
 * changes. Goals of a section she does not record stay out of it: the server carries them on.
 */
export function draftFromVersion(version: CarePlanVersion | null, record: readonly CarePartSection[]): PlanDraft {
  if (!version) return { victimGoals: '', agreedOn: '', agreementMethod: null, witnessedBy: '', reviewOn: '', goals: [] };
  return {
    victimGoals: version.victimGoals ?? '',
    agreedOn: version.agreedOn ?? '',
    agreementMethod: version.agreementMethod,
    witnessedBy: version.witnessedBy ?? '',
    reviewOn: version.reviewOn ?? '',
    goals: version.goals
      .filter((goal) => record.includes(sectionOfServiceArea(goal.serviceArea)))
      .map((goal) => ({
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
