import type { CrossBorderReferral, CrossBorderReferralSummary } from '@seamless/contracts';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { partnerById, partnerNames } from '../federation/partners.js';
import { withheldFromReceiver } from '../federation/threads.js';
import { type Actor, has } from '../policies/actor.js';
import { crossBorderReferralActions } from '../policies/crossBorderReferral.js';
import { type CrossBorderReferralContent, openReferralContent } from './record.js';
import { type CrossBorderReferralRow, referralStandingOf } from './thread.js';

/** Who she is, as sent: only for a reader whose role opens identity. */
function personOf(content: CrossBorderReferralContent, actor: Actor): CrossBorderReferral['person'] {
  const person = content.person;
  if (!person || !has(actor, 'section:identity')) return null;
  const name = person.nameAsWritten ?? [person.givenName, person.familyName].filter(Boolean).join(' ');
  return {
    name: name || null,
    sex: person.gender,
    birthDate: person.birthDate ?? null,
    citizenship: person.citizenship[0] ?? null,
    homeAddress: person.address ?? null,
  };
}

/**
 * A referral across a border as the reader may see it. Once her consent is withdrawn, the
 * receiving side keeps only that the referral existed and how it ended: not why, nor who she is.
 */
export async function presentCrossBorderReferral(
  tx: Tx,
  keyRing: KeyRing,
  actor: Actor,
  row: CrossBorderReferralRow,
): Promise<CrossBorderReferral> {
  const content = openReferralContent(keyRing, row);
  const partner = (await partnerById(tx, row.partnerId))!;
  const withheld = withheldFromReceiver(row);
  const standing = referralStandingOf(row, partner);
  return {
    id: row.id,
    side: row.side,
    status: row.status,
    partner: { id: partner.id, name: partner.name, country: partner.countryCode },
    caseId: row.caseId,
    sendingCaseReference: row.sendingCaseReference,
    serviceArea: row.serviceArea,
    urgency: row.urgency,
    sections: row.sections,
    reason: withheld ? null : content.reason,
    details: withheld ? null : content.details,
    person: withheld ? null : personOf(content, actor),
    answer: content.answer,
    outcome: content.outcome,
    withdrawal: content.withdrawal,
    consentWithdrawn: row.consentWithdrawnAt !== null,
    actions: crossBorderReferralActions(actor, standing),
    sentAt: row.sentAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function referralSummariesOf(tx: Tx, rows: CrossBorderReferralRow[]): Promise<CrossBorderReferralSummary[]> {
  const byId = await partnerNames(tx);
  return rows.map((row) => ({
    id: row.id,
    side: row.side,
    status: row.status,
    partner: byId.get(row.partnerId)!,
    caseId: row.caseId,
    sendingCaseReference: row.sendingCaseReference,
    serviceArea: row.serviceArea,
    urgency: row.urgency,
    sentAt: row.sentAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}
