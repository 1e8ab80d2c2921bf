import type { CaseSection, ConsentPurpose } from '@seamless/contracts';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { consents } from '../db/schema/index.js';
import type { CaseView } from '../db/visibleCases.js';
import { partnerById } from '../federation/partners.js';
import { localToday } from '../followUp/schedule.js';
import { fieldError } from '../http/problem.js';
import { consentRefused, crossBorderConsentRefusal } from '../policies/consent.js';

/**
 * What anything sent across a border stands on: a partner trusted now, and her consent recorded
 * on this case for this purpose, naming the partner's country and every section sent. Answers
 * both, or throws the problem that says which is missing.
 */
export async function crossBorderGrounds(
  tx: Tx,
  view: CaseView,
  request: { partnerId: string; consentId: string; sections: readonly CaseSection[]; purpose: ConsentPurpose },
  now: Date,
) {
  const { kase } = view;
  const partner = await partnerById(tx, request.partnerId);
  if (!partner) throw fieldError(422, 'invalid_reference', 'partnerId', 'No such partner instance.');
  if (partner.status !== 'active')
    throw fieldError(409, 'partner_not_trusted', 'partnerId', 'This partner instance is suspended or revoked.');
  const [consent] = await tx
    .select()
    .from(consents)
    .where(and(eq(consents.id, request.consentId), eq(consents.caseId, kase.id)));
  const refusal = crossBorderConsentRefusal(
    consent ?? null,
    { partnerCountry: partner.countryCode, caseCountry: kase.countryCode, sections: request.sections, purpose: request.purpose },
    localToday(kase.countryCode, now),
  );
  if (refusal) throw consentRefused(refusal);
  return { partner, consent: consent! };
}
