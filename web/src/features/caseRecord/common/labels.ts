import {
  ALL_INDICATORS,
  CASE_EVENT_KINDS,
  IDENTIFICATION_PROCEDURES,
  PROCEDURE_KEYS,
  type ProcedureKey,
  SPOKEN_LANGUAGES,
} from '@seamless/contracts';
import type { ParseKeys, TFunction } from 'i18next';
import { oneOf } from '../../../lib/oneOf';

/*
 * Labels for values the API sends as plain strings (languages of a person, indicators of an
 * interview, timeline kinds). A value the catalogue does not know — written by a newer server —
 * shows as sent rather than as a missing key.
 */

export function languageLabel(t: TFunction, code: string): string {
  const language = oneOf(code, SPOKEN_LANGUAGES);
  return language ? t(`languageName.${language}`) : code;
}

export function indicatorLabel(t: TFunction, key: string): string {
  const indicator = oneOf(key, ALL_INDICATORS);
  return indicator ? t(`identification.indicator.${indicator}`) : key;
}

export function procedureLabel(t: TFunction, key: string): string {
  const procedure = oneOf(key, PROCEDURE_KEYS);
  return procedure ? t(`identification.procedure.${procedure}.name`) : key;
}

/** Step keys are typed per procedure only as strings in the contracts, so the key is checked against the procedure first. */
export function stepLabel(t: TFunction, procedure: ProcedureKey, step: string): string {
  if (!IDENTIFICATION_PROCEDURES[procedure].steps.includes(step)) return step;
  return t(`identification.procedure.${procedure}.step.${step}` as ParseKeys);
}

export function eventKindLabel(t: TFunction, kind: string): string {
  const known = oneOf(kind, CASE_EVENT_KINDS);
  return known ? t(`caseRecord.event.${known}`) : t('caseRecord.event.other');
}
