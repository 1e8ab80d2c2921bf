import type { BreakGlassGrant, CaseShare, Consent } from '@seamless/contracts';
import { and, count, desc, eq, gt, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { breakGlass } from '../../commands/breakGlass.js';
import { recordCaseEvent } from '../../commands/recordCaseEvent.js';
import { recordConsent } from '../../commands/recordConsent.js';
import { separateAgencyRecords } from '../../commands/separateAgencyRecord.js';
import { shareCase, unshareCase } from '../../commands/shareCase.js';
import { withdrawConsent } from '../../commands/withdrawConsent.js';
import type { KeyRing } from '../../crypto/keyRing.js';
import { asActor } from '../../db/actorContext.js';
import { placeOf } from '../../db/cipherPlace.js';
import type { Tx } from '../../db/client.js';
import { agencies, breakGlassGrants, caseAccess, cases, consents } from '../../db/schema/index.js';
import type { CaseView } from '../../db/visibleCases.js';
import { localToday } from '../../followUp/schedule.js';
import { withCase } from '../../http/caseContext.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { offsetOf } from '../../http/listing.js';
import { forbidden } from '../../http/problem.js';
import { type Actor, dbActorOf } from '../../policies/actor.js';
import { canAudit } from '../../policies/audit.js';
import { canCase, canReadSection } from '../../policies/case.js';
import { consentActive } from '../../policies/consent.js';
import {
  breakGlassListRouteSchema,
  breakGlassRouteSchema,
  consentCreateRouteSchema,
  consentListRouteSchema,
  consentWithdrawRouteSchema,
  shareCreateRouteSchema,
  shareDeleteRouteSchema,
  shareListRouteSchema,
} from './schema.js';

type ConsentRow = typeof consents.$inferSelect;

/** Consents of a case with who recorded them; `only` narrows to one consent. */
async function loadConsents(tx: Tx, caseId: string, only?: string) {
  return tx
    .select({ consent: consents, recordedByName: sql<string | null>`app_user_display_name(${consents.recordedBy})` })
    .from(consents)
    .where(and(eq(consents.caseId, caseId), only ? eq(consents.id, only) : undefined))
    .orderBy(desc(consents.recordedAt), desc(consents.id));
}

async function agencyNamesOf(tx: Tx, rows: ConsentRow[]) {
  const ids = [...new Set(rows.flatMap((row) => row.agencyIds))];
  const named = ids.length ? await tx.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, ids)) : [];
  return new Map(named.map((agency) => [agency.id, agency.name]));
}

/** The guardian's name is identity data: it leaves the server only with the identity section. */
function presentConsent(
  row: ConsentRow,
  recordedByName: string | null,
  agencyNames: Map<string, string>,
  guardianName: string | null | undefined,
  today: string,
): Consent {
  return {
    id: row.id,
    purpose: row.purpose as Consent['purpose'],
    sections: row.sections,
    agencies: row.agencyIds.map((id) => ({ id, name: agencyNames.get(id) ?? '' })),
    countries: row.countries,
    givenBy: row.givenBy,
    ...(guardianName !== undefined ? { guardianName } : {}),
    guardianRelationship: row.guardianRelationship,
    givenOn: row.givenOn,
    expiresOn: row.expiresOn,
    recordedByName: recordedByName ?? '',
    recordedAt: row.recordedAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    withdrawalReason: row.withdrawalReason,
    active: consentActive(row, today),
  };
}

async function presentedConsents(
  tx: Tx,
  keyRing: KeyRing,
  kase: { id: string; countryCode: string },
  withIdentity: boolean,
  only?: string,
) {
  const caseId = kase.id;
  const rows = await loadConsents(tx, caseId, only);
  const names = await agencyNamesOf(
    tx,
    rows.map((row) => row.consent),
  );
  const today = localToday(kase.countryCode, new Date());
  return rows.map(({ consent, recordedByName }) =>
    presentConsent(
      consent,
      recordedByName,
      names,
      withIdentity ? keyRing.decrypt(consent.guardianNameEnc, placeOf(consents.guardianNameEnc, consent.id)) : undefined,
      today,
    ),
  );
}

/**
 * The consents this reader may know of: all of them for the owner and for emergency access; for an
 * agency the case was shared with or referred to, only those naming it or backing its own access —
 * not to whom else she agreed to give which parts of her file — and never her words on withdrawing.
 */
async function readerConsentIds(tx: Tx, actor: Actor, view: CaseView): Promise<Set<string> | null> {
  if (!view.involvement || view.involvement.kind === 'owner' || view.involvement.breakGlassUntil) return null;
  const grants = await tx
    .select({ consentId: caseAccess.consentId })
    .from(caseAccess)
    .where(and(eq(caseAccess.caseId, view.kase.id), eq(caseAccess.agencyId, actor.agencyId)));
  const named = await tx
    .select({ id: consents.id })
    .from(consents)
    .where(and(eq(consents.caseId, view.kase.id), sql`${actor.agencyId}::uuid = any(${consents.agencyIds})`));
  return new Set(
    [...grants.map((grant) => grant.consentId), ...named.map((consent) => consent.id)].filter((id): id is string => id !== null),
  );
}

function forReader(items: Consent[], visible: Set<string> | null): Consent[] {
  if (visible === null) return items;
  return items.filter((item) => visible.has(item.id)).map((item) => ({ ...item, withdrawalReason: null }));
}

/** Who else has the case, revoked shares included (the history of whom it went to). */
async function loadShares(tx: Tx, caseId: string, agencyId?: string): Promise<CaseShare[]> {
  const rows = await tx
    .select({ share: caseAccess, agencyName: agencies.name })
    .from(caseAccess)
    .innerJoin(agencies, eq(agencies.id, caseAccess.agencyId))
    .where(and(eq(caseAccess.caseId, caseId), agencyId ? eq(caseAccess.agencyId, agencyId) : undefined))
    .orderBy(desc(caseAccess.grantedAt), desc(caseAccess.agencyId));
  return rows.map(({ share, agencyName }) => ({
    agencyId: share.agencyId,
    agencyName,
    kind: share.kind,
    sections: share.sections,
    consentId: share.consentId,
    grantedAt: share.grantedAt.toISOString(),
    revokedAt: share.revokedAt?.toISOString() ?? null,
  }));
}

/** Grants as the reader may see them; the case reference only where row-level security shows the case. */
async function loadGrants(tx: Tx, where: SQL | undefined, limit: number, offset: number): Promise<BreakGlassGrant[]> {
  const now = new Date();
  const rows = await tx
    .select({
      grant: breakGlassGrants,
      caseReference: cases.reference,
      // The owner agency's admin may not read another agency's users, yet is told who opened her case.
      username: sql<string>`break_glass_username(${breakGlassGrants.id})`,
      agencyName: agencies.name,
    })
    .from(breakGlassGrants)
    .innerJoin(agencies, eq(agencies.id, breakGlassGrants.agencyId))
    .leftJoin(cases, eq(cases.id, breakGlassGrants.caseId))
    .where(where)
    .orderBy(desc(breakGlassGrants.grantedAt), desc(breakGlassGrants.id))
    .limit(limit)
    .offset(offset);
  return rows.map(({ grant, caseReference, username, agencyName }) => ({
    id: grant.id,
    caseId: grant.caseId,
    caseReference,
    username,
    agencyName,
    reason: grant.reason,
    grantedAt: grant.grantedAt.toISOString(),
    expiresAt: grant.expiresAt.toISOString(),
    active: grant.expiresAt > now,
  }));
}

/** Consent (who agreed to what, with whom, until when), consent-checked sharing, and break-the-glass. */
export function consentRoutes(app: FastifyInstance, { database, keyRing, federation }: RouteDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/cases/:id/consents', { schema: consentListRouteSchema }, async (request) =>
    withCase(db, request, request.params.id, 'read', async ({ tx, actor, view, audit }) => {
      const withIdentity = canReadSection(actor, 'identity', view.involvement);
      const items = forReader(await presentedConsents(tx, keyRing, view.kase, withIdentity), await readerConsentIds(tx, actor, view));
      await recordAudit(tx, audit, {
        action: 'case.read',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { part: 'consents', consentIds: items.map((item) => item.id), guardianNames: withIdentity },
      });
      return { items };
    }),
  );

  api.post('/api/cases/:id/consents', { schema: consentCreateRouteSchema }, async (request, reply) => {
    const consent = await withCase(db, request, request.params.id, 'recordConsent', async ({ tx, actor, view, audit }) => {
      const row = await recordConsent({ tx, keyRing, actor, audit, view, input: request.body });
      const [presented] = await presentedConsents(tx, keyRing, view.kase, canReadSection(actor, 'identity', view.involvement), row.id);
      return presented!;
    });
    return reply.status(201).send(consent);
  });

  api.post('/api/cases/:id/consents/:consentId/withdraw', { schema: consentWithdrawRouteSchema }, async (request) => {
    const withdrawn = await withCase(db, request, request.params.id, 'recordConsent', async ({ tx, actor, view, audit }) => {
      const { consentId } = request.params;
      await withdrawConsent({
        tx,
        keyRing,
        outbox: federation.outbox,
        actor,
        audit,
        caseId: view.kase.id,
        consentId,
        reason: request.body.reason,
      });
      const [presented] = await presentedConsents(tx, keyRing, view.kase, canReadSection(actor, 'identity', view.involvement), consentId);
      return presented!;
    });
    // A withdrawal may have to reach partner countries: their packets leave now, not at the next poll.
    federation.delivery.kick();
    return withdrawn;
  });

  api.get('/api/cases/:id/shares', { schema: shareListRouteSchema }, async (request) =>
    withCase(db, request, request.params.id, 'share', async ({ tx, view }) => ({ items: await loadShares(tx, view.kase.id) })),
  );

  api.post('/api/cases/:id/shares', { schema: shareCreateRouteSchema }, async (request) =>
    withCase(db, request, request.params.id, 'share', async ({ tx, actor, view, audit }) => {
      const share = await shareCase({ tx, actor, audit, view, input: request.body });
      // Sharing again may give fewer sections than before, identity among them.
      await separateAgencyRecords(tx, keyRing, audit, view.kase.id, [share.agencyId]);
      const [presented] = await loadShares(tx, view.kase.id, share.agencyId);
      return presented!;
    }),
  );

  api.delete('/api/cases/:id/shares/:agencyId', { schema: shareDeleteRouteSchema }, async (request, reply) => {
    await withCase(db, request, request.params.id, 'share', async ({ tx, actor, view, audit }) => {
      await unshareCase({ tx, actor, audit, caseId: view.kase.id, agencyId: request.params.agencyId });
      await separateAgencyRecords(tx, keyRing, audit, view.kase.id, [request.params.agencyId]);
    });
    return reply.status(204).send();
  });

  api.post('/api/cases/:id/break-glass', { schema: breakGlassRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    if (!canCase(actor, 'breakGlass')) throw forbidden();
    const caseId = request.params.id;
    const grant = await asActor(db, dbActorOf(actor), async (tx) => {
      const row = await breakGlass({ tx, actor, audit: auditContextOf(request), caseId, reason: request.body.reason });
      const [presented] = await loadGrants(tx, eq(breakGlassGrants.id, row.id), 1, 0);
      await recordCaseEvent(tx, actor, caseId, 'case.break_glass', { grantId: row.id, expiresAt: presented!.expiresAt });
      return presented!;
    });
    return reply.status(201).send(grant);
  });

  api.get('/api/admin/break-glass', { schema: breakGlassListRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canAudit(actor, 'read')) throw forbidden();
    const { page, pageSize, active } = request.query;
    const now = new Date();
    const where = active === undefined ? undefined : active ? gt(breakGlassGrants.expiresAt, now) : lte(breakGlassGrants.expiresAt, now);
    // Row-level security narrows agency admins to their own agency's grants and the grants on its cases.
    return asActor(db, dbActorOf(actor), async (tx) => {
      const items = await loadGrants(tx, where, pageSize, offsetOf(page, pageSize));
      const [total] = await tx.select({ value: count() }).from(breakGlassGrants).where(where);
      return { items, total: total?.value ?? 0, page, pageSize };
    });
  });
}
