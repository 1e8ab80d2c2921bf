import { randomUUID } from 'node:crypto';
import { type ConsentInput, isChild } from '@seamless/contracts';
import { inArray } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import { agencies, consents, countries } from '../db/schema/index.js';
import type { CaseView } from '../db/visibleCases.js';
import { localToday } from '../followUp/schedule.js';
import { fieldError } from '../http/problem.js';
import { isoDay } from './openCase.js';
import { type CaseEventActor, recordCaseEvent } from './recordCaseEvent.js';

export type RecordConsentProps = {
  tx: Tx;
  keyRing: KeyRing;
  actor: CaseEventActor;
  audit: AuditContext;
  view: CaseView;
  input: ConsentInput;
  now?: Date;
};

const unique = <T>(values: readonly T[]) => [...new Set(values)];

function assertCalendarDate(day: string, path: string) {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || isoDay(date) !== day) throw fieldError(400, 'validation_failed', path, 'Not a calendar date.');
}

/** Every listed id must exist; the path names the first one that does not. */
async function assertAllExist(path: string, wanted: readonly string[], found: (ids: string[]) => Promise<string[]>) {
  if (!wanted.length) return;
  const known = new Set(await found([...wanted]));
  const missing = wanted.findIndex((id) => !known.has(id));
  if (missing >= 0) throw fieldError(422, 'invalid_reference', `${path}.${missing}`, 'No such record.');
}

/**
 * Who gives consent: the person, or for a child her guardian (DESIGN.md §4). A child is a person
 * under 18 at intake or when trafficked — a child case stays one after she turns 18.
 */
function assertGiver(view: CaseView, input: ConsentInput) {
  const child = isChild(view.kase.ageAtIntake) || isChild(view.victimContext?.ageWhenTrafficked);
  if (child && input.givenBy !== 'guardian') {
    throw fieldError(422, 'validation_failed', 'givenBy', 'The person is a child: her guardian gives consent.');
  }
  if (input.givenBy === 'guardian' && !input.guardianName) {
    throw fieldError(422, 'validation_failed', 'guardianName', 'Name the guardian who gave consent.');
  }
  if (input.givenBy === 'victim' && (input.guardianName || input.guardianRelationship)) {
    const path = input.guardianName ? 'guardianName' : 'guardianRelationship';
    throw fieldError(422, 'validation_failed', path, 'Only consent given by a guardian names a guardian.');
  }
}

/** Records what the person (or her guardian) agreed to: with whom, what, why, until when. */
export async function recordConsent({ tx, keyRing, actor, audit, view, input, now = new Date() }: RecordConsentProps) {
  assertCalendarDate(input.givenOn, 'givenOn');
  if (input.expiresOn) assertCalendarDate(input.expiresOn, 'expiresOn');
  // Her day, not the server's: at 00:30 in Bangkok the UTC calendar still shows yesterday.
  if (input.givenOn > localToday(view.kase.countryCode, now))
    throw fieldError(422, 'validation_failed', 'givenOn', 'Consent cannot be given in the future.');
  if (input.expiresOn && input.expiresOn <= input.givenOn) {
    throw fieldError(422, 'validation_failed', 'expiresOn', 'Consent must expire after the day it was given.');
  }
  assertGiver(view, input);
  const agencyIds = unique(input.agencyIds);
  const countryCodes = unique(input.countries);
  await assertAllExist('agencyIds', agencyIds, async (ids) =>
    (await tx.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, ids))).map((row) => row.id),
  );
  await assertAllExist('countries', countryCodes, async (codes) =>
    (await tx.select({ code: countries.code }).from(countries).where(inArray(countries.code, codes))).map((row) => row.code),
  );

  const consentId = randomUUID();
  const [consent] = await tx
    .insert(consents)
    .values({
      id: consentId,
      caseId: view.kase.id,
      purpose: input.purpose,
      sections: unique(input.sections),
      agencyIds,
      countries: countryCodes,
      givenBy: input.givenBy,
      guardianNameEnc: keyRing.encrypt(input.guardianName, placeOf(consents.guardianNameEnc, consentId)),
      guardianRelationship: input.guardianRelationship ?? null,
      givenOn: input.givenOn,
      expiresOn: input.expiresOn ?? null,
      recordedBy: actor.userId,
      recordedAt: now,
    })
    .returning();
  const terms = {
    consentId: consent!.id,
    purpose: consent!.purpose,
    sections: consent!.sections,
    agencyIds,
    countries: countryCodes,
    givenBy: consent!.givenBy,
    expiresOn: consent!.expiresOn,
  };
  await recordCaseEvent(tx, actor, view.kase.id, 'consent.recorded', terms);
  await recordAudit(tx, audit, {
    action: 'consent.record',
    resourceType: 'consent',
    resourceId: consent!.id,
    details: { caseId: view.kase.id, ...terms },
  });
  return consent!;
}
