import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { recordRefusedRead } from '../../audit/refusedReads.js';
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
 * `GET /api/statistics/global-collection`: the identified victims of the reader's country in one
 * ended year as a k-anonymised file for global data collections (DESIGN.md §2 step 9, §4
 * Publication). The database answers counts per combination only; the rows are made from them
 * here. Files could otherwise be differenced: k is fixed and a file is one whole year, so the same
 * year over the same records always gives the same generalisation and rows, and asking again gains
 * nothing. What remains: a record added to that year later changes its file, and two files of the
 * year before and after it may isolate that record; the audit event keeps who took which year, when,
 * and the generalisation and suppression it got.
 */
export function globalCollectionRoutes(app: FastifyInstance, { database, federation }: RouteDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/statistics/global-collection', { schema: globalCollectionExportSchema }, async (request, reply) => {
    const actor = actorOf(request);
    if (!canExportForGlobalCollections(actor)) {
      await asActor(db, dbActorOf(actor), (tx) =>
        recordRefusedRead(tx, auditContextOf(request), { read: 'global_collection_export', reason: 'export_not_allowed' }),
      );
      throw forbidden();
    }
    const { year, format } = request.query;
    const anonymisation = await asActor(db, dbActorOf(actor), async (tx) => {
      const anonymised = anonymise(await countCombinations(tx, year, actor.countryCode));
      await recordAudit(tx, auditContextOf(request), {
        action: 'statistics.global_collection_exported',
        resourceType: 'statistic',
        resourceId: 'global_collection',
        details: { year, format, generalisation: anonymised.generalisation, suppressedPersons: anonymised.suppressedPersons },
      });
      return anonymised;
    });
    const exportedAt = new Date();
    const source = { instanceName: federation.identity.name, instanceId: federation.identity.instanceId, countryCode: actor.countryCode };
    const out = new PassThrough();
    writeCollectionFile(anonymisation, collectionMetadata(anonymisation, year, source, exportedAt), format, out).catch((error) => {
      request.log.error(traceOf(error), 'global collection export failed while streaming');
      out.destroy(error as Error);
    });
    return reply
      .header('content-type', MEDIA_TYPES[format])
      .header('content-disposition', contentDisposition(`global-collection-${actor.countryCode}-${year}.${format}`))
      .header('cache-control', 'no-store')
      .send(out);
  });
}
