import type { ShelterUnitInput } from '@seamless/contracts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import { personIdentityValue, placeOf } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import {
  cases,
  caseTasks,
  persons,
  shelterFacilities,
  shelterFacilityContacts,
  shelterPlacements,
  shelterUnits,
} from '../db/schema/index.js';
import { addCalendarDays, localToday } from '../shelters/countdown.js';
import { countryStayLimitDays } from '../shelters/facilities.js';
import { ageGroupOn, residentSexOf } from '../shelters/placementRules.js';
import { REFLECTION_NOTICE_DAYS } from '../shelters/stayTasks.js';

type DemoFacility = {
  agencyKey: string;
  name: string;
  kind: 'government_protection_centre' | 'ngo_shelter';
  province: string;
  district: string;
  address: string;
  phone: string;
  servesSexes: ('female' | 'male')[];
  servesAgeGroups: ('child' | 'adult')[];
  servesFamilies: boolean;
  specialNeedsCapacity: number;
  stayLimitDays: number | null;
  units: ShelterUnitInput[];
};

/** Invented shelters modelled on Thailand's (003: government Protection and Occupational Development Centres, NGO homes). */
const DEMO_FACILITIES: DemoFacility[] = [
  {
    agencyKey: 'shelter',
    name: 'Protection and Occupational Development Centre for Women and Children, Chiang Rai',
    kind: 'government_protection_centre',
    province: 'Chiang Rai',
    district: 'Mueang Chiang Rai',
    address: '99 Moo 4, (demo) Rim Kok, Mueang Chiang Rai 57100',
    phone: '+66 53 000 101',
    servesSexes: ['female'],
    servesAgeGroups: ['child', 'adult'],
    servesFamilies: true,
    specialNeedsCapacity: 4,
    stayLimitDays: null,
    units: [
      { name: 'Dok Mai dormitory (girls)', kind: 'dormitory', sex: 'female', ageGroup: 'child', beds: 12, specialNeeds: false },
      { name: 'Rung Arun dormitory (women)', kind: 'dormitory', sex: 'female', ageGroup: 'adult', beds: 16, specialNeeds: false },
      { name: 'Room 7 (care room)', kind: 'room', sex: 'female', ageGroup: 'adult', beds: 2, specialNeeds: true },
      { name: 'Family house 1', kind: 'family_unit', sex: 'any', ageGroup: 'family', beds: 4, specialNeeds: false },
    ],
  },
  {
    agencyKey: 'shelter',
    name: 'Protection and Occupational Development Centre for Men, Chiang Rai',
    kind: 'government_protection_centre',
    province: 'Chiang Rai',
    district: 'Mae Sai',
    address: '12 (demo) Soi 3, Mae Sai 57130',
    phone: '+66 53 000 202',
    servesSexes: ['male'],
    servesAgeGroups: ['child', 'adult'],
    servesFamilies: false,
    specialNeedsCapacity: 0,
    stayLimitDays: 60,
    units: [
      { name: 'Boys dormitory', kind: 'dormitory', sex: 'male', ageGroup: 'child', beds: 8, specialNeeds: false },
      { name: 'Men dormitory A', kind: 'dormitory', sex: 'male', ageGroup: 'adult', beds: 20, specialNeeds: false },
    ],
  },
  {
    agencyKey: 'ngo',
    name: 'Baan Khao Safe Home',
    kind: 'ngo_shelter',
    province: 'Chiang Rai',
    district: 'Chiang Saen',
    address: '5 (demo) Moo 1, Chiang Saen 57150',
    phone: '+66 53 000 303',
    servesSexes: ['female'],
    servesAgeGroups: ['child', 'adult'],
    servesFamilies: false,
    specialNeedsCapacity: 0,
    stayLimitDays: 90,
    units: [
      { name: 'Girls room', kind: 'room', sex: 'female', ageGroup: 'child', beds: 4, specialNeeds: false },
      { name: 'Women room', kind: 'room', sex: 'female', ageGroup: 'adult', beds: 4, specialNeeds: false },
    ],
  },
];

/** Demo residents by person index: cases of the hosting agency, or shared with it including the shelter section. */
const DEMO_RESIDENTS = [
  { personIndex: 0, daysAgo: 40 },
  { personIndex: 7, daysAgo: 12 },
  { personIndex: 15, daysAgo: 58 },
  { personIndex: 4, daysAgo: 20 },
  { personIndex: 12, daysAgo: 3 },
];

/**
 * Three shelters in Chiang Rai with units and a few residents, so the occupancy board, a facility
 * and a case's shelter tab show something real in a fresh demo.
 */
export async function seedDemoShelters(
  tx: Tx,
  keyRing: KeyRing,
  demo: { agencyIds: Map<string, string>; userIds: Map<string, string>; caseIds: string[]; countryCode: string; now: Date },
) {
  const today = localToday(demo.countryCode, demo.now);
  const units: { facility: DemoFacility; facilityId: string; agencyId: string; unit: typeof shelterUnits.$inferSelect }[] = [];
  for (const facility of DEMO_FACILITIES) {
    const agencyId = demo.agencyIds.get(facility.agencyKey)!;
    const { agencyKey, address, phone, units: unitInputs, ...fields } = facility;
    const [row] = await tx
      .insert(shelterFacilities)
      .values({ ...fields, agencyId, countryCode: demo.countryCode })
      .returning({ id: shelterFacilities.id });
    const id = row!.id;
    await tx.insert(shelterFacilityContacts).values({
      id,
      addressEnc: keyRing.encrypt(address, placeOf(shelterFacilityContacts.addressEnc, id)),
      phoneEnc: keyRing.encrypt(phone, placeOf(shelterFacilityContacts.phoneEnc, id)),
    });
    const unitRows = await tx
      .insert(shelterUnits)
      .values(unitInputs.map((unit) => ({ ...unit, facilityId: id })))
      .returning();
    for (const unit of unitRows) units.push({ facility, facilityId: id, agencyId, unit });
  }

  const residentCases = await tx
    .select({ kase: cases, person: persons })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(
      inArray(
        cases.id,
        DEMO_RESIDENTS.map((resident) => demo.caseIds[resident.personIndex]!),
      ),
    );
  for (const resident of DEMO_RESIDENTS) {
    const found = residentCases.find((row) => row.kase.id === demo.caseIds[resident.personIndex]);
    if (!found || found.kase.status === 'Closed') continue;
    const { kase, person } = found;
    const admittedOn = addCalendarDays(today, -resident.daysAgo);
    const sex = residentSexOf(person.gender);
    const ageGroup = ageGroupOn(
      { birthDate: personIdentityValue(keyRing, person, 'birthDateEnc'), birthYear: person.birthYear, ageAtIntake: kase.ageAtIntake },
      admittedOn,
    );
    const hostKey = kase.ownerAgencyId === demo.agencyIds.get('ngo') ? 'ngo' : 'shelter';
    const place = units.find(
      ({ facility, unit }) => facility.agencyKey === hostKey && unit.sex === sex && unit.ageGroup === ageGroup && !unit.specialNeeds,
    );
    if (!place) continue;
    const stayLimitOn = addCalendarDays(admittedOn, place.facility.stayLimitDays ?? countryStayLimitDays(demo.countryCode));
    const reflectionEndsOn = addCalendarDays(admittedOn, countryStayLimitDays(demo.countryCode));
    const userId = demo.userIds.get(hostKey)!;
    const [task] = await tx
      .insert(caseTasks)
      .values({ caseId: kase.id, kind: 'stay_limit', dueOn: stayLimitOn, agencyId: place.agencyId, createdBy: userId })
      .returning({ id: caseTasks.id });
    await tx.insert(caseTasks).values({
      caseId: kase.id,
      kind: 'reflection_period_end',
      dueOn: addCalendarDays(reflectionEndsOn, -REFLECTION_NOTICE_DAYS),
      agencyId: kase.ownerAgencyId,
      createdBy: userId,
    });
    await tx
      .update(cases)
      .set({ reflectionPeriodEndsOn: reflectionEndsOn })
      .where(and(eq(cases.id, kase.id), isNull(cases.reflectionPeriodEndsOn)));
    await tx.insert(shelterPlacements).values({
      caseId: kase.id,
      facilityId: place.facilityId,
      unitId: place.unit.id,
      agencyId: place.agencyId,
      bed: String(1 + (resident.personIndex % place.unit.beds)),
      residentSex: sex,
      residentAgeGroup: ageGroup,
      admittedOn,
      stayStartedOn: admittedOn,
      stayLimitOn,
      reflectionStartsOn: admittedOn,
      reflectionEndsOn,
      stayLimitTaskId: task!.id,
      recordedBy: userId,
      recordedByAgencyId: place.agencyId,
    });
  }
}
