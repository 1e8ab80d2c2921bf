import {
  freeBedBandOf,
  procedureForCountry,
  type ShelterFacility,
  type ShelterUnit,
  type UnitAgeGroup,
  type UnitSex,
} from '@seamless/contracts';
import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import { rowsOf, type Tx } from '../db/client.js';
import { agencies, shelterFacilities, shelterFacilityContacts, shelterUnits } from '../db/schema/index.js';
import type { Actor } from '../policies/actor.js';
import { canFacility } from '../policies/shelter.js';

/** Without a limit of its own, a facility keeps people for the country's reflection and recovery period. */
export const DEFAULT_STAY_LIMIT_DAYS = 45;
export const countryStayLimitDays = (countryCode: string) =>
  procedureForCountry(countryCode).reflectionPeriodDays ?? DEFAULT_STAY_LIMIT_DAYS;

export type FacilityRow = typeof shelterFacilities.$inferSelect;
export type UnitRow = typeof shelterUnits.$inferSelect;

type OccupancyRow = {
  unit_id: string;
  resident_sex: NonNullable<ShelterUnit['occupiedBy']>[number]['sex'];
  resident_age_group: 'child' | 'adult';
  occupied: number;
  limit_soon: number;
};

/** Beds taken per unit by sex and age group, counted by the database without naming anyone. */
export async function occupancyByUnit(tx: Tx, today: string): Promise<Map<string, OccupancyRow[]>> {
  const rows = rowsOf<OccupancyRow>(await tx.execute(sql`select * from shelter_occupancy(${today}::date)`));
  const byUnit = new Map<string, OccupancyRow[]>();
  for (const row of rows) byUnit.set(row.unit_id, [...(byUnit.get(row.unit_id) ?? []), row]);
  return byUnit;
}

const occupiedIn = (occupancy: OccupancyRow[]) => occupancy.reduce((sum, row) => sum + row.occupied, 0);

/** People living in one unit now, whoever may read their placements; count it under lockUnitBeds. */
export async function unitOccupied(tx: Tx, unitId: string): Promise<number> {
  const [row] = rowsOf<{ occupied: number }>(await tx.execute(sql`select shelter_unit_occupied(${unitId}::uuid) as occupied`));
  return Number(row?.occupied ?? 0);
}

function presentUnit(unit: UnitRow, occupancy: OccupancyRow[]): ShelterUnit {
  const occupied = occupiedIn(occupancy);
  return {
    id: unit.id,
    name: unit.name,
    kind: unit.kind,
    sex: unit.sex,
    ageGroup: unit.ageGroup,
    beds: unit.beds,
    specialNeeds: unit.specialNeeds,
    active: unit.active,
    version: unit.version,
    occupied,
    free: unit.active ? Math.max(unit.beds - occupied, 0) : 0,
    occupiedBy: occupancy.map((row) => ({ sex: row.resident_sex, ageGroup: row.resident_age_group, count: row.occupied })),
  };
}

/** Free beds summed by the group each unit takes; the count only where beds are counted, the band always. */
function freeByGroup(units: ShelterUnit[], counted: boolean) {
  const groups = new Map<string, { sex: UnitSex; ageGroup: UnitAgeGroup; free: number }>();
  for (const unit of units.filter((candidate) => candidate.active)) {
    const key = `${unit.sex}:${unit.ageGroup}`;
    const group = groups.get(key) ?? { sex: unit.sex, ageGroup: unit.ageGroup, free: 0 };
    group.free += unit.free;
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({ ...group, free: counted ? group.free : null, room: freeBedBandOf(group.free) }));
}

/**
 * Facilities as the actor may see them: everyone sees name, type, province and, per group it
 * takes, whether there is room (none, 1–4, 5+); the running agency and those who place people also
 * its units, beds, free beds and beds taken by sex and age group; the running agency's shelter
 * staff also the address and phone.
 */
export async function loadFacilities(tx: Tx, actor: Actor, keyRing: KeyRing, today: string, where?: SQL): Promise<ShelterFacility[]> {
  const facilities = await tx
    .select({ facility: shelterFacilities, agencyName: agencies.name })
    .from(shelterFacilities)
    .innerJoin(agencies, eq(agencies.id, shelterFacilities.agencyId))
    .where(where)
    .orderBy(asc(shelterFacilities.countryCode), asc(shelterFacilities.province), asc(shelterFacilities.name));
  if (!facilities.length) return [];
  const ids = facilities.map((row) => row.facility.id);
  const units = await tx.select().from(shelterUnits).where(inArray(shelterUnits.facilityId, ids)).orderBy(asc(shelterUnits.name));
  const confidentialIds = facilities.filter((row) => canFacility(actor, 'readConfidential', row.facility)).map((row) => row.facility.id);
  // Row-level security returns only the actor's own agency's contacts; the policy narrows it to staff who need them.
  const contacts = confidentialIds.length
    ? await tx.select().from(shelterFacilityContacts).where(inArray(shelterFacilityContacts.id, confidentialIds))
    : [];
  const occupancy = await occupancyByUnit(tx, today);
  return facilities.map(({ facility, agencyName }) => {
    const own = units.filter((unit) => unit.facilityId === facility.id);
    const counted = canFacility(actor, 'seeOccupancy', facility);
    const presented = own.map((unit) => presentUnit(unit, occupancy.get(unit.id) ?? []));
    const beds = presented.filter((unit) => unit.active).reduce((sum, unit) => sum + unit.beds, 0);
    const occupied = presented.reduce((sum, unit) => sum + (unit.occupied ?? 0), 0);
    const stayLimitAlerts = own.reduce((sum, unit) => sum + (occupancy.get(unit.id) ?? []).reduce((n, row) => n + row.limit_soon, 0), 0);
    const free = facility.active ? presented.reduce((sum, unit) => sum + unit.free, 0) : 0;
    const contact = contacts.find((row) => row.id === facility.id);
    return {
      id: facility.id,
      agencyId: facility.agencyId,
      agencyName,
      countryCode: facility.countryCode,
      name: facility.name,
      kind: facility.kind,
      province: facility.province,
      district: facility.district,
      servesSexes: facility.servesSexes,
      servesAgeGroups: facility.servesAgeGroups,
      servesFamilies: facility.servesFamilies,
      specialNeedsCapacity: facility.specialNeedsCapacity,
      stayLimitDays: facility.stayLimitDays ?? countryStayLimitDays(facility.countryCode),
      active: facility.active,
      version: facility.version,
      beds: counted ? beds : null,
      occupied: counted ? occupied : null,
      free: counted ? free : null,
      freeByGroup: freeByGroup(presented, counted),
      stayLimitAlerts: counted ? stayLimitAlerts : null,
      units: counted ? presented : [],
      confidential: confidentialIds.includes(facility.id)
        ? {
            address: keyRing.decrypt(contact?.addressEnc ?? null, placeOf(shelterFacilityContacts.addressEnc, facility.id)),
            phone: keyRing.decrypt(contact?.phoneEnc ?? null, placeOf(shelterFacilityContacts.phoneEnc, facility.id)),
          }
        : null,
      abilities: { manage: canFacility(actor, 'manage', facility), seeResidents: canFacility(actor, 'seeResidents', facility) },
    };
  });
}

/** Beds and free beds counted per country, only where the reader counts them in every shelter of the country. */
export function totalsByCountry(facilities: ShelterFacility[]) {
  const totals = new Map<string, { countryCode: string; facilities: number; beds: number | null; free: number | null }>();
  for (const facility of facilities) {
    const total = totals.get(facility.countryCode) ?? { countryCode: facility.countryCode, facilities: 0, beds: 0, free: 0 };
    total.facilities += 1;
    total.beds = total.beds === null || facility.beds === null ? null : total.beds + facility.beds;
    total.free = total.free === null || facility.free === null ? null : total.free + facility.free;
    totals.set(facility.countryCode, total);
  }
  return [...totals.values()];
}
