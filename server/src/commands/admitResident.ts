import type { Admission } from '@seamless/contracts';
import { recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import type { CaseContext } from '../http/caseContext.js';
import { addCalendarDays, localToday } from '../shelters/countdown.js';
import { countryStayLimitDays } from '../shelters/facilities.js';
import { openPlacement } from '../shelters/openPlacement.js';
import { assertCaseOpen, resolvePlacementTarget } from '../shelters/placementTarget.js';
import { noteReflectionEnd } from '../shelters/reflectionEnd.js';
import { ensureReflectionEndTask } from '../shelters/stayTasks.js';
import { recordCaseEvent } from './recordCaseEvent.js';

/**
 * Admits her to a shelter unit: the placement rules on the admission day, the reflection and
 * recovery period (the case's if one runs, else the country's length from the start, then written
 * on the case), a stay-limit task for the hosting agency and a reflection-end task for the case owner.
 */
export async function admitResident(context: CaseContext & { keyRing: KeyRing; input: Admission }) {
  const { tx, actor, audit, view, keyRing, input } = context;
  const kase = view.kase;
  assertCaseOpen(kase.status);
  const admittedOn = input.admittedOn ?? localToday(kase.countryCode, new Date());
  const target = await resolvePlacementTarget(context, input, admittedOn, null);
  const reflectionStartsOn = input.reflectionStartsOn ?? admittedOn;
  const reflectionEndsOn =
    input.reflectionEndsOn ?? kase.reflectionPeriodEndsOn ?? addCalendarDays(reflectionStartsOn, countryStayLimitDays(kase.countryCode));
  const placement = await openPlacement(tx, actor, keyRing, {
    caseId: kase.id,
    target,
    bed: input.bed ?? null,
    admittedOn,
    stayStartedOn: admittedOn,
    reflectionStartsOn,
    reflectionEndsOn,
    expectedLeaveOn: input.expectedLeaveOn ?? null,
  });
  const reflectionNoted = await noteReflectionEnd(tx, kase.id, reflectionEndsOn);
  await ensureReflectionEndTask(tx, { caseId: kase.id, ownerAgencyId: kase.ownerAgencyId, endsOn: reflectionEndsOn, userId: actor.userId });
  const facts = {
    placementId: placement.id,
    facilityId: target.facility.id,
    unitId: target.unit.id,
    overriddenRules: target.overrideRules,
  };
  await recordCaseEvent(tx, actor, kase.id, 'shelter.admitted', facts, 'shelter');
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: kase.id,
    details: {
      part: 'shelter',
      change: 'admitted',
      ...facts,
      fields: [...(target.overrideRules.length ? ['overrideReason'] : []), ...(reflectionNoted ? ['reflectionPeriodEndsOn'] : [])],
    },
  });
  return placement;
}
