import { readFileSync } from 'node:fs';
import { EXPLOITATION_TYPES } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { anonymise, personRows } from './anonymise.js';
import { suppressedBand } from './collectionFile.js';
import { COLLECTION_COLUMNS, collectionRow } from './collectionRow.js';
import type { Combination } from './combinations.js';

const combination = (persons: number, more: Partial<Combination> = {}): Combination => ({
  year: 2024,
  sex: 'female',
  age: 25,
  citizenship: 'MM',
  exploitation: ['SexualExploitation'],
  domesticAbroad: 'domestic',
  persons,
  ...more,
});

const column = (name: (typeof COLLECTION_COLUMNS)[number]) => COLLECTION_COLUMNS.indexOf(name);
const sizes = (rows: unknown[][]) => {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(JSON.stringify(row), (counts.get(JSON.stringify(row)) ?? 0) + 1);
  return [...counts.values()];
};

describe('anonymise', () => {
  it('keeps every value as recorded when each combination already holds k persons', () => {
    const result = anonymise([combination(10), combination(12, { age: 30 })]);
    expect(result.generalisation).toEqual({ age: 0, exploitation: 0, citizenship: 0 });
    expect(result.suppressedPersons).toBe(0);
    expect([...personRows(result)]).toHaveLength(22);
  });

  it('climbs to the broad age band when single years are too few, rather than suppress', () => {
    // Ages 24, 25 and 26 share CTDC's band 24--26: 4 + 3 + 3 = 10.
    const result = anonymise([combination(4, { age: 24 }), combination(3), combination(3, { age: 26 })]);
    expect(result.generalisation).toEqual({ age: 1, exploitation: 0, citizenship: 0 });
    const rows = [...personRows(result)];
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((row) => row[column('ageBroad')]))).toEqual(new Set(['24--26']));
    expect(rows.every((row) => row[column('age')] === null)).toBe(true);
  });

  it('suppresses a small class when that loses less than generalising everyone, within a tenth of the persons', () => {
    const result = anonymise([combination(60), combination(40, { citizenship: 'KH' }), combination(3, { citizenship: 'FR' })]);
    expect(result.generalisation).toEqual({ age: 0, exploitation: 0, citizenship: 0 });
    expect(result.suppressedPersons).toBe(3);
    expect(result.withinLimit).toBe(true);
    const rows = [...personRows(result)];
    expect(rows.some((row) => row[column('citizenship')] === 'FR')).toBe(false);
    expect(Math.min(...sizes(rows))).toBeGreaterThanOrEqual(10);
  });

  it('generalises citizenship to the subregion when suppressing would lose more than a tenth', () => {
    const result = anonymise([combination(6, { citizenship: 'KH' }), combination(6, { citizenship: 'LA' })]);
    expect(result.generalisation.citizenship).toBe(1);
    expect(result.suppressedPersons).toBe(0);
    expect([...personRows(result)].every((row) => row[column('citizenship')] === 'Mekong')).toBe(true);
  });

  it('suppresses everyone when the whole year holds fewer than k persons, and says the share was not kept', () => {
    const result = anonymise([combination(6), combination(3, { sex: 'male' })]);
    expect(result.classes).toEqual([]);
    expect(result.suppressedPersons).toBe(9);
    expect(result.withinLimit).toBe(false);
  });

  it('orders rows by their values, whatever order the counts came in', () => {
    const counts = [combination(10, { age: 40 }), combination(10, { sex: 'male' }), combination(10, { citizenship: 'KH' })];
    const forwards = [...personRows(anonymise(counts))];
    const backwards = [...personRows(anonymise([...counts].reverse()))];
    expect(backwards).toEqual(forwards);
  });
});

describe('collectionRow', () => {
  const finest = { age: 0, exploitation: 0, citizenship: 0 };
  const cell = (row: unknown[], name: (typeof COLLECTION_COLUMNS)[number]) => row[column(name)];

  it('writes a form of exploitation as its major type and its own flag', () => {
    const row = collectionRow(combination(1, { exploitation: ['DebtBondage', 'ForcedBegging'] }), finest);
    expect(row).toHaveLength(COLLECTION_COLUMNS.length);
    expect([cell(row, 'isForcedLabour'), cell(row, 'isSexualExploit'), cell(row, 'isOtherExploit')]).toEqual([1, 0, 0]);
    expect([cell(row, 'typeOfLabourBegging'), cell(row, 'meansOfControlDebtBondage'), cell(row, 'isForcedMarriage')]).toEqual([1, 1, 0]);
    const major = collectionRow(combination(1, { exploitation: ['DebtBondage'] }), { ...finest, exploitation: 1 });
    expect([cell(major, 'isForcedLabour'), cell(major, 'typeOfLabourBegging')]).toEqual([1, null]);
  });

  it('leaves unknown values empty and codes the rest from closed lists', () => {
    const row = collectionRow(
      combination(1, { sex: 'unknown', age: null, citizenship: 'unknown', exploitation: [], domesticAbroad: 'abroad' }),
      finest,
    );
    expect(row).toEqual([2024, 'Case Management', ...Array(COLLECTION_COLUMNS.length - 3).fill(null), 1]);
    const child = collectionRow(combination(1, { age: 8, citizenship: 'ID' }), { ...finest, age: 2, citizenship: 1 });
    expect([cell(child, 'age'), cell(child, 'ageBroad'), cell(child, 'majorityStatus'), cell(child, 'citizenship')]).toEqual([
      null,
      null,
      'Minor',
      'ASEAN',
    ]);
  });
});

describe('suppressedBand', () => {
  it('states the persons suppressed only in bands as wide as k, none and a few alike', () => {
    expect([0, 1, 9, 10, 19, 20, 137].map(suppressedBand)).toEqual([
      'fewer than 10',
      'fewer than 10',
      'fewer than 10',
      '10 to 19',
      '10 to 19',
      '20 to 29',
      '130 to 139',
    ]);
  });
});

describe('migration 0039', () => {
  it('lets through exactly the forms of exploitation of our vocabulary, every other value as Other', () => {
    const migration = readFileSync(new URL('../../db/migrations/0039_global_collection_export.sql', import.meta.url), 'utf8');
    // The vocabulary is the last argument of the counting query, the list after USING.
    const list = /USING[\s\S]*ARRAY\[([^\]]+)\];/.exec(migration)?.[1] ?? '';
    const listed = [...list.matchAll(/'([A-Za-z]+)'/g)].map((match) => match[1]);
    expect(listed.sort()).toEqual([...EXPLOITATION_TYPES].sort());
  });
});
