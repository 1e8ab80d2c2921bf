import type { FigureCell, FigureTable } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { gridOf } from './reportGrid.js';
import { REPORT_TEXT } from './reportText.js';

const cell = (keys: string[], value: number | null): FigureCell => ({ keys, value, suppressed: value === null });

const table: FigureTable = {
  statistic: 'victims_identified',
  unit: 'persons',
  availability: 'recorded',
  from: '2025-01-01',
  to: '2025-12-31',
  by: ['sex', 'ageBand'],
  threshold: 5,
  adjustment: 2,
  cells: [cell(['male', '25-34'], 6), cell(['female', '18-24'], 7), cell(['female', '15-17'], null), cell(['unknown', '18-24'], 5)],
  margins: [
    [cell(['unknown'], 5), cell(['male'], 6), cell(['female'], 12)],
    [cell(['25-34'], 6), cell(['18-24'], 12), cell(['15-17'], null)],
  ],
  total: cell([], 23),
};

describe('a report table laid out', () => {
  const labelling = { locale: 'en' as const, text: REPORT_TEXT.en, agencyNames: new Map<string, string>() };

  it('reads in the expected order: sexes as forms list them, age bands by age, not recorded last, totals at the end', () => {
    const grid = gridOf(table, labelling);
    expect(grid.corner).toBe('Sex \\ Age band');
    expect(grid.columns).toEqual(['15-17', '18-24', '25-34', 'Total']);
    expect(grid.rows.map((row) => row.label)).toEqual(['Female', 'Male', 'Not recorded', 'Total']);
    expect(grid.rows[0]!.cells.map((printed) => printed.text)).toEqual(['< 5', '7', '0', '12']);
    expect(grid.rows[0]!.cells.map((printed) => printed.value)).toEqual([null, 7, 0, 12]);
    expect(grid.rows.at(-1)).toMatchObject({ total: true, cells: [{ text: '< 5' }, { text: '12' }, { text: '6' }, { text: '23' }] });
  });

  it('says so when the figure’s records are not kept yet, rather than printing zeros', () => {
    const grid = gridOf({ ...table, availability: 'not_recorded', cells: [], margins: [[], []], total: cell([], null) }, labelling);
    expect(grid).toMatchObject({ notRecorded: true, rows: [], columns: [] });
  });

  it('prints numbers in Latin digits and years as the language counts them', () => {
    const thai = gridOf(
      { ...table, by: ['quarter'], cells: [cell(['2025-Q2'], 1200), cell(['2025-Q1'], 8)], margins: [], total: cell([], 1208) },
      { ...labelling, locale: 'th', text: REPORT_TEXT.th },
    );
    expect(thai.rows.map((row) => row.label)).toEqual([
      REPORT_TEXT.th.period.quarterShort.replace('{quarter}', '1').replace('{year}', '2568'),
      REPORT_TEXT.th.period.quarterShort.replace('{quarter}', '2').replace('{year}', '2568'),
      REPORT_TEXT.th.total,
    ]);
    expect(thai.rows[1]!.cells[0]!.text).toBe('1,200');
  });
});

describe('a value outside the list', () => {
  it('prints as "other" in the report’s words, for a nationality or a form of exploitation, and keeps sex’s own "other"', () => {
    const labelling = { locale: 'th' as const, text: REPORT_TEXT.th, agencyNames: new Map<string, string>() };
    const byNationality = gridOf({ ...table, by: ['nationality'], cells: [cell(['MM'], 9), cell(['other'], 6)], margins: [] }, labelling);
    expect(byNationality.rows.map((row) => row.label)).toEqual(expect.arrayContaining([REPORT_TEXT.th.value.other]));
    const bySex = gridOf({ ...table, by: ['sex'], cells: [cell(['other'], 6)], margins: [] }, labelling);
    expect(bySex.rows.map((row) => row.label)).toContain(REPORT_TEXT.th.value.sex.other);
  });
});
