import { randomUUID } from 'node:crypto';
import path from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import { ATTACHMENT_MAX_BYTES, type RecordSection } from '@seamless/contracts';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { recordRefusedRead } from '../../audit/refusedReads.js';
import { recordCaseEvent } from '../../commands/recordCaseEvent.js';
import { placeOf } from '../../db/cipherPlace.js';
import { agencies, attachments } from '../../db/schema/index.js';
import { AttachmentStore, sha256Of } from '../../files/attachmentStore.js';
import { pdfActiveContent } from '../../files/pdfActiveContent.js';
import { safeFileName, sniffMediaType } from '../../files/sniffMediaType.js';
import { stripImageMetadata, UnreadableImageError } from '../../files/stripImageMetadata.js';
import { withCase } from '../../http/caseContext.js';
import { actorOf } from '../../http/context.js';
import { fieldError, notFound } from '../../http/problem.js';
import { uploadProblem } from '../../http/upload.js';
import { presentAttachment } from '../../presenters/caseRecord.js';
import { assertMayWriteSection, assertOpen, mayReadRecordSection, readableRecordSections } from './guards.js';
import { attachmentDownloadSchema, attachmentFieldsSchema, attachmentListSchema, attachmentUploadSchema } from './schema.js';

type Upload = { fileName: string; bytes: Buffer; section: RecordSection };

const MULTIPART_LIMITS = { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 1_000 };

/** Reads the form: one file in the field `file` (at most ATTACHMENT_MAX_BYTES) and its `section`. */
async function readUpload(request: FastifyRequest): Promise<Upload> {
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      const bytes = await part.toBuffer();
      if (part.fieldname !== 'file') throw fieldError(400, 'validation_failed', part.fieldname, 'Send the file in the field "file".');
      file = { fileName: part.filename, bytes };
    }
  } catch (error) {
    throw uploadProblem(error, ATTACHMENT_MAX_BYTES);
  }
  const parsed = attachmentFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const path = issue?.code === 'unrecognized_keys' ? (issue.keys[0] ?? 'section') : 'section';
    throw fieldError(
      400,
      'validation_failed',
      path,
      issue?.code === 'unrecognized_keys' ? 'Unexpected field.' : 'Not a section of the record.',
    );
  }
  const { section } = parsed.data;
  if (!file?.bytes.length) throw fieldError(400, 'validation_failed', 'file', 'Attach a file.');
  return { ...file, section };
}

const rfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Always a download, never shown inline; the plain `filename` is an ASCII stand-in for clients that ignore `filename*`. */
/** A stored file as a download: never sniffed, never run, never shown inline as a page. */
export const sendStoredFile = (reply: FastifyReply, file: { mediaType: string; fileName: string; bytes: Buffer }) =>
  reply
    .header('content-type', file.mediaType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.bytes);

export function contentDisposition(fileName: string) {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/**
 * Files on a case: sniffed from their bytes, photos stripped of EXIF/GPS, stored encrypted and
 * content-addressed. The multipart parser is registered only inside this plugin, so no other
 * route accepts file uploads.
 */
export function attachmentRoutes(app: FastifyInstance, { database, keyRing, config }: AppDeps) {
  const { db } = database;
  const store = new AttachmentStore(path.join(config.dataDir, 'attachments'), keyRing);

  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: MULTIPART_LIMITS, throwFileSizeLimit: true });
    const api = scope.withTypeProvider<ZodTypeProvider>();

    api.get('/api/cases/:id/attachments', { schema: attachmentListSchema }, async (request) =>
      withCase(db, request, request.params.id, 'read', async ({ tx, actor, view, audit }) => {
        const sections = readableRecordSections(actor, view.involvement);
        const rows = await tx
          .select({
            attachment: attachments,
            authorName: sql<string | null>`app_user_display_name(${attachments.uploadedBy})`,
            authorAgencyName: agencies.name,
          })
          .from(attachments)
          .innerJoin(agencies, eq(agencies.id, attachments.uploadedByAgencyId))
          .where(and(eq(attachments.caseId, view.kase.id), isNull(attachments.deletedAt), inArray(attachments.section, sections)))
          .orderBy(desc(attachments.createdAt), desc(attachments.id));
        await recordAudit(tx, audit, {
          action: 'case.read',
          resourceType: 'case',
          resourceId: view.kase.id,
          details: { part: 'attachments', sections },
        });
        return {
          items: rows.map((row) =>
            presentAttachment({ ...row.attachment, authorName: row.authorName, authorAgencyName: row.authorAgencyName }, keyRing),
          ),
        };
      }),
    );

    api.post('/api/cases/:id/attachments', { schema: attachmentUploadSchema }, async (request, reply) => {
      const caseId = request.params.id;
      // Authorised before a byte is read, in a transaction of its own: an upload can be slow, and on
      // PGlite every other request waits while a transaction is open.
      const involvement = await withCase(db, request, caseId, 'comment', async ({ view }) => {
        assertOpen(view);
        return view.involvement;
      });
      const upload = await readUpload(request);
      assertMayWriteSection(actorOf(request), upload.section, involvement);
      const mediaType = await sniffMediaType(upload.bytes);
      if (!mediaType) throw fieldError(415, 'unsupported_file_type', 'file', 'Send a PDF, JPEG, PNG or WebP file.');
      if (mediaType === 'application/pdf' && pdfActiveContent(upload.bytes)) {
        throw fieldError(
          422,
          'unsafe_file',
          'file',
          'The PDF contains scripts or automatic actions, or parts that could not be checked; print it to a new PDF and upload that.',
        );
      }
      let content: Buffer;
      try {
        content = await stripImageMetadata(upload.bytes, mediaType);
      } catch (error) {
        if (error instanceof UnreadableImageError) throw fieldError(415, 'unsupported_file_type', 'file', 'The image could not be read.');
        throw error;
      }
      const fileName = safeFileName(upload.fileName, mediaType);

      const saved = await withCase(db, request, caseId, 'comment', async ({ tx, actor, view, audit }) => {
        assertOpen(view);
        assertMayWriteSection(actor, upload.section, view.involvement);
        const id = randomUUID();
        const [row] = await tx
          .insert(attachments)
          .values({
            id,
            caseId,
            section: upload.section,
            fileNameEnc: keyRing.encrypt(fileName, placeOf(attachments.fileNameEnc, id)),
            mediaType,
            sizeBytes: content.length,
            sha256: sha256Of(content),
            uploadedBy: actor.userId,
            uploadedByAgencyId: actor.agencyId,
          })
          .returning();
        // Written after the row, inside its transaction: a refused insert leaves nothing on disk.
        await store.put(content);
        await recordCaseEvent(
          tx,
          actor,
          caseId,
          'attachment.added',
          { attachmentId: row!.id, mediaType },
          upload.section === 'general' ? null : upload.section,
        );
        await recordAudit(tx, audit, {
          action: 'case.attachment_upload',
          resourceType: 'case',
          resourceId: caseId,
          details: { attachmentId: row!.id, section: upload.section, mediaType, sizeBytes: content.length, sha256: row!.sha256 },
        });
        return { ...row!, authorName: actor.displayName, authorAgencyName: actor.agencyName };
      });
      return reply.status(201).send(presentAttachment(saved, keyRing));
    });

    api.get('/api/cases/:id/attachments/:attachmentId', { schema: attachmentDownloadSchema }, async (request, reply) => {
      const file = await withCase(db, request, request.params.id, 'read', async ({ tx, actor, view, audit }) => {
        const [row] = await tx
          .select()
          .from(attachments)
          .where(and(eq(attachments.id, request.params.attachmentId), eq(attachments.caseId, view.kase.id), isNull(attachments.deletedAt)));
        if (!row) return null;
        // A file in a section the caller may not read is answered like one that does not exist,
        // and the attempt is kept: this transaction commits, the 404 follows it.
        if (!mayReadRecordSection(actor, row.section, view.involvement)) {
          await recordRefusedRead(tx, audit, {
            read: 'attachment',
            caseId: view.kase.id,
            attachmentId: row.id,
            reason: 'section_not_held',
          });
          return null;
        }
        const bytes = await store.get(row.sha256);
        await recordAudit(tx, audit, {
          action: 'case.attachment_read',
          resourceType: 'case',
          resourceId: view.kase.id,
          details: { attachmentId: row.id, section: row.section },
        });
        return { bytes, mediaType: row.mediaType, fileName: keyRing.decrypt(row.fileNameEnc, placeOf(attachments.fileNameEnc, row.id)) };
      });
      if (!file) throw notFound();
      return sendStoredFile(reply, file);
    });
  });
}
