import type { ShelterResident } from '@seamless/contracts';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { cases, shelterFacilities, shelterPlacements, shelterUnits } from '../db/schema/index.js';
import { loadCaseViews } from '../db/visibleCases.js';
import type { Actor } from '../policies/actor.js';
import { presentCaseSummary } from '../presenters/case.js';
import { daysLeft } from './countdown.js';

/**
 * The people living now in the actor's agency's shelters (or the ones named), reached through
 * the case access the agency holds: row-level security returns only placements of cases whose
 * shelter section it owns or was given.
 */
export async function loadResidents(
  tx: Tx,
  actor: Actor,
  keyRing: KeyRing,
  today: string,
  facilityIds?: string[],
): Promise<ShelterResident[]> {
  const rows = await tx
    .select({ placement: shelterPlacements, facilityName: shelterFacilities.name, unitName: shelterUnits.name })
    .from(shelterPlacements)
    .innerJoin(shelterFacilities, eq(shelterFacilities.id, shelterPlacements.facilityId))
    .innerJoin(shelterUnits, eq(shelterUnits.id, shelterPlacements.unitId))
    .where(
      and(
        isNull(shelterPlacements.endedOn),
        eq(shelterPlacements.agencyId, actor.agencyId),
        facilityIds ? inArray(shelterPlacements.facilityId, facilityIds) : undefined,
      ),
    )
    .orderBy(asc(shelterPlacements.stayLimitOn));
  if (!rows.length) return [];
  const views = await loadCaseViews(
    tx,
    actor,
    inArray(
      cases.id,
      rows.map((row) => row.placement.caseId),
    ),
    [sql`1`],
    rows.length,
    0,
  );
  return rows.flatMap(({ placement, facilityName, unitName }) => {
    const view = views.find((candidate) => candidate.kase.id === placement.caseId);
    if (!view?.involvement) return [];
    return [
      {
        placementId: placement.id,
        caseId: placement.caseId,
        caseReference: view.kase.reference,
        displayName: presentCaseSummary(view, actor, keyRing).displayName,
        facilityId: placement.facilityId,
        facilityName,
        unitId: placement.unitId,
        unitName,
        bed: placement.bed,
        sex: placement.residentSex,
        ageGroup: placement.residentAgeGroup,
        admittedOn: placement.admittedOn,
        stayLimitOn: placement.stayLimitOn,
        daysToStayLimit: daysLeft(today, placement.stayLimitOn),
        reflectionEndsOn: placement.reflectionEndsOn,
        daysToReflectionEnd: placement.reflectionEndsOn ? daysLeft(today, placement.reflectionEndsOn) : null,
      },
    ];
  });
}
