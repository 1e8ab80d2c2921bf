import type { CaseSection, ReferralDirection, ReferralKind, ReferralStatus, ReferralUrgency, ServiceArea } from '@seamless/contracts';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies } from './agencies.js';
import { cases } from './cases.js';
import { consents } from './consent.js';

/**
 * A referral of a case (or of one service need of it), an offer to hand the case over
 * (`kind = 'transfer'`), or a referral with an organisation outside the platform.
 *
 * HTCDS case referral fields map as follows:
 * - outgoing (`direction = 'outgoing'`, the latest row of the case): `cas_ReferredOrganisation` =
 *   name of `to_agency_id`, or `external_organisation`; `cas_OutgoingReferralDate` = `referred_on`;
 *   `cas_ReasonForOutgoingReferral` = `reason`; `cas_OutgoingReferralDetails` = `details_enc`
 *   (decrypt); referred case worker = display name of `answered_by`, or `external_case_worker`.
 * - incoming (`direction = 'incoming'`, recorded by the case owner, `from_agency_id` null):
 *   `cas_ReferringOrganisation` = `external_organisation` (`directory_organisation_id` when listed; or the name of `from_agency_id` for a
 *   referral received on the platform, i.e. an outgoing row whose `to_agency_id` owns the case);
 *   `cas_IncomingReferralDate` = `referred_on`; `cas_ReasonForIncomingReferral` = `reason`;
 *   `cas_IncomingReferralDetails` = `details_enc`; referring case worker = `external_case_worker`,
 *   or the display name of `sent_by`.
 *
 * `case_reference`, `pseudonym` and `country_code` are copied when the referral is sent: the
 * receiver decides on them before it may see the case row, never on the person's identity.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').$type<ReferralKind>().notNull().default('referral'),
    direction: text('direction').$type<ReferralDirection>().notNull().default('outgoing'),
    fromAgencyId: uuid('from_agency_id').references(() => agencies.id),
    toAgencyId: uuid('to_agency_id').references(() => agencies.id),
    externalOrganisation: text('external_organisation'),
    externalCaseWorker: text('external_case_worker'),
    /** The outside organisation as listed in the service directory (foreign key in migration 0010). */
    directoryOrganisationId: uuid('directory_organisation_id'),
    /** The directory service asked for (foreign key in migration 0010). */
    directoryServiceId: uuid('directory_service_id'),
    serviceArea: text('service_area').$type<ServiceArea>(),
    consentId: uuid('consent_id').references(() => consents.id),
    /** What the receiver gets on acceptance; for a transfer, what the former owner keeps. */
    sections: text('sections').array().$type<CaseSection[]>().notNull().default([]),
    reason: text('reason').notNull(),
    /** Case content (it may name people): encrypted, shown to the receiver only once it accepted. */
    detailsEnc: text('details_enc'),
    urgency: text('urgency').$type<ReferralUrgency>().notNull().default('routine'),
    referredOn: date('referred_on').notNull(),
    dueOn: date('due_on'),
    status: text('status').$type<ReferralStatus>().notNull().default('pending'),
    caseReference: text('case_reference').notNull(),
    pseudonym: text('pseudonym').notNull(),
    countryCode: text('country_code').notNull(),
    recordedByAgencyId: uuid('recorded_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    sentBy: uuid('sent_by').references(() => users.id),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    outcome: text('outcome'),
    finishedBy: uuid('finished_by').references(() => users.id),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('referrals_case_idx').on(t.caseId, t.createdAt),
    index('referrals_to_idx').on(t.toAgencyId, t.status, t.dueOn),
    index('referrals_from_idx').on(t.fromAgencyId, t.status),
  ],
);
