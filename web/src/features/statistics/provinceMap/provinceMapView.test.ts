import type { FigureTable } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { countClasses, provinceMapView, SUPPRESSED_COLOUR } from './provinceMapView';

const NAMES: Record<string, string> = {
  'TH-57': 'เชียงราย',
  'TH-63': 'ตาก',
  'TH-10': 'กรุงเทพมหานคร',
  other: 'Elsewhere',
  unknown: 'Not recorded',
};
const labels = { province: (code: string) => NAMES[code] ?? code, format: (value: number) => String(value) };

const table = (cells: FigureTable['cells']): FigureTable => ({
  statistic: 'cases_opened',
  unit: 'cases',
  availability: 'recorded',
  from: '2026-01-01',
  to: '2026-12-31',
  by: ['province'],
  threshold: 5,
  adjustment: 2,
  cells,
  margins: [],
  total: { keys: [], value: 40, suppressed: false },
});

describe('the province map', () => {
  it('draws hidden counts as their own class, never as a number, and lists what is no place beside the map', () => {
    const view = provinceMapView(
      table([
        { keys: ['TH-57'], value: 21, suppressed: false },
        { keys: ['TH-63'], value: null, suppressed: true },
        { keys: ['TH-10'], value: 0, suppressed: false },
        { keys: ['other'], value: 6, suppressed: false },
        { keys: ['unknown'], value: null, suppressed: true },
      ]),
      labels,
    );
    expect(view.regions).toEqual([
      { code: 'TH-57', label: 'เชียงราย', text: '21', suppressed: false, colour: view.classes[0]!.colour },
      { code: 'TH-63', label: 'ตาก', text: '< 5', suppressed: true, colour: SUPPRESSED_COLOUR },
    ]);
    expect(view.offTheMap).toEqual([
      { label: 'Elsewhere', text: '6' },
      { label: 'Not recorded', text: '< 5' },
    ]);
  });

  it('puts every published count in one of up to four classes that start at the threshold', () => {
    expect(countClasses([], 5)).toEqual([]);
    expect(countClasses([7], 5).map(({ from, to }) => [from, to])).toEqual([[5, 7]]);
    const classes = countClasses([5, 9, 12, 30, 31, 44], 5);
    expect(classes.map(({ from, to }) => [from, to])).toEqual([
      [5, 14],
      [15, 24],
      [25, 34],
      [35, 44],
    ]);
    expect(new Set(classes.map((each) => each.colour)).size).toBe(4);
  });
});
