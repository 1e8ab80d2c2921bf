import type { Actor } from './actor.js';
import { type CaseInvolvement, canReadSection } from './case.js';

/** Why an official document of a case is refused; the 403 says it and the audit trail keeps the code. */
export type CaseDocumentRefusal = 'identity_section_missing' | 'emergency_access_only';

export const CASE_DOCUMENT_REFUSALS: Record<CaseDocumentRefusal, string> = {
  identity_section_missing: 'The document names the person: it needs the identity section of the case.',
  emergency_access_only:
    'Emergency access opens what keeps the person safe to read; it does not issue official documents. Ask the agency working on the case.',
};

/**
 * An official document naming the person (the victim certificate) is issued only to a reader
 * holding the identity section through her agency's own involvement: owner, or a share or
 * referral granting it. Emergency access is for reading, never for issuing copies, so the
 * section a running break-the-glass grant opens does not count.
 */
/**
 * The involvement a document issued from the system may draw on: a running emergency grant is
 * for reading on screen, so it opens nothing in a file that leaves the system.
 */
export function documentInvolvement(involvement: CaseInvolvement): CaseInvolvement {
  if (!involvement || involvement.kind === 'break_glass') return null;
  return { ...involvement, breakGlassUntil: null };
}

export function caseDocumentRefusal(actor: Actor, involvement: CaseInvolvement): CaseDocumentRefusal | null {
  if (!involvement || !canReadSection(actor, 'identity', involvement)) return 'identity_section_missing';
  if (!canReadSection(actor, 'identity', documentInvolvement(involvement))) return 'emergency_access_only';
  return null;
}
