import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { asActor } from '../../db/actorContext.js';
import { partsOf, presentOrganisation, searchDirectory } from '../../db/serviceDirectory.js';
import { renderDirectoryPdf } from '../../documents/serviceDirectoryPdf.js';
import { renderDirectoryWorkbook } from '../../documents/serviceDirectoryXlsx.js';
import { localToday } from '../../followUp/schedule.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { dbActorOf } from '../../policies/actor.js';
import { canManageDirectoryEntry } from '../../policies/serviceDirectory.js';
import { contentDisposition } from '../caseRecord/attachments.js';
import { directoryExportRouteSchema } from './schema.js';

/** A directory is a few hundred organisations; the cap keeps one request's work bounded. */
const MAX_EXPORTED = 2000;
const MEDIA_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' };

/** The directory as a spreadsheet or a printable PDF, filtered like the search; every export is audited. */
export function directoryExportRoutes(app: FastifyInstance, { database }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/directory/export', { schema: directoryExportRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    const now = new Date();
    const { format, locale: wanted, ...search } = request.query;
    // The language the requester is reading in now, else her account's.
    const locale = wanted ?? actor.locale;
    const organisations = await asActor(database.db, dbActorOf(actor), async (tx) => {
      const found = await searchDirectory(tx, search, now, { limit: MAX_EXPORTED, offset: 0 });
      const parts = await partsOf(
        tx,
        found.rows.map((row) => row.id),
        { includeInactiveServices: false },
      );
      await recordAudit(tx, auditContextOf(request), {
        action: 'directory.export',
        resourceType: 'directory',
        details: {
          format,
          organisations: found.rows.length,
          filters: Object.keys(search).filter((key) => search[key as keyof typeof search] !== undefined),
        },
      });
      return found.rows.map((row) =>
        presentOrganisation(
          row,
          { services: parts.services.get(row.id) ?? [], contacts: parts.contacts.get(row.id) ?? [] },
          canManageDirectoryEntry(actor, row),
          now,
        ),
      );
    });
    const printedOn = localToday(actor.countryCode, now);
    const bytes =
      format === 'xlsx'
        ? await renderDirectoryWorkbook(organisations, locale)
        : await renderDirectoryPdf({ organisations, locale, printedBy: actor.displayName, printedOn });
    return reply
      .header('content-type', MEDIA_TYPES[format])
      .header('content-disposition', contentDisposition(`service-directory-${printedOn}.${format}`))
      .send(bytes);
  });
}
