import type { Discharge } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import { shelterPlacements } from '../db/schema/index.js';
import type { CaseContext } from '../http/caseContext.js';
import { fieldError } from '../http/problem.js';
import { localToday } from '../shelters/countdown.js';
import { lockCurrentPlacement } from '../shelters/placementTarget.js';
import { closeStayLimitTasks } from '../shelters/stayTasks.js';
import { recordCaseEvent } from './recordCaseEvent.js';

/** She leaves the shelter: the day, where she went, and a note; the stay-limit task is done with. */
export async function dischargeResident(context: CaseContext & { keyRing: KeyRing; input: Discharge }) {
  const { tx, actor, audit, view, keyRing, input } = context;
  const kase = view.kase;
  const current = await lockCurrentPlacement(tx, kase.id, input.version);
  const dischargedOn = input.dischargedOn ?? localToday(kase.countryCode, new Date());
  if (dischargedOn < current.admittedOn)
    throw fieldError(422, 'validation_failed', 'dischargedOn', 'The discharge cannot be before the admission.');
  await tx
    .update(shelterPlacements)
    .set({
      endedOn: dischargedOn,
      endKind: 'discharge',
      dischargeDestination: input.destination,
      dischargeNoteEnc: keyRing.encrypt(input.note ?? null, placeOf(shelterPlacements.dischargeNoteEnc, current.id)),
      version: current.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(shelterPlacements.id, current.id));
  await closeStayLimitTasks(tx, [current.stayLimitTaskId], actor.userId);
  const facts = { placementId: current.id, destination: input.destination };
  await recordCaseEvent(tx, actor, kase.id, 'shelter.discharged', facts, 'shelter');
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: kase.id,
    details: { part: 'shelter', change: 'discharged', ...facts, fields: input.note ? ['dischargeNote'] : [] },
  });
}
