import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { HTCDS_COLUMNS, type HtcdsExportQuery } from '@seamless/contracts';
import { and, eq, gte, isNull, lt, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { recordRefusedRead } from '../../audit/refusedReads.js';
import { addDays } from '../../commands/openCase.js';
import { asActor } from '../../db/actorContext.js';
import { cases, persons } from '../../db/schema/index.js';
import { type ExportAudit, exportedCaseRows } from '../../htcds/export/exportedCases.js';
import type { CellValue } from '../../htcds/sheet/cells.js';
import { writeSheet } from '../../htcds/sheet/writeSheet.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { traceOf } from '../../http/errorTrace.js';
import { forbidden } from '../../http/problem.js';
import { type Actor, dbActorOf } from '../../policies/actor.js';
import { canExportHtcds, canExportIdentities } from '../../policies/htcdsExchange.js';
import { contentDisposition } from '../caseRecord/attachments.js';
import { htcdsExportSchema } from './schema.js';

const MEDIA_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/** The credit the HTCDS licence asks for (shared/reference/README.md), and no claim of endorsement. */
const ATTRIBUTION =
  'Human Trafficking Case Data Standard (HTCDS) by IOM, licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Columns prefixed sls_ are Seamless extensions (docs/htcds.md). IOM does not endorse Seamless.';

function exportFilter(query: HtcdsExportQuery): SQL | undefined {
  return and(
    isNull(persons.mergedIntoId),
    query.status ? eq(cases.status, query.status) : undefined,
    query.traffickingStatus ? eq(cases.traffickingStatus, query.traffickingStatus) : undefined,
    query.openedFrom ? gte(cases.openedAt, new Date(`${query.openedFrom}T00:00:00Z`)) : undefined,
    query.openedTo ? lt(cases.openedAt, new Date(`${addDays(query.openedTo, 1)}T00:00:00Z`)) : undefined,
  );
}

function* headerRows(layout: HtcdsExportQuery['layout']): Generator<CellValue[]> {
  yield HTCDS_COLUMNS.map((column) => column.name);
  if (layout === 'toolkit') yield HTCDS_COLUMNS.map((column) => column.label);
}

/**
 * `GET /api/exports/htcds` (DESIGN.md §8): the cases the caller may export, as an HTCDS
 * spreadsheet streamed a page of cases at a time. Identity columns only on request and with
 * `export:identities`; otherwise persons appear by pseudonym. Audited before the first byte, and
 * each page of cases in the transaction that reads it (`export.cases`, under the export's id).
 */
export function exportRoutes(app: FastifyInstance, { database, keyRing }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/exports/htcds', { schema: htcdsExportSchema }, async (request, reply) => {
    const actor = actorOf(request);
    const query = request.query;
    const identities = query.identities === 'true';
    if (!canExportHtcds(actor) || (identities && !canExportIdentities(actor))) {
      const reason = canExportHtcds(actor) ? 'identities_not_allowed' : 'export_not_allowed';
      await asActor(db, dbActorOf(actor), (tx) => recordRefusedRead(tx, auditContextOf(request), { read: 'htcds_export', reason }));
      throw forbidden();
    }
    const exportedAt = new Date();
    const filter = {
      status: query.status,
      traffickingStatus: query.traffickingStatus,
      openedFrom: query.openedFrom,
      openedTo: query.openedTo,
    };
    const audit = { context: auditContextOf(request), exportId: randomUUID() };
    await asActor(db, dbActorOf(actor), (tx) =>
      recordAudit(tx, audit.context, {
        action: 'export.created',
        resourceType: 'htcds_export',
        resourceId: audit.exportId,
        details: { format: query.format, layout: query.layout, identities, filter },
      }),
    );
    const out = new PassThrough();
    const rows = allRows(db, actor, query, identities, audit);
    const metadata = [
      ['Export', 'HTCDS 2.0 cases from Seamless'],
      ['Exported by', `${actor.username} (${actor.agencyName})`],
      ['Exported at', exportedAt.toISOString()],
      ['Filter', JSON.stringify(filter)],
      ['Identities', identities ? 'included' : 'pseudonymised'],
      ['Attribution', ATTRIBUTION],
    ] as const;
    writeSheet(rows, out, { format: query.format, sheetName: 'HTCDS', metadata, metadataSheetName: 'About' }).catch((error) => {
      // The message may quote a value of the rows being written: class and frames only.
      request.log.error(traceOf(error), 'export failed while streaming');
      out.destroy(error as Error);
    });
    const fileName = `htcds-export-${exportedAt.toISOString().slice(0, 10)}.${query.format}`;
    return reply.header('content-type', MEDIA_TYPES[query.format]).header('content-disposition', contentDisposition(fileName)).send(out);
  });

  async function* allRows(db: typeof database.db, actor: Actor, query: HtcdsExportQuery, identities: boolean, audit: ExportAudit) {
    yield* headerRows(query.layout);
    yield* exportedCaseRows(db, keyRing, actor, exportFilter(query), identities, audit);
  }
}
