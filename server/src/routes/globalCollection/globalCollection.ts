import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { asActor } from '../../db/actorContext.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { traceOf } from '../../http/errorTrace.js';
import { forbidden } from '../../http/problem.js';
import { dbActorOf } from '../../policies/actor.js';
import { canExportForGlobalCollections } from '../../policies/globalCollection.js';
import { anonymise } from '../../statistics/globalCollection/anonymise.js';
import { collectionMetadata, writeCollectionFile } from '../../statistics/globalCollection/collectionFile.js';
import { countCombinations } from '../../statistics/globalCollection/combinations.js';
import { contentDisposition } from '../caseRecord/attachments.js';
import { globalCollectionExportSchema } from './schema.js';

const MEDIA_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/**
 * `GET /api/statistics/global-collection`: the identified victims of the reader's country as a
 * k-anonymised file for global data collections (DESIGN.md §2 step 9, §4 Publication). The
 * database answers counts per combination only; the rows are made from them here. Files of the
 * same years at different k may generalise differently and be laid side by side, which k-anonymity
 * alone does not guard against: the audit event keeps who took which k and generalisation.
 */
export function globalCollectionRoutes(app: FastifyInstance, { database, federation }: RouteDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/statistics/global-collection', { schema: globalCollectionExportSchema }, async (request, reply) => {
    const actor = actorOf(request);
    if (!canExportForGlobalCollections(actor)) throw forbidden();
    const { from, to, k, format } = request.query;
    const years = { firstYear: Number(from.slice(0, 4)), lastYear: Number(to.slice(0, 4)) };
    const anonymisation = await asActor(db, dbActorOf(actor), async (tx) => {
      const combinations = await countCombinations(tx, { from, to }, actor.countryCode);
      const anonymised = anonymise(combinations, k, years);
      await recordAudit(tx, auditContextOf(request), {
        action: 'statistics.global_collection_exported',
        resourceType: 'statistic',
        resourceId: 'global_collection',
        details: { from, to, k, format, generalisation: anonymised.generalisation, suppressedRows: anonymised.suppressedPersons },
      });
      return anonymised;
    });
    const exportedAt = new Date();
    const source = { instanceName: federation.identity.name, instanceId: federation.identity.instanceId, countryCode: actor.countryCode };
    const out = new PassThrough();
    writeCollectionFile(anonymisation, collectionMetadata(anonymisation, { from, to }, source, exportedAt), format, out).catch((error) => {
      request.log.error(traceOf(error), 'global collection export failed while streaming');
      out.destroy(error as Error);
    });
    const fileName = `global-collection-${actor.countryCode}-${from.slice(0, 4)}-${to.slice(0, 4)}-k${k}.${format}`;
    return reply
      .header('content-type', MEDIA_TYPES[format])
      .header('content-disposition', contentDisposition(fileName))
      .header('cache-control', 'no-store')
      .send(out);
  });
}
