import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { asActor } from '../../db/actorContext.js';
import { agencies } from '../../db/schema/index.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { offsetOf } from '../../http/listing.js';
import { fieldError, forbidden } from '../../http/problem.js';
import { dbActorOf } from '../../policies/actor.js';
import { canListFigureCases, canReadStatistics } from '../../policies/statistics.js';
import { caseSummariesOf, casesBehindCell, cellKeyProblem } from '../../statistics/cellCases.js';
import { ageBandsOf, breakdownProblem, filterProblem, publicDefinitions } from '../../statistics/definitions.js';
import { computeFigure } from '../../statistics/figures.js';
import { figureCellCasesRouteSchema, figureRouteSchema, statisticDefinitionsRouteSchema } from './schema.js';

/**
 * Statistics (DESIGN.md §2 step 9): the figures of the reader's whole country, counted by the
 * database for the statistics role and leaving it as suppressed counts only (DESIGN.md §4).
 */
export function statisticsRoutes(app: FastifyInstance, { database, keyRing }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/statistics/definitions', { schema: statisticDefinitionsRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canReadStatistics(actor)) throw forbidden();
    return { items: publicDefinitions(), ageBands: ageBandsOf(actor.countryCode) };
  });

  api.get('/api/statistics/figures', { schema: figureRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canReadStatistics(actor)) throw forbidden();
    const query = request.query;
    const by = query.by ?? [];
    const refused = breakdownProblem(query.statistic, by);
    if (refused) throw fieldError(400, 'validation_failed', 'query.by', refused);
    const unfiltered = filterProblem(query.statistic, query);
    if (unfiltered) throw fieldError(400, 'validation_failed', `query.${unfiltered.field}`, unfiltered.message);
    return asActor(db, dbActorOf(actor), async (tx) => {
      if (query.agencyId) {
        const [agency] = await tx
          .select({ id: agencies.id })
          .from(agencies)
          .where(and(eq(agencies.id, query.agencyId), eq(agencies.countryCode, actor.countryCode)));
        if (!agency) throw fieldError(400, 'validation_failed', 'query.agencyId', 'No such agency in your country.');
      }
      const table = await computeFigure(tx, query, actor.countryCode);
      await recordAudit(tx, auditContextOf(request), {
        action: 'statistics.read',
        resourceType: 'statistic',
        resourceId: query.statistic,
        details: {
          from: query.from,
          to: query.to,
          by,
          agencyId: query.agencyId ?? null,
          child: query.child ?? null,
          sex: query.sex ?? null,
        },
      });
      return table;
    });
  });

  api.get('/api/statistics/figures/cases', { schema: figureCellCasesRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canListFigureCases(actor)) throw forbidden();
    const query = request.query;
    const refused = breakdownProblem(query.statistic, query.by ?? []);
    if (refused) throw fieldError(400, 'validation_failed', 'query.by', refused);
    const unfiltered = filterProblem(query.statistic, query);
    if (unfiltered) throw fieldError(400, 'validation_failed', `query.${unfiltered.field}`, unfiltered.message);
    return asActor(db, dbActorOf(actor), async (tx) => {
      const unknownKey = await cellKeyProblem(tx, actor.countryCode, query, query.by ?? [], query.keys ?? []);
      if (unknownKey) throw fieldError(400, 'validation_failed', 'query.keys', unknownKey);
      const behind = await casesBehindCell(tx, query, actor.countryCode);
      const start = offsetOf(query.page, query.pageSize);
      const page = behind.slice(start, start + query.pageSize);
      const summaries = await caseSummariesOf(
        tx,
        actor,
        keyRing,
        page.map((entry) => entry.caseId),
      );
      const items = page.flatMap(({ caseId, countedOn }) => {
        const summary = summaries.get(caseId);
        return summary ? [{ countedOn, case: summary }] : [];
      });
      await recordAudit(tx, auditContextOf(request), {
        action: 'case.list',
        resourceType: 'case',
        details: {
          caseIds: items.map((item) => item.case.id),
          statistic: query.statistic,
          from: query.from,
          to: query.to,
          by: query.by ?? [],
          keys: query.keys ?? [],
        },
      });
      return { items, total: behind.length, page: query.page, pageSize: query.pageSize };
    });
  });
}
