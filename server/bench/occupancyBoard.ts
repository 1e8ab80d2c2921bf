import { isNull, sql } from 'drizzle-orm';
import { asSystem } from '../src/db/actorContext.js';
import { shelterFacilities, shelterPlacements, shelterUnits } from '../src/db/schema/index.js';
import { addCalendarDays, localToday } from '../src/shelters/countdown.js';
import { type Bench, latencyEntries, timeEach } from './context.js';

const UNITS_PER_FACILITY = 10;
const BEDS_PER_UNIT = 20;

/**
 * The occupancy board: GET /api/shelters over HTTP as a caseworker (session, row-level security,
 * facilities and units, beds counted by sex and age group through `shelter_occupancy`, stay-limit
 * alerts, totals, presentation) against the raw SQL counting the same beds — units joined to
 * their current placements, grouped — as the schema owner. Shelters are filled first with
 * placements of the caseworker's synthetic cases.
 */
export const occupancyBoard: Bench = {
  name: 'occupancy-board',
  async run({ app, quick, client, actor, caseIds, random }) {
    const facilities = quick ? 10 : 40;
    const today = localToday('TH', new Date());
    await asSystem(app.database.db, async (tx) => {
      const units: { id: string; facilityId: string; sex: string }[] = [];
      for (let index = 0; index < facilities; index += 1) {
        const [facility] = await tx
          .insert(shelterFacilities)
          .values({
            agencyId: actor.agencyId,
            countryCode: 'TH',
            name: `Bench shelter ${index + 1}`,
            kind: 'government_protection_centre',
            province: 'Chiang Rai',
            servesSexes: ['female', 'male'],
            servesAgeGroups: ['child', 'adult'],
          })
          .returning({ id: shelterFacilities.id });
        const rows = await tx
          .insert(shelterUnits)
          .values(
            Array.from({ length: UNITS_PER_FACILITY }, (_, unit) => ({
              facilityId: facility!.id,
              name: `Unit ${unit + 1}`,
              kind: 'dormitory' as const,
              sex: unit % 2 ? ('male' as const) : ('female' as const),
              ageGroup: unit % 3 ? ('adult' as const) : ('child' as const),
              beds: BEDS_PER_UNIT,
            })),
          )
          .returning({ id: shelterUnits.id, facilityId: shelterUnits.facilityId, sex: shelterUnits.sex });
        units.push(...rows);
      }
      // Three quarters of the beds taken, by cases not already placed by the demo seed.
      const demoPlaced = new Set(
        (await tx.select({ caseId: shelterPlacements.caseId }).from(shelterPlacements).where(isNull(shelterPlacements.endedOn))).map(
          (row) => row.caseId,
        ),
      );
      const placed = caseIds.filter((id) => !demoPlaced.has(id)).slice(0, Math.floor(units.length * BEDS_PER_UNIT * 0.75));
      for (let start = 0; start < placed.length; start += 500) {
        await tx.insert(shelterPlacements).values(
          placed.slice(start, start + 500).map((caseId, offset) => {
            const unit = units[(start + offset) % units.length]!;
            const admittedOn = addCalendarDays(today, -Math.floor(random() * 50));
            return {
              caseId,
              facilityId: unit.facilityId,
              unitId: unit.id,
              agencyId: actor.agencyId,
              residentSex: unit.sex === 'male' ? ('male' as const) : ('female' as const),
              residentAgeGroup: 'adult' as const,
              admittedOn,
              stayStartedOn: admittedOn,
              stayLimitOn: addCalendarDays(admittedOn, 45),
              recordedBy: actor.userId,
              recordedByAgencyId: actor.agencyId,
            };
          }),
        );
      }
      await tx.execute(sql`analyze shelter_facilities, shelter_units, shelter_placements`);
    });
    const requests = Array.from({ length: quick ? 40 : 120 }, (_, index) => index);
    const ours = await timeEach(requests, async () => {
      const response = await client.get('/api/shelters');
      if (response.status !== 200) throw new Error(`GET /api/shelters answered ${response.status}`);
    });
    const baseline = await timeEach(requests, () =>
      asSystem(app.database.db, (tx) =>
        tx.execute(sql`
          select f.id, f.name, u.id as unit_id, u.beds, p.resident_sex, p.resident_age_group, count(p.id) as occupied
          from shelter_facilities f join shelter_units u on u.facility_id = f.id
          left join shelter_placements p on p.unit_id = u.id and p.ended_on is null
          group by f.id, f.name, u.id, u.beds, p.resident_sex, p.resident_age_group`),
      ),
    );
    return latencyEntries('occupancy-board', ours, baseline);
  },
};
