import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { changedFields, recordAudit } from '../../audit/record.js';
import { verifyDirectoryContact } from '../../commands/verifyDirectoryContact.js';
import { asActor } from '../../db/actorContext.js';
import type { Tx } from '../../db/client.js';
import { directoryContacts, directoryOrganisations, directoryServices } from '../../db/schema/index.js';
import {
  contactSearchText,
  organisationSearchText,
  partsOf,
  presentContact,
  presentOrganisation,
  presentService,
  searchDirectory,
  serviceSearchText,
  unverifiedContacts,
} from '../../db/serviceDirectory.js';
import { lockVersion, saveVersion } from '../../db/versioned.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { offsetOf } from '../../http/listing.js';
import { fieldError, forbidden, notFound } from '../../http/problem.js';
import { type Actor, dbActorOf, managesWholeDirectory } from '../../policies/actor.js';
import { canAddDirectoryEntries, canManageDirectoryEntry, canReviewDirectoryContacts } from '../../policies/serviceDirectory.js';
import {
  contactCreateRouteSchema,
  contactDeleteRouteSchema,
  contactUpdateRouteSchema,
  contactVerifyRouteSchema,
  directorySearchRouteSchema,
  organisationCreateRouteSchema,
  organisationReadRouteSchema,
  organisationUpdateRouteSchema,
  serviceCreateRouteSchema,
  serviceUpdateRouteSchema,
  unverifiedContactsRouteSchema,
} from './schema.js';
import { directoryExportRoutes } from './serviceDirectoryExport.js';

async function organisationOf(tx: Tx, id: string) {
  const [row] = await tx.select().from(directoryOrganisations).where(eq(directoryOrganisations.id, id));
  if (!row) throw notFound();
  return row;
}

/** The organisation, refused unless the actor keeps its entry (the same rule RLS applies). */
async function managedOrganisation(tx: Tx, actor: Actor, id: string) {
  const row = await organisationOf(tx, id);
  if (!canManageDirectoryEntry(actor, row)) throw forbidden('Only the keepers of this organisation’s directory entry may change it.');
  return row;
}

async function presentedOrganisation(tx: Tx, actor: Actor, id: string, now: Date) {
  const row = await organisationOf(tx, id);
  const parts = await partsOf(tx, [row.id], { includeInactiveServices: true });
  return presentOrganisation(
    row,
    { services: parts.services.get(row.id) ?? [], contacts: parts.contacts.get(row.id) ?? [] },
    canManageDirectoryEntry(actor, row),
    now,
  );
}

/** The service or contact named in the path belongs to the organisation in the path, or 404. */
async function assertServiceOf(tx: Tx, organisationId: string, id: string) {
  const [row] = await tx
    .select({ id: directoryServices.id })
    .from(directoryServices)
    .where(and(eq(directoryServices.id, id), eq(directoryServices.organisationId, organisationId)));
  if (!row) throw notFound();
}

async function assertContactOf(tx: Tx, organisationId: string, id: string) {
  const [row] = await tx
    .select({ id: directoryContacts.id })
    .from(directoryContacts)
    .where(and(eq(directoryContacts.id, id), eq(directoryContacts.organisationId, organisationId)));
  if (!row) throw notFound();
}

async function contactOf(tx: Tx, id: string, countryCode: string) {
  const [row] = await tx
    .select({ contact: directoryContacts, verifiedByName: sql<string | null>`app_user_display_name(${directoryContacts.verifiedBy})` })
    .from(directoryContacts)
    .where(eq(directoryContacts.id, id));
  if (!row) throw notFound();
  return presentContact({ ...row.contact, verifiedByName: row.verifiedByName }, countryCode, new Date());
}

/**
 * The service directory (DESIGN.md §2 step 7): who does what, where, in which language, and whom
 * to call. No victim data: every signed-in user reads it; only its keepers change it.
 */
export function serviceDirectoryRoutes(app: FastifyInstance, deps: AppDeps) {
  const { database } = deps;
  const db = database.db;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/directory/organisations', { schema: directorySearchRouteSchema }, async (request) => {
    const actor = actorOf(request);
    const now = new Date();
    const { page, pageSize } = request.query;
    return asActor(db, dbActorOf(actor), async (tx) => {
      const found = await searchDirectory(tx, request.query, now, { limit: pageSize, offset: offsetOf(page, pageSize) });
      const parts = await partsOf(
        tx,
        found.rows.map((row) => row.id),
        { includeInactiveServices: false },
      );
      return {
        items: found.rows.map((row) =>
          presentOrganisation(
            row,
            { services: parts.services.get(row.id) ?? [], contacts: parts.contacts.get(row.id) ?? [] },
            canManageDirectoryEntry(actor, row),
            now,
          ),
        ),
        total: found.total,
        page,
        pageSize,
        canCreate: canAddDirectoryEntries(actor),
      };
    });
  });

  api.get('/api/directory/organisations/:id', { schema: organisationReadRouteSchema }, async (request) => {
    const actor = actorOf(request);
    return asActor(db, dbActorOf(actor), (tx) => presentedOrganisation(tx, actor, request.params.id, new Date()));
  });

  api.post('/api/directory/organisations', { schema: organisationCreateRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    if (!canAddDirectoryEntries(actor)) throw forbidden();
    const agencyId = request.body.agencyId ?? null;
    if (!managesWholeDirectory(actor) && agencyId !== actor.agencyId) {
      throw fieldError(403, 'forbidden', 'agencyId', 'You may add only your own agency’s organisation to the directory.');
    }
    const organisation = await asActor(db, dbActorOf(actor), async (tx) => {
      const [created] = await tx
        .insert(directoryOrganisations)
        .values({ ...request.body, agencyId, searchText: organisationSearchText(request.body) })
        .returning();
      await recordAudit(tx, auditContextOf(request), {
        action: 'directory.organisation_create',
        resourceType: 'directory_organisation',
        resourceId: created!.id,
      });
      return presentedOrganisation(tx, actor, created!.id, new Date());
    });
    return reply.status(201).send(organisation);
  });

  api.patch('/api/directory/organisations/:id', { schema: organisationUpdateRouteSchema }, async (request) => {
    const actor = actorOf(request);
    const { version, ...changes } = request.body;
    return asActor(db, dbActorOf(actor), async (tx) => {
      await managedOrganisation(tx, actor, request.params.id);
      const current = await lockVersion(tx, directoryOrganisations, request.params.id, version);
      await saveVersion(tx, directoryOrganisations, current, {
        ...changes,
        searchText: organisationSearchText({ ...current, ...changes }),
      });
      await recordAudit(tx, auditContextOf(request), {
        action: 'directory.organisation_update',
        resourceType: 'directory_organisation',
        resourceId: current.id,
        details: { fields: Object.keys(changedFields(current, changes)) },
      });
      return presentedOrganisation(tx, actor, current.id, new Date());
    });
  });

  api.post('/api/directory/organisations/:id/services', { schema: serviceCreateRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    const service = await asActor(db, dbActorOf(actor), async (tx) => {
      const organisation = await managedOrganisation(tx, actor, request.params.id);
      const [created] = await tx
        .insert(directoryServices)
        .values({ ...request.body, organisationId: organisation.id, searchText: serviceSearchText(request.body) })
        .returning();
      await recordAudit(tx, auditContextOf(request), {
        action: 'directory.service_create',
        resourceType: 'directory_service',
        resourceId: created!.id,
        details: { organisationId: organisation.id, serviceArea: created!.serviceArea },
      });
      return presentService(created!);
    });
    return reply.status(201).send(service);
  });

  api.patch('/api/directory/organisations/:id/services/:serviceId', { schema: serviceUpdateRouteSchema }, async (request) => {
    const actor = actorOf(request);
    const { version, ...changes } = request.body;
    return asActor(db, dbActorOf(actor), async (tx) => {
      await managedOrganisation(tx, actor, request.params.id);
      await assertServiceOf(tx, request.params.id, request.params.serviceId);
      const current = await lockVersion(tx, directoryServices, request.params.serviceId, version);
      const merged = { ...current, ...changes };
      if (merged.minAge != null && merged.maxAge != null && merged.minAge > merged.maxAge) {
        throw fieldError(400, 'validation_failed', 'body.maxAge', 'The maximum age is below the minimum age.');
      }
      const updated = await saveVersion(tx, directoryServices, current, { ...changes, searchText: serviceSearchText(merged) });
      await recordAudit(tx, auditContextOf(request), {
        action: 'directory.service_update',
        resourceType: 'directory_service',
        resourceId: current.id,
        details: { organisationId: current.organisationId, fields: Object.keys(changedFields(current, changes)) },
      });
      return presentService(updated);
    });
  });

  api.post('/api/directory/organisations/:id/contacts', { schema: contactCreateRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    const contact = await asActor(db, dbActorOf(actor), async (tx) => {
      const organisation = await managedOrganisation(tx, actor, request.params.id);
      const [created] = await tx
        .insert(directoryContacts)
        .values({ ...request.body, organisationId: organisation.id, searchText: contactSearchText(request.body) })
        .returning();
      await recordAudit(tx, auditContextOf(request), {
        action: 'directory.contact_create',
        resourceType: 'directory_contact',
        resourceId: created!.id,
        details: { organisationId: organisation.id },
      });
      return presentContact({ ...created!, verifiedByName: null }, organisation.countryCode, new Date());
    });
    return reply.status(201).send(contact);
  });

  api.patch('/api/directory/organisations/:id/contacts/:contactId', { schema: contactUpdateRouteSchema }, async (request) => {
    const actor = actorOf(request);
    const { version, ...changes } = request.body;
    return asActor(db, dbActorOf(actor), async (tx) => {
      const organisation = await managedOrganisation(tx, actor, request.params.id);
      await assertContactOf(tx, organisation.id, request.params.contactId);
      const current = await lockVersion(tx, directoryContacts, request.params.contactId, version);
      const updated = await saveVersion(tx, directoryContacts, current, {
        ...changes,
        searchText: contactSearchText({ ...current, ...changes }),
      });
      // Contact details are staff's personal data: the trail names the fields, never their values.
      await recordAudit(tx, auditContextOf(request), {
        action: 'directory.contact_update',
        resourceType: 'directory_contact',
        resourceId: current.id,
        details: { organisationId: organisation.id, fields: Object.keys(changedFields(current, changes)) },
      });
      return contactOf(tx, updated.id, organisation.countryCode);
    });
  });

  api.delete('/api/directory/organisations/:id/contacts/:contactId', { schema: contactDeleteRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    await asActor(db, dbActorOf(actor), async (tx) => {
      const organisation = await managedOrganisation(tx, actor, request.params.id);
      const removed = await tx
        .delete(directoryContacts)
        .where(and(eq(directoryContacts.id, request.params.contactId), eq(directoryContacts.organisationId, organisation.id)))
        .returning({ id: directoryContacts.id });
      if (!removed.length) throw notFound();
      await recordAudit(tx, auditContextOf(request), {
        action: 'directory.contact_delete',
        resourceType: 'directory_contact',
        resourceId: request.params.contactId,
        details: { organisationId: organisation.id },
      });
    });
    return reply.status(204).send();
  });

  api.post('/api/directory/organisations/:id/contacts/:contactId/verify', { schema: contactVerifyRouteSchema }, async (request) => {
    const actor = actorOf(request);
    const now = new Date();
    return asActor(db, dbActorOf(actor), async (tx) => {
      const organisation = await managedOrganisation(tx, actor, request.params.id);
      await assertContactOf(tx, organisation.id, request.params.contactId);
      const context = auditContextOf(request);
      await verifyDirectoryContact(tx, { ...context, actor: context.actor! }, request.params.contactId, now);
      return contactOf(tx, request.params.contactId, organisation.countryCode);
    });
  });

  // For keepers and the reminder job: contacts of the entries the caller keeps that are due for checking.
  api.get('/api/directory/contacts/unverified', { schema: unverifiedContactsRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canReviewDirectoryContacts(actor)) throw forbidden();
    const items = await asActor(db, dbActorOf(actor), (tx) =>
      unverifiedContacts(tx, new Date(), managesWholeDirectory(actor) ? {} : { agencyId: actor.agencyId }),
    );
    return { items };
  });

  directoryExportRoutes(app, deps);
}
