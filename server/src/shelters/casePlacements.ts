import type { Placement } from '@seamless/contracts';
import { desc, eq } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import { agencies, shelterFacilities, shelterPlacements, shelterUnits } from '../db/schema/index.js';
import { daysLeft } from './countdown.js';

export type PlacementRow = typeof shelterPlacements.$inferSelect;

/** Every stay of the case the actor may read (row-level security), newest first, with countdowns to `today`. */
export async function loadCasePlacements(tx: Tx, keyRing: KeyRing, caseId: string, today: string): Promise<Placement[]> {
  const rows = await tx
    .select({ placement: shelterPlacements, facilityName: shelterFacilities.name, agencyName: agencies.name, unitName: shelterUnits.name })
    .from(shelterPlacements)
    .innerJoin(shelterFacilities, eq(shelterFacilities.id, shelterPlacements.facilityId))
    .innerJoin(shelterUnits, eq(shelterUnits.id, shelterPlacements.unitId))
    .innerJoin(agencies, eq(agencies.id, shelterPlacements.agencyId))
    .where(eq(shelterPlacements.caseId, caseId))
    .orderBy(desc(shelterPlacements.admittedOn), desc(shelterPlacements.recordedAt));
  return rows.map(({ placement: p, facilityName, agencyName, unitName }) => {
    const current = p.endedOn === null;
    return {
      id: p.id,
      facilityId: p.facilityId,
      facilityName,
      agencyName,
      unitId: p.unitId,
      unitName,
      bed: p.bed,
      sex: p.residentSex,
      ageGroup: p.residentAgeGroup,
      specialNeeds: p.specialNeeds,
      admittedOn: p.admittedOn,
      stayStartedOn: p.stayStartedOn,
      stayLimitOn: p.stayLimitOn,
      stayDaysLeft: current ? daysLeft(today, p.stayLimitOn) : null,
      reflectionStartsOn: p.reflectionStartsOn,
      reflectionEndsOn: p.reflectionEndsOn,
      reflectionDaysLeft: current && p.reflectionEndsOn ? daysLeft(today, p.reflectionEndsOn) : null,
      expectedLeaveOn: p.expectedLeaveOn,
      endedOn: p.endedOn,
      endKind: p.endKind,
      dischargeDestination: p.dischargeDestination,
      dischargeNote: keyRing.decrypt(p.dischargeNoteEnc, placeOf(shelterPlacements.dischargeNoteEnc, p.id)),
      override: p.overrideRules.length
        ? { rules: p.overrideRules, reason: keyRing.decrypt(p.overrideReasonEnc, placeOf(shelterPlacements.overrideReasonEnc, p.id)) ?? '' }
        : null,
      recordedAt: p.recordedAt.toISOString(),
      version: p.version,
    };
  });
}
