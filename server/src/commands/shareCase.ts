import type { CaseShareInput } from '@seamless/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { agencies, caseAccess, consents } from '../db/schema/index.js';
import type { CaseView } from '../db/visibleCases.js';
import { localToday } from '../followUp/schedule.js';
import { fieldError, notFound } from '../http/problem.js';
import { consentRefusal, consentRefused } from '../policies/consent.js';
import { type CaseEventActor, recordCaseEvent } from './recordCaseEvent.js';

export type ShareCaseProps = {
  tx: Tx;
  actor: CaseEventActor;
  audit: AuditContext;
  view: CaseView;
  input: CaseShareInput;
  now?: Date;
};

/**
 * Opens the case to another agency, for the sections the person agreed to, on the strength of
 * one recorded consent; sharing again with the same agency replaces what it was given.
 */
export async function shareCase({ tx, actor, audit, view, input, now = new Date() }: ShareCaseProps) {
  const { kase } = view;
  if (input.agencyId === kase.ownerAgencyId) {
    throw fieldError(422, 'validation_failed', 'agencyId', 'The agency that owns the case already has all of it.');
  }
  const [agency] = await tx
    .select({ id: agencies.id, countryCode: agencies.countryCode, active: agencies.active })
    .from(agencies)
    .where(eq(agencies.id, input.agencyId));
  if (!agency?.active) throw fieldError(422, 'invalid_reference', 'agencyId', 'No such active agency.');

  const [consent] = await tx
    .select()
    .from(consents)
    .where(and(eq(consents.id, input.consentId), eq(consents.caseId, kase.id)));
  const sections = [...new Set(input.sections)];
  const refusal = consentRefusal(
    consent ?? null,
    { agencyId: agency.id, agencyCountry: agency.countryCode, caseCountry: kase.countryCode, sections },
    localToday(kase.countryCode, now),
  );
  if (refusal) throw consentRefused(refusal);

  const grant = { kind: input.kind, sections, consentId: consent!.id, purpose: consent!.purpose, grantedAt: now, grantedBy: actor.userId };
  const [share] = await tx
    .insert(caseAccess)
    .values({ caseId: kase.id, agencyId: agency.id, ...grant })
    .onConflictDoUpdate({ target: [caseAccess.caseId, caseAccess.agencyId], set: { ...grant, revokedAt: null } })
    .returning();
  const details = { agencyId: agency.id, kind: input.kind, sections, consentId: consent!.id, purpose: consent!.purpose };
  await recordCaseEvent(tx, actor, kase.id, 'case.shared', details);
  await recordAudit(tx, audit, { action: 'case.share', resourceType: 'case', resourceId: kase.id, details });
  return share!;
}

export type UnshareCaseProps = { tx: Tx; actor: CaseEventActor; audit: AuditContext; caseId: string; agencyId: string; now?: Date };

/** Takes the case back from an agency; its history stays, its access ends now. */
export async function unshareCase({ tx, actor, audit, caseId, agencyId, now = new Date() }: UnshareCaseProps) {
  const [revoked] = await tx
    .update(caseAccess)
    .set({ revokedAt: now })
    .where(and(eq(caseAccess.caseId, caseId), eq(caseAccess.agencyId, agencyId), isNull(caseAccess.revokedAt)))
    .returning();
  if (!revoked) throw notFound('The case is not shared with this agency.');
  const details = { agencyId, consentId: revoked.consentId, cause: 'revoked' };
  await recordCaseEvent(tx, actor, caseId, 'case.unshared', details);
  await recordAudit(tx, audit, { action: 'case.unshare', resourceType: 'case', resourceId: caseId, details });
  return revoked;
}
