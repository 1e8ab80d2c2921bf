import type { Attachment, CaseComment, CaseTimelineEntry, Perpetrator, TraffickingEvent } from '@seamless/contracts';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import { attachments, caseComments, type caseEvents, perpetrators, type traffickingEvents } from '../db/schema/index.js';

type TraffickingEventRow = typeof traffickingEvents.$inferSelect;
type PerpetratorRow = typeof perpetrators.$inferSelect;
type Authored = { authorName: string | null; authorAgencyName: string };
export type CommentRow = typeof caseComments.$inferSelect & Authored;
export type AttachmentRow = typeof attachments.$inferSelect & Authored;
export type TimelineRow = typeof caseEvents.$inferSelect & { actorName: string | null; actorAgencyName: string | null };

export function presentTraffickingEvent(row: TraffickingEventRow): TraffickingEvent {
  return {
    id: row.id,
    eventType: row.eventType as TraffickingEvent['eventType'],
    country: row.country,
    place: row.place,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
  };
}

/** The name is identity data of someone who may be prosecuted: only with the legal section or to the owner agency. */
export function presentPerpetrator(row: PerpetratorRow, keyRing: KeyRing, withName: boolean): Perpetrator {
  return {
    id: row.id,
    roles: row.roles as Perpetrator['roles'],
    ...(withName ? { name: keyRing.decrypt(row.nameEnc, placeOf(perpetrators.nameEnc, row.id)) } : {}),
    gender: row.gender as Perpetrator['gender'],
    nationality: row.nationality,
    relationship: row.relationship as Perpetrator['relationship'],
  };
}

/** Only called for comments in a section the caller may read. */
export function presentComment(row: CommentRow, keyRing: KeyRing): CaseComment {
  return {
    id: row.id,
    section: row.section,
    body: keyRing.decrypt(row.bodyEnc, placeOf(caseComments.bodyEnc, row.id)),
    authorName: row.authorName ?? '',
    authorAgencyName: row.authorAgencyName,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Only called for files in a section the caller may read; where the bytes live stays on the server. */
export function presentAttachment(row: AttachmentRow, keyRing: KeyRing): Attachment {
  return {
    id: row.id,
    section: row.section,
    fileName: keyRing.decrypt(row.fileNameEnc, placeOf(attachments.fileNameEnc, row.id)),
    mediaType: row.mediaType as Attachment['mediaType'],
    sizeBytes: row.sizeBytes,
    uploadedByName: row.authorName ?? '',
    uploadedByAgencyName: row.authorAgencyName,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentTimelineEntry(row: TimelineRow): CaseTimelineEntry {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    kind: row.kind,
    section: row.section,
    actorName: row.actorName,
    actorAgencyName: row.actorAgencyName,
    details: row.details,
  };
}
