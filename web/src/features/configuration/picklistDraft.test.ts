import type { LocalisedLabels, LookupValue } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import {
  addValue,
  draftOfList,
  listToSave,
  moveValue,
  sameList,
  setValueActive,
  setValueLabels,
  withValuesAddedElsewhere,
} from './picklistDraft';

const labels = (en: string): LocalisedLabels => ({ en, th: `${en}-th`, km: en, lo: en, my: en, vi: en, zh: en, ja: en });
const value = (code: string, sort: number, active = true): LookupValue => ({ value: code, labels: labels(code), active, sort });
const list = { labels: labels('Hotlines'), values: [value('b', 20), value('a', 10), value('c', 20, false)] };
const codes = (values: readonly LookupValue[]) => values.map((entry) => entry.value);

describe('picklist draft', () => {
  it('opens in the configured order, ties kept as stored', () => {
    expect(codes(draftOfList(list).values)).toEqual(['a', 'b', 'c']);
  });

  it('moves a value up or down, and not past either end', () => {
    const { values } = draftOfList(list);
    expect(codes(moveValue(values, 2, -1))).toEqual(['a', 'c', 'b']);
    expect(codes(moveValue(values, 0, -1))).toEqual(['a', 'b', 'c']);
    expect(codes(moveValue(values, 2, 1))).toEqual(['a', 'b', 'c']);
  });

  it('numbers the values in the order shown when saving', () => {
    const draft = draftOfList(list);
    const saved = listToSave({ ...draft, values: moveValue(draft.values, 0, 1) });
    expect(saved.values.map((entry) => [entry.value, entry.sort])).toEqual([
      ['b', 10],
      ['a', 20],
      ['c', 30],
    ]);
  });

  it('deactivates and reactivates without removing', () => {
    const { values } = draftOfList(list);
    const off = setValueActive(values, 'a', false);
    expect(off.map((entry) => entry.active)).toEqual([false, true, false]);
    expect(setValueActive(off, 'c', true).map((entry) => entry.active)).toEqual([false, true, true]);
    expect(codes(off)).toEqual(['a', 'b', 'c']);
  });

  it('adds a new value last, offered', () => {
    const added = addValue(draftOfList(list).values, { value: 'd', labels: labels('d') });
    expect(added.at(-1)).toMatchObject({ value: 'd', active: true });
    expect(codes(added)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('tells a change from the stored list, whatever order the database gives label keys in', () => {
    const draft = draftOfList(list);
    expect(sameList(draft, list)).toBe(true);
    const reordered = {
      ...list,
      labels: {
        ja: 'Hotlines',
        en: 'Hotlines',
        zh: 'Hotlines',
        th: 'Hotlines-th',
        km: 'Hotlines',
        lo: 'Hotlines',
        my: 'Hotlines',
        vi: 'Hotlines',
      },
    };
    expect(sameList(draft, reordered)).toBe(true);
    expect(sameList({ ...draft, values: setValueLabels(draft.values, 'a', { ...labels('a'), km: 'ក' }) }, list)).toBe(false);
    expect(sameList({ ...draft, values: moveValue(draft.values, 0, 1) }, list)).toBe(false);
    expect(sameList({ ...draft, values: setValueActive(draft.values, 'a', false) }, list)).toBe(false);
  });

  it('keeps the values someone else added, after the draft’s own', () => {
    const draft = { ...draftOfList(list), values: addValue(draftOfList(list).values, { value: 'mine', labels: labels('mine') }) };
    const stored = { values: [...list.values, value('theirs', 5)] };
    expect(codes(withValuesAddedElsewhere(draft, stored).values)).toEqual(['a', 'b', 'c', 'mine', 'theirs']);
    expect(withValuesAddedElsewhere(draft, list)).toBe(draft);
  });
});
