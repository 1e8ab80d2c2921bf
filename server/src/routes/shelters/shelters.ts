import type { CaseShelter, ShelterFacilityInput, ShelterFacilityUpdate } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { admitResident } from '../../commands/admitResident.js';
import { dischargeResident } from '../../commands/dischargeResident.js';
import { transferResident } from '../../commands/transferResident.js';
import type { KeyRing } from '../../crypto/keyRing.js';
import { placeOf } from '../../db/cipherPlace.js';
import type { Tx } from '../../db/client.js';
import { agencies, shelterFacilities, shelterFacilityContacts, shelterUnits } from '../../db/schema/index.js';
import { lockVersion, saveVersion } from '../../db/versioned.js';
import { asPermittedActor } from '../../http/asPermittedActor.js';
import { type CaseContext, withCase } from '../../http/caseContext.js';
import { auditContextOf } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/problem.js';
import type { Actor } from '../../policies/actor.js';
import { canFacility, canPlacement, canShelters, type PlacementAction } from '../../policies/shelter.js';
import { loadCasePlacements } from '../../shelters/casePlacements.js';
import { localToday } from '../../shelters/countdown.js';
import { loadFacilities, totalsByCountry, unitOccupied } from '../../shelters/facilities.js';
import { loadResidents } from '../../shelters/residents.js';
import { unitChangeErrors } from '../../shelters/unitChanges.js';
import { lockUnitBeds } from '../../shelters/unitLock.js';
import {
  admitRouteSchema,
  caseShelterGetRouteSchema,
  dischargeRouteSchema,
  shelterCreateRouteSchema,
  shelterGetRouteSchema,
  shelterListRouteSchema,
  shelterResidentsRouteSchema,
  shelterUnitCreateRouteSchema,
  shelterUnitUpdateRouteSchema,
  shelterUpdateRouteSchema,
  transferRouteSchema,
} from './schema.js';

/** The case's shelter tab as the actor may see it after a read or a change. */
async function caseShelter({ tx, actor, view }: CaseContext, keyRing: KeyRing): Promise<CaseShelter> {
  const today = localToday(view.kase.countryCode, new Date());
  const placements = await loadCasePlacements(tx, keyRing, view.kase.id, today);
  return {
    today,
    current: placements.find((placement) => placement.endedOn === null) ?? null,
    history: placements.filter((placement) => placement.endedOn !== null),
    abilities: { place: canPlacement(actor, 'place', view.involvement), override: canPlacement(actor, 'override', view.involvement) },
  };
}

/** Address and phone go to the contacts table (owning agency only), encrypted. */
async function saveContacts(tx: Tx, keyRing: KeyRing, facilityId: string, input: Pick<ShelterFacilityInput, 'address' | 'phone'>) {
  if (input.address === undefined && input.phone === undefined) return;
  const values = {
    ...(input.address !== undefined
      ? { addressEnc: keyRing.encrypt(input.address, placeOf(shelterFacilityContacts.addressEnc, facilityId)) }
      : {}),
    ...(input.phone !== undefined ? { phoneEnc: keyRing.encrypt(input.phone, placeOf(shelterFacilityContacts.phoneEnc, facilityId)) } : {}),
  };
  await tx
    .insert(shelterFacilityContacts)
    .values({ id: facilityId, ...values })
    .onConflictDoUpdate({ target: shelterFacilityContacts.id, set: { ...values, updatedAt: new Date() } });
}

const fieldsOf = (input: Partial<ShelterFacilityUpdate>) => Object.keys(input).filter((key) => key !== 'version');
const changedFields = <T extends object>(current: T, changes: Partial<T>) =>
  (Object.keys(changes) as (keyof T)[]).filter((key) => changes[key] !== current[key]);

/** Shelters: facilities and their beds, residents of one's own shelters, and placements on a case. */
export function shelterRoutes(app: FastifyInstance, { database, keyRing }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  const asShelterActor = <T>(request: FastifyRequest, allowed: (actor: Actor) => boolean, work: (tx: Tx, actor: Actor) => Promise<T>) =>
    asPermittedActor(db, request, allowed, work);
  const facilityOf = async (tx: Tx, actor: Actor, id: string) => {
    const [facility] = await loadFacilities(tx, actor, keyRing, localToday(actor.countryCode, new Date()), eq(shelterFacilities.id, id));
    if (!facility) throw notFound();
    return facility;
  };
  const onPlacement = <T>(request: FastifyRequest, caseId: string, action: PlacementAction, work: (context: CaseContext) => Promise<T>) =>
    withCase(db, request, caseId, 'read', async (context) => {
      if (!canPlacement(context.actor, action, context.view.involvement)) throw forbidden();
      return work(context);
    });

  api.get('/api/shelters', { schema: shelterListRouteSchema }, async (request) =>
    asShelterActor(
      request,
      (actor) => canShelters(actor, 'list'),
      async (tx, actor) => {
        const today = localToday(actor.countryCode, new Date());
        const items = await loadFacilities(tx, actor, keyRing, today);
        return {
          today,
          items,
          totals: totalsByCountry(items),
          abilities: { create: canShelters(actor, 'create'), residents: items.some((facility) => facility.abilities.seeResidents) },
        };
      },
    ),
  );

  api.get('/api/shelters/residents', { schema: shelterResidentsRouteSchema }, async (request) =>
    asShelterActor(
      request,
      (actor) => canFacility(actor, 'seeResidents', { agencyId: actor.agencyId }),
      async (tx, actor) => {
        const today = localToday(actor.countryCode, new Date());
        const items = await loadResidents(tx, actor, keyRing, today);
        await recordAudit(tx, auditContextOf(request), {
          action: 'shelter.residents_read',
          resourceType: 'agency',
          resourceId: actor.agencyId,
          details: { caseIds: items.map((resident) => resident.caseId) },
        });
        return { today, items };
      },
    ),
  );

  api.get('/api/shelters/:shelterId', { schema: shelterGetRouteSchema }, async (request) =>
    asShelterActor(
      request,
      (actor) => canShelters(actor, 'list'),
      async (tx, actor) => {
        const today = localToday(actor.countryCode, new Date());
        const facility = await facilityOf(tx, actor, request.params.shelterId);
        if (!facility.abilities.seeResidents) return { today, facility, residents: null };
        const residents = await loadResidents(tx, actor, keyRing, today, [facility.id]);
        await recordAudit(tx, auditContextOf(request), {
          action: 'shelter.residents_read',
          resourceType: 'shelter',
          resourceId: facility.id,
          details: { caseIds: residents.map((resident) => resident.caseId) },
        });
        return { today, facility, residents };
      },
    ),
  );

  api.post('/api/shelters', { schema: shelterCreateRouteSchema }, async (request, reply) => {
    const facility = await asShelterActor(
      request,
      (actor) => canShelters(actor, 'create'),
      async (tx, actor) => {
        const { address, phone, ...input } = request.body;
        const [agency] = await tx.select({ countryCode: agencies.countryCode }).from(agencies).where(eq(agencies.id, actor.agencyId));
        const [row] = await tx
          .insert(shelterFacilities)
          .values({
            ...input,
            district: input.district ?? null,
            stayLimitDays: input.stayLimitDays ?? null,
            agencyId: actor.agencyId,
            countryCode: agency!.countryCode,
          })
          .returning({ id: shelterFacilities.id });
        await saveContacts(tx, keyRing, row!.id, { address, phone });
        await recordAudit(tx, auditContextOf(request), {
          action: 'shelter.facility_create',
          resourceType: 'shelter',
          resourceId: row!.id,
          details: { fields: fieldsOf(request.body) },
        });
        return facilityOf(tx, actor, row!.id);
      },
    );
    return reply.status(201).send(facility);
  });

  api.patch('/api/shelters/:shelterId', { schema: shelterUpdateRouteSchema }, async (request) =>
    asShelterActor(
      request,
      (actor) => canShelters(actor, 'create'),
      async (tx, actor) => {
        const existing = await facilityOf(tx, actor, request.params.shelterId);
        if (!existing.abilities.manage) throw forbidden();
        const { version, address, phone, ...changes } = request.body;
        const current = await lockVersion(tx, shelterFacilities, existing.id, version);
        await saveVersion(tx, shelterFacilities, current, changes);
        await saveContacts(tx, keyRing, current.id, { address, phone });
        await recordAudit(tx, auditContextOf(request), {
          action: 'shelter.facility_update',
          resourceType: 'shelter',
          resourceId: current.id,
          details: { fields: fieldsOf(request.body) },
        });
        return facilityOf(tx, actor, current.id);
      },
    ),
  );

  api.post('/api/shelters/:shelterId/units', { schema: shelterUnitCreateRouteSchema }, async (request, reply) => {
    const facility = await asShelterActor(
      request,
      (actor) => canShelters(actor, 'create'),
      async (tx, actor) => {
        const existing = await facilityOf(tx, actor, request.params.shelterId);
        if (!existing.abilities.manage) throw forbidden();
        const [unit] = await tx
          .insert(shelterUnits)
          .values({ ...request.body, facilityId: existing.id })
          .returning({ id: shelterUnits.id });
        await recordAudit(tx, auditContextOf(request), {
          action: 'shelter.facility_update',
          resourceType: 'shelter',
          resourceId: existing.id,
          details: { change: 'unit_added', unitId: unit!.id },
        });
        return facilityOf(tx, actor, existing.id);
      },
    );
    return reply.status(201).send(facility);
  });

  api.patch('/api/shelters/:shelterId/units/:unitId', { schema: shelterUnitUpdateRouteSchema }, async (request) =>
    asShelterActor(
      request,
      (actor) => canShelters(actor, 'create'),
      async (tx, actor) => {
        await lockUnitBeds(tx, request.params.unitId);
        const existing = await facilityOf(tx, actor, request.params.shelterId);
        if (!existing.abilities.manage) throw forbidden();
        const unit = existing.units.find((candidate) => candidate.id === request.params.unitId);
        if (!unit) throw notFound();
        const { version, ...changes } = request.body;
        const current = await lockVersion(tx, shelterUnits, unit.id, version);
        const errors = unitChangeErrors(unit, await unitOccupied(tx, unit.id), request.body);
        if (errors.length) throw new AppError(422, 'validation_failed', 'The people living in this unit forbid the change.', errors);
        await saveVersion(tx, shelterUnits, current, changes);
        await recordAudit(tx, auditContextOf(request), {
          action: 'shelter.facility_update',
          resourceType: 'shelter',
          resourceId: existing.id,
          details: { change: 'unit_updated', unitId: unit.id, fields: changedFields(current, changes) },
        });
        return facilityOf(tx, actor, existing.id);
      },
    ),
  );

  api.get('/api/cases/:id/shelter', { schema: caseShelterGetRouteSchema }, async (request) =>
    onPlacement(request, request.params.id, 'read', async (context) => {
      const result = await caseShelter(context, keyRing);
      await recordAudit(context.tx, context.audit, {
        action: 'case.read',
        resourceType: 'case',
        resourceId: context.view.kase.id,
        details: {
          part: 'shelter',
          placementIds: [result.current, ...result.history].flatMap((placement) => (placement ? [placement.id] : [])),
        },
      });
      return result;
    }),
  );

  api.post('/api/cases/:id/shelter/admit', { schema: admitRouteSchema }, async (request, reply) => {
    const result = await onPlacement(request, request.params.id, 'place', async (context) => {
      await admitResident({ ...context, keyRing, input: request.body });
      return caseShelter(context, keyRing);
    });
    return reply.status(201).send(result);
  });

  api.post('/api/cases/:id/shelter/transfer', { schema: transferRouteSchema }, async (request) =>
    onPlacement(request, request.params.id, 'place', async (context) => {
      await transferResident({ ...context, keyRing, input: request.body });
      return caseShelter(context, keyRing);
    }),
  );

  api.post('/api/cases/:id/shelter/discharge', { schema: dischargeRouteSchema }, async (request) =>
    onPlacement(request, request.params.id, 'place', async (context) => {
      await dischargeResident({ ...context, keyRing, input: request.body });
      return caseShelter(context, keyRing);
    }),
  );
}
