import { randomUUID } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MEDIA_TYPES, CASE_SECTIONS, type CaseSection } from '@seamless/contracts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { CaseEventActor } from '../commands/recordCaseEvent.js';
import { recordCaseEvent } from '../commands/recordCaseEvent.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import { attachments } from '../db/schema/index.js';
import { PacketRefused } from '../federation/inbox.js';
import { type AttachmentStore, sha256Of } from '../files/attachmentStore.js';
import { pdfActiveContent } from '../files/pdfActiveContent.js';
import { safeFileName, sniffMediaType } from '../files/sniffMediaType.js';
import { stripImageMetadata } from '../files/stripImageMetadata.js';
import { fieldError } from '../http/problem.js';
import type { FileAsSent } from './record.js';

/** What one packet may carry in files, all together: a request is not a way to move an archive. */
const MOST_BYTES = 20 * 1024 * 1024;

const carriedFileSchema = z.object({
  fileName: z.string().min(1).max(200),
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
  section: z.enum(CASE_SECTIONS),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  data: z.string().max(Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4),
});
export type CarriedFile = z.infer<typeof carriedFileSchema>;
export const carriedFilesSchema = z.array(carriedFileSchema).max(10).default([]);

/**
 * The case's files chosen to go with a request: each must be filed under a section the consent
 * covers and being sent (a file under "general" says nothing of what it holds, so it stays).
 */
export async function filesToSend(
  tx: Tx,
  keyRing: KeyRing,
  store: AttachmentStore,
  caseId: string,
  ids: readonly string[],
  sections: readonly CaseSection[],
): Promise<{ asSent: FileAsSent[]; carried: CarriedFile[] }> {
  if (ids.length === 0) return { asSent: [], carried: [] };
  const rows = await tx
    .select()
    .from(attachments)
    .where(and(eq(attachments.caseId, caseId), inArray(attachments.id, [...ids]), isNull(attachments.deletedAt)));
  if (rows.length !== new Set(ids).size) throw fieldError(422, 'invalid_reference', 'attachmentIds', 'Choose files of this case.');
  if (rows.some((row) => !sections.includes(row.section as CaseSection))) {
    throw fieldError(
      422,
      'consent_required',
      'attachmentIds',
      'A file goes only under a section the consent covers and the request sends.',
    );
  }
  if (rows.reduce((sum, row) => sum + row.sizeBytes, 0) > MOST_BYTES) {
    throw fieldError(413, 'payload_too_large', 'attachmentIds', 'The files together are larger than 20 MB.');
  }
  const asSent: FileAsSent[] = rows.map((row) => ({
    fileName: keyRing.decrypt(row.fileNameEnc, placeOf(attachments.fileNameEnc, row.id)),
    mediaType: row.mediaType as FileAsSent['mediaType'],
    section: row.section as CaseSection,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
  }));
  const carried: CarriedFile[] = [];
  for (const { sizeBytes: _size, ...file } of asSent) carried.push({ ...file, data: (await store.get(file.sha256)).toString('base64') });
  return { asSent, carried };
}

/**
 * Files that came with a request, checked as an upload here would be — the bytes match their
 * address, their type is one we accept, a PDF has no active content, images lose their metadata
 * — and kept in this instance's own encrypted store. Any failure refuses the whole packet.
 */
export async function filesReceived(store: AttachmentStore, carried: unknown, sections: readonly CaseSection[]): Promise<FileAsSent[]> {
  const parsed = carriedFilesSchema.safeParse(carried);
  if (!parsed.success) throw new PacketRefused('invalid_content');
  const kept: FileAsSent[] = [];
  for (const file of parsed.data) {
    if (!sections.includes(file.section)) throw new PacketRefused('consent_not_covering');
    const bytes = Buffer.from(file.data, 'base64');
    if (sha256Of(bytes) !== file.sha256 || (await sniffMediaType(bytes)) !== file.mediaType) throw new PacketRefused('invalid_content');
    if (file.mediaType === 'application/pdf' && pdfActiveContent(bytes)) throw new PacketRefused('invalid_content');
    const content = await stripImageMetadata(bytes, file.mediaType).catch(() => {
      throw new PacketRefused('invalid_content');
    });
    kept.push({
      fileName: safeFileName(file.fileName, file.mediaType),
      mediaType: file.mediaType,
      section: file.section,
      sha256: await store.put(content),
      sizeBytes: content.length,
    });
  }
  return kept;
}

/** The request's files become the new case's, filed under the same sections, recorded as added by the opener. */
export async function attachToCase(tx: Tx, keyRing: KeyRing, actor: CaseEventActor, caseId: string, files: readonly FileAsSent[]) {
  for (const file of files) {
    const id = randomUUID();
    await tx.insert(attachments).values({
      id,
      caseId,
      section: file.section,
      fileNameEnc: keyRing.encrypt(file.fileName, placeOf(attachments.fileNameEnc, id)),
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      uploadedBy: actor.userId,
      uploadedByAgencyId: actor.agencyId,
    });
    await recordCaseEvent(tx, actor, caseId, 'attachment.added', { attachmentId: id, mediaType: file.mediaType }, file.section);
  }
}
