/*
 * A picklist being edited. Values are kept in the order shown; their `sort` numbers are assigned
 * from that order when saving. A value is never removed, only deactivated: stored answers keep
 * their meaning (the server refuses a list that lacks a value it had).
 */
import { type LocalisedLabels, type LookupList, type LookupValue, SUPPORTED_LOCALES } from '@seamless/contracts';

export interface ListDraft {
  labels: LocalisedLabels;
  values: LookupValue[];
}

/** Gaps between sort numbers leave room for values inserted by hand in a configuration file. */
const SORT_STEP = 10;

function inConfiguredOrder(values: readonly LookupValue[]): LookupValue[] {
  return values
    .map((value, index) => ({ value, index }))
    .sort((a, b) => a.value.sort - b.value.sort || a.index - b.index)
    .map(({ value }) => ({ ...value, labels: { ...value.labels } }));
}

export function draftOfList(list: Pick<LookupList, 'labels' | 'values'>): ListDraft {
  return { labels: { ...list.labels }, values: inConfiguredOrder(list.values) };
}

export function moveValue(values: readonly LookupValue[], index: number, delta: -1 | 1): LookupValue[] {
  const target = index + delta;
  if (index < 0 || index >= values.length || target < 0 || target >= values.length) return [...values];
  const next = [...values];
  [next[index], next[target]] = [next[target] as LookupValue, next[index] as LookupValue];
  return next;
}

export function setValueActive(values: readonly LookupValue[], code: string, active: boolean): LookupValue[] {
  return values.map((value) => (value.value === code ? { ...value, active } : value));
}

export function setValueLabels(values: readonly LookupValue[], code: string, labels: LocalisedLabels): LookupValue[] {
  return values.map((value) => (value.value === code ? { ...value, labels } : value));
}

export function hasValue(values: readonly LookupValue[], code: string): boolean {
  return values.some((value) => value.value === code);
}

/** A new value goes last and is offered at once. */
export function addValue(values: readonly LookupValue[], entry: Pick<LookupValue, 'value' | 'labels'>): LookupValue[] {
  return [...values, { value: entry.value, labels: entry.labels, active: true, sort: (values.length + 1) * SORT_STEP }];
}

/** The body of the save: the values in the order shown, numbered. */
export function listToSave(draft: ListDraft): ListDraft {
  return { labels: draft.labels, values: draft.values.map((value, index) => ({ ...value, sort: (index + 1) * SORT_STEP })) };
}

/** Labels in one fixed language order: the database does not keep the order of an object's keys. */
export function labelsKey(labels: Partial<LocalisedLabels>): string {
  return JSON.stringify(SUPPORTED_LOCALES.map((locale) => labels[locale] ?? ''));
}

function listKey(draft: ListDraft): string {
  return JSON.stringify([labelsKey(draft.labels), draft.values.map((value) => [value.value, value.active, labelsKey(value.labels)])]);
}

/** Whether the draft says the same as the stored list, order of values included. */
export function sameList(draft: ListDraft, stored: Pick<LookupList, 'labels' | 'values'>): boolean {
  return listKey(draft) === listKey(draftOfList(stored));
}

/**
 * After someone else saved the list: the values they added, which the draft lacks, join the end of
 * the draft, so that saving the draft does not drop them (the server would refuse it).
 */
export function withValuesAddedElsewhere(draft: ListDraft, stored: Pick<LookupList, 'values'>): ListDraft {
  const missing = inConfiguredOrder(stored.values).filter((value) => !hasValue(draft.values, value.value));
  return missing.length ? { ...draft, values: [...draft.values, ...missing] } : draft;
}
