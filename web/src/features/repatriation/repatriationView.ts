import {
  type CaseSection,
  type Consent,
  type ConsentPurpose,
  type ConsentRefusal,
  EXPLOITATION_TYPES,
  GENDERS,
  IDENTITY_DOCUMENT_TYPES,
  type Repatriation,
  type RepatriationStatus,
  TRAFFICKING_STATUSES,
} from '@seamless/contracts';
import type { TFunction } from 'i18next';
import { oneOf } from '../../lib/oneOf';

/** The way home, step by step: both sides show where a repatriation stands on this line. */
export const PROGRESS_STEPS = [
  'requested',
  'nationality_verified',
  'family_assessed',
  'accepted',
  'handover_planned',
  'handed_over',
] as const satisfies readonly RepatriationStatus[];

/** The statuses that end a repatriation before the handover. */
const STOPPING_STATUSES = ['nationality_not_confirmed', 'declined', 'withdrawn'] as const satisfies readonly RepatriationStatus[];
export type StoppingStatus = (typeof STOPPING_STATUSES)[number];

export const STATUS_COLORS: Record<RepatriationStatus, string> = {
  requested: 'blue',
  nationality_verified: 'blue',
  nationality_not_confirmed: 'red',
  family_assessed: 'blue',
  accepted: 'teal',
  declined: 'red',
  handover_planned: 'teal',
  handed_over: 'green',
  withdrawn: 'gray',
};

export interface Progress {
  /** How many of PROGRESS_STEPS are done; the next one is the step in hand (all done at six). */
  completed: number;
  stoppedBy: StoppingStatus | null;
}

/**
 * How far the repatriation came, from its status and from the records it holds, so one withdrawn
 * after the family assessment still shows that the assessment was done.
 */
export function repatriationProgress(
  repatriation: Pick<Repatriation, 'status' | 'verification' | 'familyAssessment' | 'decision' | 'plan'>,
): Progress {
  const byStatus = (PROGRESS_STEPS as readonly string[]).indexOf(repatriation.status) + 1;
  const byRecord = [
    true,
    repatriation.verification?.outcome === 'confirmed',
    !!repatriation.familyAssessment,
    repatriation.decision?.decision === 'accept',
    !!repatriation.plan,
  ].findIndex((done) => !done);
  const recorded = byRecord === -1 ? 5 : byRecord;
  return { completed: Math.max(byStatus, recorded), stoppedBy: oneOf(repatriation.status, STOPPING_STATUSES) ?? null };
}

export type ConsentUnusable = 'consent_withdrawn' | 'consent_expired' | 'purpose_not_covered';

/** Why a consent on file cannot carry this exchange at all, whatever is chosen with it; null when it can. */
export function consentUnusable(
  consent: Pick<Consent, 'active' | 'withdrawnAt' | 'purpose'>,
  purpose: ConsentPurpose,
): ConsentUnusable | null {
  if (consent.withdrawnAt) return 'consent_withdrawn';
  if (!consent.active) return 'consent_expired';
  return consent.purpose === purpose ? null : 'purpose_not_covered';
}

/**
 * Why a usable consent still would not cover this request: the partner's country or a chosen
 * section missing from it. Checked before sending; the server checks again and its answer counts.
 */
export function requestConsentGap(
  consent: Pick<Consent, 'countries' | 'sections'>,
  request: { country: string; sections: readonly CaseSection[] },
): ConsentRefusal | null {
  if (!consent.countries.includes(request.country)) return 'country_not_covered';
  if (request.sections.some((section) => !consent.sections.includes(section))) return 'section_not_covered';
  return null;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A `datetime-local` input's value for this moment on the user's clock. */
export function localDateTimeValue(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** The instant a `datetime-local` value names on the user's clock, as the API takes it; empty when it names none. */
export function instantOf(local: string): string {
  const date = new Date(local);
  return local && !Number.isNaN(date.getTime()) ? date.toISOString() : '';
}

/*
 * Labels for what the other country sent as plain strings: a value this catalogue does not know
 * (its vocabulary may be newer) shows as sent rather than as a missing key.
 */

export function genderLabel(t: TFunction, value: string): string {
  const gender = oneOf(value, GENDERS);
  return gender ? t(`gender.${gender}`) : value;
}

export function documentTypeLabel(t: TFunction, value: string): string {
  const type = oneOf(value, IDENTITY_DOCUMENT_TYPES);
  return type ? t(`vocab.documentType.${type}`) : value;
}

export function traffickingStatusLabel(t: TFunction, value: string): string {
  const status = oneOf(value, TRAFFICKING_STATUSES);
  return status ? t(`traffickingStatus.${status}`) : value;
}

export function exploitationLabel(t: TFunction, value: string): string {
  const type = oneOf(value, EXPLOITATION_TYPES);
  return type ? t(`vocab.exploitationType.${type}`) : value;
}
