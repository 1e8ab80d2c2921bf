import type { Transfer } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { shelterPlacements } from '../db/schema/index.js';
import type { CaseContext } from '../http/caseContext.js';
import { fieldError } from '../http/problem.js';
import { localToday } from '../shelters/countdown.js';
import { openPlacement } from '../shelters/openPlacement.js';
import { assertCaseOpen, lockCurrentPlacement, resolvePlacementTarget } from '../shelters/placementTarget.js';
import { closeStayLimitTasks } from '../shelters/stayTasks.js';
import { recordCaseEvent } from './recordCaseEvent.js';

/**
 * Moves her to another unit or shelter in one transaction: the current placement ends on the day,
 * the next opens on it. The stay keeps counting from its first day (the new facility's limit),
 * and the reflection period goes with her; she is a child or an adult as of the transfer day.
 */
export async function transferResident(context: CaseContext & { keyRing: KeyRing; input: Transfer }) {
  const { tx, actor, audit, view, keyRing, input } = context;
  const kase = view.kase;
  assertCaseOpen(kase.status);
  const current = await lockCurrentPlacement(tx, kase.id, input.version);
  const transferredOn = input.transferredOn ?? localToday(kase.countryCode, new Date());
  if (transferredOn < current.admittedOn)
    throw fieldError(422, 'validation_failed', 'transferredOn', 'The transfer cannot be before the admission.');
  if (input.unitId === current.unitId) throw fieldError(422, 'validation_failed', 'unitId', 'She is already in this unit.');
  const target = await resolvePlacementTarget(context, input, transferredOn, current);
  await tx
    .update(shelterPlacements)
    .set({ endedOn: transferredOn, endKind: 'transfer', version: current.version + 1, updatedAt: new Date() })
    .where(eq(shelterPlacements.id, current.id));
  await closeStayLimitTasks(tx, [current.stayLimitTaskId], actor.userId);
  const placement = await openPlacement(tx, actor, keyRing, {
    caseId: kase.id,
    target,
    bed: input.bed ?? null,
    admittedOn: transferredOn,
    stayStartedOn: current.stayStartedOn,
    reflectionStartsOn: current.reflectionStartsOn,
    reflectionEndsOn: current.reflectionEndsOn,
    expectedLeaveOn: current.expectedLeaveOn,
    previousPlacementId: current.id,
  });
  const facts = {
    placementId: placement.id,
    previousPlacementId: current.id,
    facilityId: target.facility.id,
    unitId: target.unit.id,
    overriddenRules: target.overrideRules,
  };
  await recordCaseEvent(tx, actor, kase.id, 'shelter.transferred', facts, 'shelter');
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: kase.id,
    details: { part: 'shelter', change: 'transferred', ...facts, fields: target.overrideRules.length ? ['overrideReason'] : [] },
  });
  return placement;
}
