import type { FigureCell, FigureTable } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { chartOption } from './chartOption';
import { figureGrid, keyOrder } from './figureGrid';
import { csvFileName, type TableLabels, tableCsv, tableView } from './tableView';

const cell = (keys: string[], value: number | null): FigureCell => ({ keys, value, suppressed: value === null });

const table = (overrides: Partial<FigureTable>): FigureTable => ({
  statistic: 'victims_identified',
  unit: 'persons',
  availability: 'recorded',
  from: '2025-01-01',
  to: '2025-12-31',
  by: [],
  threshold: 5,
  adjustment: 0,
  cells: [],
  margins: [],
  total: cell([], 0),
  ...overrides,
});

const VALUE_NAMES: Record<string, string> = { female: 'Female', male: 'Male', child: 'Child', adult: 'Adult', unknown: 'Not recorded' };
const labels: TableLabels = {
  breakdown: (breakdown) => ({ sex: 'Sex', child: 'Age', agency: 'Agency', ageBand: 'Age band' })[breakdown as string] ?? breakdown,
  value: (_breakdown, key) => VALUE_NAMES[key] ?? key,
  unit: 'Persons',
  total: 'Total',
  format: (value) => value.toLocaleString('en'),
};
const order = keyOrder(
  [
    { key: '<15', from: 0, to: 15 },
    { key: '15-17', from: 15, to: 18 },
    { key: '18+', from: 18, to: null },
  ],
  labels.value,
  'en',
);

/** Sex × age: three girls (suppressed), a suppressed complement, and totals as the server published them. */
const sexByAge = table({
  by: ['sex', 'child'],
  cells: [cell(['male', 'adult'], 12), cell(['female', 'child'], null), cell(['female', 'adult'], 1200), cell(['male', 'child'], null)],
  margins: [
    [cell(['female'], 1203), cell(['male'], 15)],
    [cell(['child'], 6), cell(['adult'], 1212)],
  ],
  total: cell([], 1218),
});

describe('figure table', () => {
  it('lays two breakdowns out as rows and columns in reading order, with the published margins', () => {
    const grid = figureGrid(sexByAge, order);
    expect(grid.rowKeys).toEqual(['female', 'male']);
    expect(grid.columnKeys).toEqual(['child', 'adult']);
    expect(grid.cells.map((row) => row.map((each) => each.value))).toEqual([
      [null, 1200],
      [null, 12],
    ]);
    expect(grid.rowTotals.map((each) => each.value)).toEqual([1203, 15]);
    expect(grid.columnTotals.map((each) => each.value)).toEqual([6, 1212]);

    const view = tableView(grid, labels);
    expect(view.header).toEqual(['Sex / Age', 'Child', 'Adult', 'Total']);
    expect(view.rows.map((row) => [row.label, ...row.cells.map((each) => each.text)])).toEqual([
      ['Female', '< 5', '1,200', '1,203'],
      ['Male', '< 5', '12', '15'],
    ]);
    expect([view.totals.label, ...view.totals.cells.map((each) => each.text)]).toEqual(['Total', '6', '1,212', '1,218']);
  });

  it('shows a combination the answer leaves out as a true zero, and a suppressed margin as "< 5"', () => {
    const grid = figureGrid(
      table({
        by: ['sex', 'child'],
        cells: [cell(['female', 'child'], 7)],
        margins: [[cell(['female'], 7), cell(['male'], null)], [cell(['child'], 7)]],
        total: cell([], 9),
      }),
      order,
    );
    expect(grid.rowKeys).toEqual(['female', 'male']);
    const view = tableView(grid, labels);
    expect(view.rows.map((row) => row.cells.map((each) => each.text))).toEqual([
      ['7', '7'],
      ['0', '< 5'],
    ]);
    // Each count names its cell, for the cases behind it; a published zero has none to open.
    expect(view.rows.map((row) => row.cells.map((each) => each.at))).toEqual([
      [
        { by: ['sex', 'child'], keys: ['female', 'child'] },
        { by: ['sex'], keys: ['female'] },
      ],
      [undefined, { by: ['sex'], keys: ['male'] }],
    ]);
    expect(view.totals.cells.map((each) => each.at)).toEqual([
      { by: ['child'], keys: ['child'] },
      { by: [], keys: [] },
    ]);
  });

  it("puts one breakdown in one column under the total, in the country's age bands with unknown last", () => {
    const grid = figureGrid(
      table({
        by: ['ageBand'],
        cells: [cell(['unknown'], 8), cell(['18+'], 30), cell(['<15'], null), cell(['15-17'], 6)],
        total: cell([], 47),
      }),
      order,
    );
    const view = tableView(grid, labels);
    expect(view.header).toEqual(['Age band', 'Persons']);
    expect(view.rows.map((row) => [row.label, row.cells[0]?.text])).toEqual([
      ['<15', '< 5'],
      ['15-17', '6'],
      ['18+', '30'],
      ['Not recorded', '8'],
    ]);
    expect(view.totals.cells.map((each) => each.text)).toEqual(['47']);
  });

  it('takes the threshold from the answer', () => {
    const grid = figureGrid(table({ threshold: 10, total: cell([], null) }), order);
    expect(tableView(grid, labels).totals.cells[0]).toEqual({ text: '< 10', csv: '< 10', suppressed: true, at: { by: [], keys: [] } });
  });

  it('tells a missing value (a rate without population) from a suppressed one', () => {
    const grid = figureGrid(table({ unit: 'rate_per_100k', total: { keys: [], value: null, suppressed: false } }), order);
    expect(tableView(grid, labels).totals.cells[0]).toEqual({ text: '–', csv: '', suppressed: false });
  });

  it('gives no breakdown as the single total', () => {
    const view = tableView(figureGrid(table({ total: cell([], 1234) }), order), labels);
    expect(view.rows).toEqual([]);
    expect(view.totals.cells.map((each) => each.text)).toEqual(['1,234']);
  });
});

describe('CSV download', () => {
  it('writes exactly the table: labels quoted where needed, counts ungrouped, suppressed as "< 5"', () => {
    const grid = figureGrid(sexByAge, order);
    const csv = tableCsv(
      tableView(grid, { ...labels, value: (breakdown, key) => (key === 'female' ? 'Women, "all"' : labels.value(breakdown, key)) }),
    );
    expect(csv).toBe('\uFEFFSex / Age,Child,Adult,Total\r\n"Women, ""all""",< 5,1200,1203\r\nMale,< 5,12,15\r\nTotal,6,1212,1218\r\n');
  });

  it('keeps a label that looks like a formula as text, and names the file after the figure and period', () => {
    const grid = figureGrid(table({ by: ['agency'], cells: [cell(['a1'], 9)], total: cell([], 9) }), order);
    const csv = tableCsv(tableView(grid, { ...labels, value: () => '=HYPERLINK("x")' }));
    expect(csv.split('\r\n')[1]).toBe('"\'=HYPERLINK(""x"")",9');
    expect(csvFileName('victims_identified', '2025-Q2', ['sex', 'child'])).toBe('victims_identified_2025-Q2_by_sex_child.csv');
    expect(csvFileName('cases_opened', '2025', [])).toBe('cases_opened_2025.csv');
  });
});

describe('chart options', () => {
  const base = {
    periodNames: { current: '2025', previous: '2024' },
    labels,
    order,
    layout: 'grouped' as const,
    wholeNumbers: true,
  };

  const draw = (input: Parameters<typeof chartOption>[0]) => {
    const option = chartOption(input);
    if (!option) throw new Error('expected a chart');
    return option;
  };

  it('draws no chart for a figure without breakdown (the page shows the number)', () => {
    expect(chartOption({ ...base, current: figureGrid(table({ total: cell([], 3) }), order) })).toBeNull();
  });

  it('draws one bar per value for one breakdown, a suppressed one left out, and the year before as a second series', () => {
    const current = figureGrid(table({ by: ['sex'], cells: [cell(['male'], 20), cell(['female'], null)], total: cell([], 23) }), order);
    const previous = figureGrid(table({ by: ['sex'], cells: [cell(['other'], 6), cell(['female'], 9)], total: cell([], 15) }), order);
    const single = draw({ ...base, current });
    expect(single.xAxis).toMatchObject({ type: 'category', data: ['Female', 'Male'] });
    expect(single.series).toMatchObject([{ type: 'bar', name: '2025', data: ['-', 20] }]);
    expect(single.legend).toBeUndefined();

    const compared = draw({ ...base, current, previous });
    expect(compared.xAxis).toMatchObject({ data: ['Female', 'Male', 'other'] });
    expect(compared.series).toMatchObject([
      { name: '2025', data: ['-', 20, 0] },
      { name: '2024', data: [9, 0, 6], itemStyle: { opacity: 0.45 } },
    ]);
    const formatter = (compared.tooltip as { formatter: (params: unknown) => string }).formatter;
    expect(
      formatter([
        { name: 'Female', seriesName: '2025', seriesIndex: 0, dataIndex: 0, marker: '' },
        { name: 'Female', seriesName: '2024', seriesIndex: 1, dataIndex: 0, marker: '' },
      ]),
    ).toBe('Female<br/>2025: &#60; 5<br/>2024: 9');
  });

  it('draws nothing when every cell is hidden or zero', () => {
    const hidden = figureGrid(table({ by: ['sex'], cells: [cell(['male'], null), cell(['female'], 0)], total: cell([], 6) }), order);
    expect(chartOption({ ...base, current: hidden })).toBeNull();
  });

  it('draws a series per value of the second breakdown, grouped or stacked, and stacks each period apart when compared', () => {
    const current = figureGrid(sexByAge, order);
    const grouped = draw({ ...base, current });
    expect(grouped.series).toMatchObject([
      { name: 'Child', stack: undefined, data: ['-', '-'] },
      { name: 'Adult', stack: undefined, data: [1200, 12] },
    ]);
    expect(grouped.legend).toMatchObject({ type: 'scroll' });
    const stacked = draw({ ...base, current, layout: 'stacked' });
    expect((stacked.series as { stack?: string }[]).map((series) => series.stack)).toEqual(['all', 'all']);

    const compared = draw({ ...base, current, previous: figureGrid(sexByAge, order) });
    expect((compared.series as { name: string; stack?: string }[]).map((series) => [series.name, series.stack])).toEqual([
      ['Child · 2025', 'period-0'],
      ['Adult · 2025', 'period-0'],
      ['Child · 2024', 'period-1'],
      ['Adult · 2024', 'period-1'],
    ]);
  });

  it("sets the app's Noto font stack so Thai, Khmer, Lao and Burmese labels render", () => {
    const option = draw({ ...base, current: figureGrid(sexByAge, order) });
    expect(String((option.textStyle as { fontFamily: string }).fontFamily)).toMatch(
      /Noto Sans Thai.*Noto Sans Khmer.*Noto Sans Lao.*Noto Sans Myanmar/,
    );
  });
});
