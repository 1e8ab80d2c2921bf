import type {
  CaseSection,
  FamilyAssessmentOutcome,
  HandoverSignatureInput,
  PersonInput,
  ReintegrationOutlook,
  RepatriationChannel,
  RepatriationSide,
  RepatriationStatus,
} from '@seamless/contracts';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import { type ConsentSnapshot, type consents, repatriations } from '../db/schema/index.js';
import type { AttachmentMediaType } from '../files/sniffMediaType.js';

/** The sending country's identification, kept so that the receiving country need not interview her again. */
export type IdentificationAsSent = {
  traffickingStatus: string | null;
  exploitationForms: string[];
  identifiedOn: string | null;
  identifiedBy: string | null;
  interviewSummary: string | null;
};

/** A file sent with the request, kept in this instance's encrypted store by its content address. */
export type FileAsSent = { fileName: string; mediaType: AttachmentMediaType; sizeBytes: number; sha256: string; section: CaseSection };

/** A bilateral meeting as this side holds it; `ownNotes` never leave this side. */
export type BilateralMeeting = {
  id: string;
  proposedBy: RepatriationSide;
  scheduledFor: string;
  mode: 'video' | 'phone' | 'in_person';
  where: string;
  agenda: string;
  agreed: { text: string; recordedBy: RepatriationSide; at: string } | null;
  ownNotes: string | null;
};

export type HandoverSignature = Required<Omit<HandoverSignatureInput, 'officerTitle'>> & { officerTitle: string | null };

/**
 * What one repatriation holds, the same on both sides: the request as sent and every answer. It
 * names the person, so it is stored encrypted as one document (`repatriations.content_enc`).
 */
export type RepatriationContent = {
  person: PersonInput | null;
  identification: IdentificationAsSent | null;
  reason: string;
  attachments: FileAsSent[];
  verification: { outcome: 'confirmed' | 'not_confirmed'; method: string; verifiedOn: string; notes: string | null } | null;
  familyAssessment: { outcome: FamilyAssessmentOutcome; familyTraced: boolean; assessedOn: string; summary: string } | null;
  decision: { decision: 'accept' | 'decline'; reason: string } | null;
  plan: { date: string; channel: RepatriationChannel; handoverPoint: string; notes: string | null } | null;
  signatures: Record<RepatriationSide, HandoverSignature | null>;
  reverified: { reverified: boolean; note: string | null } | null;
  meetings: BilateralMeeting[];
  followUpReports: { visitedOn: string; outlook: ReintegrationOutlook; summary: string; receivedAt: string }[];
  withdrawal: { reason: string; at: string } | null;
};

export const emptyContent = (
  reason: string,
  person: PersonInput | null,
  identification: IdentificationAsSent | null,
  attachments: FileAsSent[],
): RepatriationContent => ({
  person,
  identification,
  reason,
  attachments,
  verification: null,
  familyAssessment: null,
  decision: null,
  plan: null,
  signatures: { sending: null, receiving: null },
  reverified: null,
  meetings: [],
  followUpReports: [],
  withdrawal: null,
});

export const sealContent = (keyRing: KeyRing, id: string, content: RepatriationContent) =>
  keyRing.encrypt(JSON.stringify(content), placeOf(repatriations.contentEnc, id));

export const openContent = (keyRing: KeyRing, id: string, stored: string): RepatriationContent =>
  JSON.parse(keyRing.decrypt(stored, placeOf(repatriations.contentEnc, id)));

export type RepatriationState = { status: RepatriationStatus; content: RepatriationContent };

/** The consent a packet relies on, as it travels: its terms, not who recorded it. */
export const consentSnapshotOf = (consent: typeof consents.$inferSelect): ConsentSnapshot => ({
  id: consent.id,
  purpose: consent.purpose,
  sections: consent.sections,
  countries: consent.countries,
  givenBy: consent.givenBy,
  givenOn: consent.givenOn,
  expiresOn: consent.expiresOn,
});
