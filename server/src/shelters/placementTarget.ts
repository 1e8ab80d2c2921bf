import type { PlacementRule } from '@seamless/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import { personIdentityValue } from '../db/cipherPlace.js';
import { rowsOf, type Tx } from '../db/client.js';
import { shelterFacilities, shelterPlacements, shelterUnits } from '../db/schema/index.js';
import type { CaseContext } from '../http/caseContext.js';
import { AppError, conflict, fieldError, forbidden, notFound } from '../http/problem.js';
import { canPlacement } from '../policies/shelter.js';
import { countryStayLimitDays, type FacilityRow, type UnitRow } from './facilities.js';
import { ageGroupOn, brokenPlacementRules, residentSexOf, unoverridable } from './placementRules.js';
import { lockUnitBeds } from './unitLock.js';

export type PlacementTargetInput = {
  facilityId: string;
  unitId: string;
  specialNeeds: boolean;
  withParentCaseId?: string | null;
  override?: { reason: string } | null;
};

export type PlacementTarget = {
  facility: FacilityRow;
  unit: UnitRow;
  stayLimitDays: number;
  resident: { sex: 'female' | 'male' | 'other'; ageGroup: 'child' | 'adult'; specialNeeds: boolean };
  overrideRules: PlacementRule[];
  overrideReason: string | null;
};

/** A 422 naming each rule broken, so the client can explain it in her language. */
export const placementRefused = (rules: PlacementRule[]) =>
  new AppError(
    422,
    'placement_rule',
    `The placement breaks: ${rules.join(', ')}.`,
    rules.map((rule) => ({ path: rule === 'already_placed' ? 'caseId' : 'unitId', code: rule, message: `Placement rule: ${rule}` })),
    undefined,
    { rules },
  );

/** Nobody is admitted to, or moved within, a shelter on a closed case. */
export function assertCaseOpen(status: string) {
  if (status === 'Closed' || status === 'ClosedReferred') {
    throw new AppError(409, 'case_closed', 'The case is closed; reopen it before placing her in a shelter.');
  }
}

/** The current placement of the case, locked for the change, at the version the client read. */
export async function lockCurrentPlacement(tx: Tx, caseId: string, version: number) {
  const [current] = await tx
    .select()
    .from(shelterPlacements)
    .where(and(eq(shelterPlacements.caseId, caseId), isNull(shelterPlacements.endedOn)))
    .for('update');
  if (!current) throw notFound('She has no current shelter placement.');
  if (current.version !== version) throw conflict(undefined, { version: current.version });
  return current;
}

const scalar = async <T>(tx: Tx, query: ReturnType<typeof sql>) =>
  Object.values(rowsOf<Record<string, T>>(await tx.execute(query))[0] ?? {})[0] as T;

/**
 * Where she would go and whether she may: the facility and unit, the hosting agency's access to
 * the case, her sex and age on the day (age from the birth date in the country's calendar), and
 * the placement rules — broken rules stop it unless a shelter manager overrides them with a reason.
 */
export async function resolvePlacementTarget(
  context: CaseContext & { keyRing: KeyRing },
  input: PlacementTargetInput,
  onDay: string,
  current: { unitId: string } | null,
): Promise<PlacementTarget> {
  const { tx, actor, view, keyRing } = context;
  const [facility] = await tx.select().from(shelterFacilities).where(eq(shelterFacilities.id, input.facilityId));
  if (!facility) throw fieldError(422, 'invalid_reference', 'facilityId', 'No such shelter.');
  await lockUnitBeds(tx, input.unitId);
  const [unit] = await tx
    .select()
    .from(shelterUnits)
    .where(and(eq(shelterUnits.id, input.unitId), eq(shelterUnits.facilityId, facility.id)));
  if (!unit) throw fieldError(422, 'invalid_reference', 'unitId', 'No such unit in this shelter.');
  if (!(await scalar<boolean>(tx, sql`select agency_hosts_case(${facility.agencyId}::uuid, ${view.kase.id}::uuid)`))) {
    throw fieldError(
      422,
      'share_required',
      'facilityId',
      "The shelter's agency does not hold the shelter section of this case: share it (with her consent) or refer the case first.",
    );
  }
  const resident = {
    sex: residentSexOf(view.person.gender),
    ageGroup: ageGroupOn(
      {
        birthDate: personIdentityValue(keyRing, view.person, 'birthDateEnc'),
        birthYear: view.person.birthYear,
        ageAtIntake: view.kase.ageAtIntake,
      },
      onDay,
    ),
    specialNeeds: input.specialNeeds,
  };
  const occupied = await scalar<number>(tx, sql`select shelter_unit_occupied(${unit.id}::uuid)`);
  const parentInUnit = input.withParentCaseId
    ? (
        await tx
          .select({ id: shelterPlacements.id })
          .from(shelterPlacements)
          .where(
            and(
              eq(shelterPlacements.caseId, input.withParentCaseId),
              eq(shelterPlacements.unitId, unit.id),
              eq(shelterPlacements.residentAgeGroup, 'adult'),
              isNull(shelterPlacements.endedOn),
            ),
          )
      ).length > 0
    : false;
  const broken = brokenPlacementRules({
    facility,
    unit,
    occupied: Number(occupied) - (current?.unitId === unit.id ? 1 : 0),
    resident,
    alreadyPlaced: !current && (await scalar<boolean>(tx, sql`select shelter_case_placed(${view.kase.id}::uuid)`)),
    parentInUnit,
  });
  if (broken.length && (!input.override || unoverridable(broken).length)) throw placementRefused(broken);
  if (broken.length && !canPlacement(actor, 'override', view.involvement)) {
    throw forbidden('Only a shelter manager may override a placement rule.');
  }
  return {
    facility,
    unit,
    stayLimitDays: facility.stayLimitDays ?? countryStayLimitDays(facility.countryCode),
    resident,
    overrideRules: broken,
    overrideReason: broken.length ? input.override!.reason : null,
  };
}
