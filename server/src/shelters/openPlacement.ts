import { randomUUID } from 'node:crypto';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import { shelterPlacements } from '../db/schema/index.js';
import type { Actor } from '../policies/actor.js';
import { addCalendarDays } from './countdown.js';
import type { PlacementTarget } from './placementTarget.js';
import { addStayLimitTask } from './stayTasks.js';

export type PlacementOpening = {
  caseId: string;
  target: PlacementTarget;
  bed: string | null;
  /** The day she arrives in this unit. */
  admittedOn: string;
  /** The first day of the whole stay, from which the facility's limit counts. */
  stayStartedOn: string;
  reflectionStartsOn: string | null;
  reflectionEndsOn: string | null;
  expectedLeaveOn: string | null;
  previousPlacementId?: string;
};

/**
 * A placement in the target unit with the hosting agency's stay-limit task: the part an admission
 * and a transfer share. The override reason is stored encrypted to its row.
 */
export async function openPlacement(tx: Tx, actor: Actor, keyRing: KeyRing, opening: PlacementOpening) {
  const { target } = opening;
  const stayLimitOn = addCalendarDays(opening.stayStartedOn, target.stayLimitDays);
  const stayLimitTaskId = await addStayLimitTask(tx, {
    caseId: opening.caseId,
    agencyId: target.facility.agencyId,
    dueOn: stayLimitOn,
    userId: actor.userId,
  });
  const id = randomUUID();
  const [placement] = await tx
    .insert(shelterPlacements)
    .values({
      id,
      caseId: opening.caseId,
      facilityId: target.facility.id,
      unitId: target.unit.id,
      agencyId: target.facility.agencyId,
      bed: opening.bed,
      residentSex: target.resident.sex,
      residentAgeGroup: target.resident.ageGroup,
      specialNeeds: target.resident.specialNeeds,
      admittedOn: opening.admittedOn,
      stayStartedOn: opening.stayStartedOn,
      stayLimitOn,
      reflectionStartsOn: opening.reflectionStartsOn,
      reflectionEndsOn: opening.reflectionEndsOn,
      expectedLeaveOn: opening.expectedLeaveOn,
      previousPlacementId: opening.previousPlacementId ?? null,
      overrideRules: target.overrideRules,
      overrideReasonEnc: keyRing.encrypt(target.overrideReason, placeOf(shelterPlacements.overrideReasonEnc, id)),
      stayLimitTaskId,
      recordedBy: actor.userId,
      recordedByAgencyId: actor.agencyId,
    })
    .returning({ id: shelterPlacements.id });
  return placement!;
}
