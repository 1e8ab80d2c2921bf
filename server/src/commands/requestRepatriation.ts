import { randomUUID } from 'node:crypto';
import type { RepatriationRequestInput } from '@seamless/contracts';
import { and, eq, notInArray } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { repatriations } from '../db/schema/index.js';
import type { CaseView } from '../db/visibleCases.js';
import type { OutboxSettings } from '../federation/outbox.js';
import { sendOnThread } from '../federation/threads.js';
import type { AttachmentStore } from '../files/attachmentStore.js';
import { conflict, fieldError, forbidden } from '../http/problem.js';
import type { Actor } from '../policies/actor.js';
import { canReadSection } from '../policies/case.js';
import { canRepatriate } from '../policies/repatriation.js';
import { identificationAsSent, personAsSent } from '../repatriation/asSent.js';
import { filesToSend } from '../repatriation/files.js';
import { consentSnapshotOf, emptyContent, sealContent } from '../repatriation/record.js';

import { crossBorderGrounds } from './crossBorderGrounds.js';
import { recordCaseEvent } from './recordCaseEvent.js';

/** Repatriations that ended: a new request may follow one of these, never run beside a live one. */
const ENDED = ['declined', 'nationality_not_confirmed', 'withdrawn'] as const;

export type RequestProps = {
  tx: Tx;
  keyRing: KeyRing;
  outbox: OutboxSettings;
  files: AttachmentStore;
  actor: Actor;
  audit: AuditContext;
  view: CaseView;
  now?: Date;
};

/**
 * The sending country asks a partner country to take her home (DESIGN.md §2 step 6), on the
 * strength of her consent to repatriation naming that country and the sections sent. The request
 * carries the identification, so the receiving country need not interview her again.
 */
export async function requestRepatriation(
  { tx, keyRing, outbox, files, actor, audit, view, now = new Date() }: RequestProps,
  input: Required<Pick<RepatriationRequestInput, 'partnerId' | 'consentId' | 'sections' | 'reason'>> & {
    proposedDate?: string | null;
    attachmentIds?: string[];
  },
) {
  const { kase } = view;
  if (!canRepatriate(actor) || view.involvement?.kind !== 'owner')
    throw forbidden('Only the agency that owns the case asks for its repatriation.');
  const sections = [...new Set(input.sections)];
  if (!sections.includes('identity')) {
    throw fieldError(422, 'validation_failed', 'sections', 'A repatriation request says who she is: include the identity section.');
  }
  const unread = sections.find((section) => !canReadSection(actor, section, view.involvement));
  if (unread) throw fieldError(403, 'forbidden', 'sections', `Your role does not open the ${unread} section, so you cannot send it.`);
  if (kase.traffickingStatus !== 'Identified') {
    throw fieldError(422, 'validation_failed', 'traffickingStatus', 'Only an identified victim is repatriated through a partner country.');
  }
  const { partner, consent } = await crossBorderGrounds(
    tx,
    view,
    { partnerId: input.partnerId, consentId: input.consentId, sections, purpose: 'repatriation' },
    now,
  );
  const [live] = await tx
    .select({ id: repatriations.id })
    .from(repatriations)
    .where(and(eq(repatriations.caseId, kase.id), eq(repatriations.partnerId, partner.id), notInArray(repatriations.status, [...ENDED])));
  if (live) throw conflict('A repatriation of this case to this partner is already under way.');

  const id = randomUUID();
  const person = await personAsSent(tx, keyRing, view, sections);
  const identification = await identificationAsSent(tx, keyRing, view, sections);
  const { asSent, carried } = await filesToSend(tx, keyRing, files, kase.id, input.attachmentIds ?? [], sections);
  const content = emptyContent(input.reason, person, identification, asSent);
  const snapshot = consentSnapshotOf(consent);
  await tx.insert(repatriations).values({
    id,
    side: 'sending',
    partnerId: partner.id,
    agencyId: kase.ownerAgencyId,
    caseId: kase.id,
    sendingCaseReference: kase.reference,
    status: 'requested',
    sections,
    consent: snapshot,
    contentEnc: sealContent(keyRing, id, content),
    proposedDate: input.proposedDate ?? null,
    requestedBy: actor.userId,
    requestedAt: now,
  });
  const packetId = await sendOnThread(
    tx,
    outbox,
    repatriations,
    { id, partnerId: partner.id },
    {
      kind: 'repatriation_request',
      consent: snapshot,
      body: {
        sendingCaseReference: kase.reference,
        sections,
        person,
        identification,
        reason: input.reason,
        proposedDate: input.proposedDate ?? null,
        attachments: carried,
      },
      createdBy: actor.userId,
    },
  );
  const details = { repatriationId: id, partnerId: partner.id, consentId: snapshot.id, sections, packetId };
  await recordCaseEvent(tx, actor, kase.id, 'repatriation.requested', details);
  await recordAudit(tx, audit, {
    action: 'repatriation.request',
    resourceType: 'repatriation',
    resourceId: id,
    details: { caseId: kase.id, ...details },
  });
  return id;
}
