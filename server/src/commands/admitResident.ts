import { randomUUID } from 'node:crypto';
import type { Admission } from '@seamless/contracts';
import { recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import { shelterPlacements } from '../db/schema/index.js';
import type { CaseContext } from '../http/caseContext.js';
import { addCalendarDays, localToday } from '../shelters/countdown.js';
import { countryStayLimitDays } from '../shelters/facilities.js';
import { assertCaseOpen, resolvePlacementTarget } from '../shelters/placementTarget.js';
import { addStayLimitTask, ensureReflectionEndTask } from '../shelters/stayTasks.js';
import { recordCaseEvent } from './recordCaseEvent.js';

/**
 * Admits her to a shelter unit: the placement rules on the admission day, the reflection and
 * recovery period (the case's if one runs, else the country's length from the start), a stay-limit
 * task for the hosting agency and a reflection-end task for the case owner.
 */
export async function admitResident(context: CaseContext & { keyRing: KeyRing; input: Admission }) {
  const { tx, actor, audit, view, keyRing, input } = context;
  const kase = view.kase;
  assertCaseOpen(kase.status);
  const admittedOn = input.admittedOn ?? localToday(kase.countryCode, new Date());
  const target = await resolvePlacementTarget(context, input, admittedOn, null);
  const stayLimitOn = addCalendarDays(admittedOn, target.stayLimitDays);
  const reflectionStartsOn = input.reflectionStartsOn ?? admittedOn;
  const reflectionEndsOn =
    input.reflectionEndsOn ?? kase.reflectionPeriodEndsOn ?? addCalendarDays(reflectionStartsOn, countryStayLimitDays(kase.countryCode));
  const stayLimitTaskId = await addStayLimitTask(tx, {
    caseId: kase.id,
    agencyId: target.facility.agencyId,
    dueOn: stayLimitOn,
    userId: actor.userId,
  });
  await ensureReflectionEndTask(tx, { caseId: kase.id, ownerAgencyId: kase.ownerAgencyId, dueOn: reflectionEndsOn, userId: actor.userId });
  const id = randomUUID();
  const [placement] = await tx
    .insert(shelterPlacements)
    .values({
      id,
      caseId: kase.id,
      facilityId: target.facility.id,
      unitId: target.unit.id,
      agencyId: target.facility.agencyId,
      bed: input.bed ?? null,
      residentSex: target.resident.sex,
      residentAgeGroup: target.resident.ageGroup,
      specialNeeds: target.resident.specialNeeds,
      admittedOn,
      stayStartedOn: admittedOn,
      stayLimitOn,
      reflectionStartsOn,
      reflectionEndsOn,
      expectedLeaveOn: input.expectedLeaveOn ?? null,
      overrideRules: target.overrideRules,
      overrideReasonEnc: keyRing.encrypt(target.overrideReason, placeOf(shelterPlacements.overrideReasonEnc, id)),
      stayLimitTaskId,
      recordedBy: actor.userId,
      recordedByAgencyId: actor.agencyId,
    })
    .returning({ id: shelterPlacements.id });
  const facts = {
    placementId: placement!.id,
    facilityId: target.facility.id,
    unitId: target.unit.id,
    overriddenRules: target.overrideRules,
  };
  await recordCaseEvent(tx, actor, kase.id, 'shelter.admitted', facts, 'shelter');
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: kase.id,
    details: { part: 'shelter', change: 'admitted', ...facts, fields: target.overrideRules.length ? ['overrideReason'] : [] },
  });
  return placement!;
}
