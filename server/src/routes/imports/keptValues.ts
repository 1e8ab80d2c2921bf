import { HTCDS_COLUMNS, type HtcdsKeptValue, type HtcdsKeptValues } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { placeOf } from '../../db/cipherPlace.js';
import { caseHtcdsValues } from '../../db/schema/index.js';
import { withCase } from '../../http/caseContext.js';
import { forbidden } from '../../http/problem.js';
import { canReadKeptValues } from '../../policies/htcdsExchange.js';
import { keptValuesReadSchema } from './schema.js';

/** What an HTCDS file said of a case that no record of ours holds, shown on the case as written. */
export function keptValuesRoutes(app: FastifyInstance, { database, keyRing }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/cases/:id/htcds-values', { schema: keptValuesReadSchema }, async (request) =>
    withCase(database.db, request, request.params.id, 'read', async ({ tx, actor, view, audit }): Promise<HtcdsKeptValues> => {
      if (!canReadKeptValues(actor, view.involvement)) throw forbidden();
      const [row] = await tx.select().from(caseHtcdsValues).where(eq(caseHtcdsValues.caseId, view.kase.id));
      const kept = row
        ? (JSON.parse(keyRing.decrypt(row.valuesEnc, placeOf(caseHtcdsValues.valuesEnc, row.id))) as Record<string, HtcdsKeptValue>)
        : {};
      // In the order of the HTCDS columns, as the file's reader knows them.
      const items = HTCDS_COLUMNS.filter((column) => column.name in kept).map((column) => ({
        field: column.name,
        label: column.label,
        kind: column.kind,
        value: kept[column.name]!,
      }));
      await recordAudit(tx, audit, {
        action: 'case.read',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { part: 'htcdsValues', fields: items.map((item) => item.field) },
      });
      return { items, importedAt: row?.recordedAt.toISOString() ?? null };
    }),
  );
}
