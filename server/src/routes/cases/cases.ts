import { CASE_SECTIONS, type PersonUpdate, sectionPermission } from '@seamless/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { changedFields, recordAudit } from '../../audit/record.js';
import { assertAssignable, notifyCaseAssigned } from '../../commands/assignCase.js';
import { statusChanges } from '../../commands/changeCaseStatus.js';
import { assertBirthDate, openCase, personColumns } from '../../commands/openCase.js';
import { recordCaseEvent } from '../../commands/recordCaseEvent.js';
import { recordIdentityVersion, replaceOwnPersonIdentity } from '../../commands/writePersonIdentity.js';
import type { KeyRing } from '../../crypto/keyRing.js';
import { asActor } from '../../db/actorContext.js';
import type { Tx } from '../../db/client.js';
import { agencyWritesIdentity } from '../../db/identityAccess.js';
import { looksLikeCaseReference, matchingPersonIds } from '../../db/nameSearch.js';
import { cases, persons, victimContexts } from '../../db/schema/index.js';
import { lockVersion, saveVersion } from '../../db/versioned.js';
import { type CaseView, caseListFilter, filtersOnVictimContext, loadCaseView, loadCaseViewPage } from '../../db/visibleCases.js';
import { localToday } from '../../followUp/schedule.js';
import { assertCaseFormAnswers, formAnswerColumns, visibleFormAnswers } from '../../forms/formConfiguration.js';
import { storedFormAnswers } from '../../forms/storedFormAnswers.js';
import { type CaseContext, withCase } from '../../http/caseContext.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { offsetOf, orderFrom } from '../../http/listing.js';
import { AppError, conflict, forbidden, notFound } from '../../http/problem.js';
import { birthDateErrors } from '../../identification/recordDates.js';
import { type Actor, dbActorOf, has } from '../../policies/actor.js';
import { canCase, canReadSection, readableSections } from '../../policies/case.js';
import { loadIdentitySection, presentCaseDetail, presentCaseSummary, presentVictimContext } from '../../presenters/case.js';
import {
  caseCreateRouteSchema,
  caseGetSchema,
  caseListSchema,
  caseUpdateRouteSchema,
  personUpdateRouteSchema,
  victimContextRouteSchema,
} from './schema.js';

const SORTABLE = {
  openedAt: cases.openedAt,
  updatedAt: cases.updatedAt,
  reference: cases.reference,
  identificationDueOn: cases.identificationDueOn,
};

const formScopeOf = (view: CaseView) => ({ countryCode: view.kase.countryCode, agencyId: view.kase.ownerAgencyId });

async function detailOf(tx: Tx, actor: Actor, keyRing: KeyRing, view: CaseView) {
  const identity = canReadSection(actor, 'identity', view.involvement) ? await loadIdentitySection(tx, keyRing, view) : null;
  const formAnswers = await visibleFormAnswers(tx, keyRing, formScopeOf(view), view.kase, readableSections(actor, view.involvement));
  if (!view.detail) throw new Error('A case page is presented from a case loaded with its detail');
  return presentCaseDetail(
    { ...view, kase: { ...view.kase, formAnswers } },
    actor,
    keyRing,
    identity,
    view.intakeAgencyName,
    view.detail.identificationProgress,
  );
}

/** The sections a role opens on a case its agency owns (what a new intake's creator may fill in). */
const roleSections = (actor: Actor) => CASE_SECTIONS.filter((section) => has(actor, sectionPermission(section)));

/** Re-reads a case after a change, so the answer shows what the database now holds. */
async function reloaded(context: CaseContext, keyRing: KeyRing) {
  const view = await loadCaseView(context.tx, context.actor, context.view.kase.id, { detail: true });
  if (!view) throw notFound();
  return detailOf(context.tx, context.actor, keyRing, view);
}

export function caseRoutes(app: FastifyInstance, { database, keyRing }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/cases', { schema: caseListSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canCase(actor, 'list')) throw forbidden();
    const { page, pageSize, sort, ...filters } = request.query;
    return asActor(db, dbActorOf(actor), async (tx) => {
      // Names are searched only by roles that read identity, and only where they hold it (the
      // search function applies the identity rule of row-level security).
      const nameMatches =
        filters.q && !looksLikeCaseReference(filters.q) && has(actor, 'section:identity')
          ? await matchingPersonIds(tx, filters.q)
          : undefined;
      const where = caseListFilter(actor, filters, nameMatches);
      const order = [orderFrom(sort, SORTABLE, '-updatedAt'), asc(cases.id)];
      const { views, total } = await loadCaseViewPage(tx, actor, where, order, {
        limit: pageSize,
        offset: offsetOf(page, pageSize),
        victimContext: filtersOnVictimContext(filters),
      });
      await recordAudit(tx, auditContextOf(request), {
        action: 'case.list',
        resourceType: 'case',
        details: { caseIds: views.map((view) => view.kase.id) },
      });
      return { items: views.map((view) => presentCaseSummary(view, actor, keyRing)), total, page, pageSize };
    });
  });

  api.get('/api/cases/:id', { schema: caseGetSchema }, async (request) =>
    withCase(
      db,
      request,
      request.params.id,
      'read',
      async ({ tx, actor, view, audit }) => {
        const detail = await detailOf(tx, actor, keyRing, view);
        await recordAudit(tx, audit, {
          action: 'case.read',
          resourceType: 'case',
          resourceId: view.kase.id,
          details: {
            sections: detail.abilities.sections.filter((section) => section !== 'identity' || detail.sections.identity),
            involvement: view.involvement?.kind,
          },
        });
        return detail;
      },
      { detail: true },
    ),
  );

  api.post('/api/cases', { schema: caseCreateRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    if (!canCase(actor, 'create')) throw forbidden();
    const detail = await asActor(db, dbActorOf(actor), async (tx) => {
      const ownerAgencyId = request.body.assignToAgencyId ?? actor.agencyId;
      await assertCaseFormAnswers(
        tx,
        { countryCode: actor.countryCode, agencyId: ownerAgencyId },
        request.body.formAnswers,
        {},
        roleSections(actor),
      );
      const kase = await openCase({
        tx,
        keyRing,
        audit: auditContextOf(request),
        agencyId: actor.agencyId,
        userId: actor.userId,
        countryCode: actor.countryCode,
        input: request.body,
        mayLinkIdentity: has(actor, 'section:identity'),
      });
      const view = await loadCaseView(tx, actor, kase.id, { detail: true });
      if (!view) throw notFound();
      return detailOf(tx, actor, keyRing, view);
    });
    return reply.status(201).send(detail);
  });

  api.patch('/api/cases/:id', { schema: caseUpdateRouteSchema }, async (request) =>
    withCase(db, request, request.params.id, 'update', async (context) => {
      const { tx, actor, view, audit } = context;
      const { version, ...body } = request.body;
      const current = await lockVersion(tx, cases, view.kase.id, version);
      const changes: Partial<typeof cases.$inferInsert> = { ...statusChanges(current, request.body) };
      if (body.stage) changes.stage = body.stage;
      if (body.urgency) changes.urgency = body.urgency;
      if (body.locale) changes.locale = body.locale;
      if (body.formAnswers) {
        const stored = storedFormAnswers(keyRing, current.id, current);
        await assertCaseFormAnswers(tx, formScopeOf(view), body.formAnswers, stored, readableSections(actor, view.involvement));
        Object.assign(
          changes,
          await formAnswerColumns(tx, keyRing, current.id, formScopeOf(view), { ...stored, ...body.formAnswers }, current),
        );
      }
      if (body.ownerUserId !== undefined) {
        if (body.ownerUserId) await assertAssignable(tx, current, body.ownerUserId);
        changes.ownerUserId = body.ownerUserId;
      }
      await saveVersion(tx, cases, current, changes);
      const fields = changedFields(current, changes);
      if (changes.status)
        await recordCaseEvent(tx, actor, current.id, 'case.status_changed', {
          from: current.status,
          to: changes.status,
          closureReason: changes.closureReason ?? null,
        });
      if (changes.ownerUserId !== undefined && changes.ownerUserId !== current.ownerUserId) {
        await recordCaseEvent(tx, actor, current.id, 'case.owner_changed', { ownerUserId: changes.ownerUserId });
        await notifyCaseAssigned(tx, actor, current, changes.ownerUserId);
      }
      const other = Object.keys(fields).filter(
        (field) => !['status', 'closureReason', 'closedAt', 'ownerUserId', 'formIdentityEnc'].includes(field),
      );
      if (other.length) await recordCaseEvent(tx, actor, current.id, 'case.updated', { fields: other });
      // That identity answers changed is itself about her identity: only its readers see the entry.
      if (fields.formIdentityEnc) await recordCaseEvent(tx, actor, current.id, 'case.updated', { fields: ['formAnswers'] }, 'identity');
      await recordAudit(tx, audit, { action: 'case.update', resourceType: 'case', resourceId: current.id, details: { changes: fields } });
      return reloaded(context, keyRing);
    }),
  );

  api.patch('/api/cases/:id/person', { schema: personUpdateRouteSchema }, async (request) =>
    withCase(db, request, request.params.id, 'update', async (context) => {
      const { tx, actor, view, audit } = context;
      if (!canReadSection(actor, 'identity', view.involvement)) throw forbidden();
      // Her identity is one record across agencies: only an agency holding it on every case she has edits it.
      if (!(await agencyWritesIdentity(tx, actor.agencyId, view.person.id))) throw forbidden();
      const { version, ...person } = request.body as PersonUpdate;
      const now = new Date();
      assertBirthDate(person.birthDate, 'birthDate', localToday(view.kase.countryCode, now));
      const birthErrors = await birthDateErrors(tx, view.person.id, person.birthDate);
      if (birthErrors.length) throw new AppError(422, 'validation_failed', birthErrors[0]!.message, birthErrors);
      const current = await lockVersion(tx, persons, view.person.id, version);
      const columns = personColumns(keyRing, current.id, person, now);
      const saved = await saveVersion(tx, persons, current, columns);
      const recorder = { agencyId: actor.agencyId, userId: actor.userId };
      await replaceOwnPersonIdentity(tx, keyRing, current.id, person, recorder);
      await recordIdentityVersion(tx, saved, recorder);
      await recordCaseEvent(tx, actor, view.kase.id, 'person.updated', {}, 'identity');
      await recordAudit(tx, audit, {
        action: 'person.update',
        resourceType: 'person',
        resourceId: current.id,
        details: { caseId: view.kase.id, changes: changedFields(current, columns) },
      });
      return reloaded(context, keyRing);
    }),
  );

  api.put('/api/cases/:id/victim-context', { schema: victimContextRouteSchema }, async (request) =>
    withCase(db, request, request.params.id, 'update', async ({ tx, actor, view, audit }) => {
      const { version, ...context } = request.body;
      const [current] = await tx.select().from(victimContexts).where(eq(victimContexts.caseId, view.kase.id)).for('update');
      if ((current?.version ?? 0) !== version) {
        throw conflict(undefined, { version: current?.version ?? 0, updatedAt: current?.updatedAt.toISOString() ?? null });
      }
      const values = {
        ...context,
        recruitmentPlace: context.recruitmentPlace ?? null,
        recruitmentCountry: context.recruitmentCountry ?? null,
        ageWhenTrafficked: context.ageWhenTrafficked ?? null,
        exploitationCountry: context.exploitationCountry ?? null,
      };
      const [saved] = current
        ? await tx
            .update(victimContexts)
            .set({ ...values, version: version + 1, updatedAt: new Date() })
            .where(and(eq(victimContexts.caseId, view.kase.id), eq(victimContexts.version, version)))
            .returning()
        : await tx
            .insert(victimContexts)
            .values({ caseId: view.kase.id, ...values })
            .returning();
      await tx.update(cases).set({ updatedAt: new Date() }).where(eq(cases.id, view.kase.id));
      await recordCaseEvent(tx, actor, view.kase.id, 'victim_context.updated', {
        fields: Object.keys(changedFields(current ?? {}, values)),
      });
      await recordAudit(tx, audit, {
        action: 'case.update',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { victimContext: changedFields(current ?? {}, values) },
      });
      return presentVictimContext(saved!)!;
    }),
  );
}
