/**
 * Issue 13 acceptance: no published table lets a cell below the threshold be recovered from totals.
 *
 * The reader below is written independently of suppression.ts (no flows): it takes only what a
 * published table shows — shown values, which entries are hidden, cells left out meaning zero —
 * plus what it can know about the method: zeros are always shown, so a hidden entry is at least 1.
 * It is also handed an upper bound on every entry (the true grand total plus the threshold), which
 * only makes it stronger. Each row, column and margin line is an equation over the hidden
 * entries; the reader narrows every hidden entry's bounds line by line (substitution when a line
 * has one unknown left, bounds from the others otherwise) until nothing changes, and then searches
 * exhaustively, splitting a bound in two and narrowing again, for any whole-number table that fits
 * every shown figure. A hidden entry is recovered when no fitting table gives it another value, or,
 * for a true count below the threshold, when no fitting table gives it one at or above the
 * threshold (the reader would know it is a small group without being told). Passing proves that a
 * reader with a spreadsheet and unlimited patience learns nothing beyond "hidden"; it does not
 * cover tables published elsewhere that overlap this one (other periods, filters, agencies).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CountTable, roundToBase, type SuppressedTable, suppressTable } from './suppression.js';

/** An entry of a published table as the reader sees it, and its true value for judging the reader. */
type Seen = { name: string; shown: number | null; truth: number };
/** `Σ parts = total`, each side an index into the entries. */
type Equation = { parts: number[]; total: number };

function readerView(table: CountTable, published: SuppressedTable): { entries: Seen[]; equations: Equation[] } {
  const entries: Seen[] = [];
  const add = (name: string, shown: number | null, truth: number) => entries.push({ name, shown, truth }) - 1;
  const truthOf = (keys: (string | null)[]) =>
    table.cells.filter((cell) => keys.every((key, axis) => key === null || cell.keys[axis] === key)).reduce((s, c) => s + c.value, 0);
  const total = add('total', published.total.value, truthOf([]));
  if (table.by.length < 2) {
    const parts = published.cells.map((cell) => add(`cell ${cell.keys.join('/')}`, cell.value, truthOf(cell.keys)));
    return { entries, equations: parts.length > 0 ? [{ parts, total }] : [] };
  }
  const equations: Equation[] = [];
  const cellIndex = new Map<string, number>();
  for (const cell of published.cells)
    cellIndex.set(JSON.stringify(cell.keys), add(`cell ${cell.keys.join('/')}`, cell.value, truthOf(cell.keys)));
  const [rows = [], columns = []] = published.margins;
  const rowKeys = rows.map((m) => m.keys[0] ?? '');
  const columnKeys = columns.map((m) => m.keys[0] ?? '');
  const rowIndex = rows.map((m, r) => add(`row ${rowKeys[r]}`, m.value, truthOf([rowKeys[r]!])));
  const columnIndex = columns.map((m, c) => add(`column ${columnKeys[c]}`, m.value, truthOf([null, columnKeys[c]!])));
  equations.push({ parts: rowIndex, total }, { parts: columnIndex, total });
  rowKeys.forEach((row, r) => {
    const parts = columnKeys.flatMap((column) => cellIndex.get(JSON.stringify([row, column])) ?? []);
    equations.push({ parts, total: rowIndex[r]! });
  });
  columnKeys.forEach((column, c) => {
    const parts = rowKeys.flatMap((row) => cellIndex.get(JSON.stringify([row, column])) ?? []);
    equations.push({ parts, total: columnIndex[c]! });
  });
  return { entries, equations };
}

type Bounds = { lo: number; hi: number }[];

/** Line-by-line reasoning until nothing changes; false when no table fits. */
function narrow(bounds: Bounds, equations: Equation[]): boolean {
  for (let changed = true; changed; ) {
    changed = false;
    for (const { parts, total } of equations) {
      const terms = [...parts.map((index) => ({ index, sign: 1 })), { index: total, sign: -1 }];
      for (const term of terms) {
        // sign·x = −Σ others' sign·y, so x lies within the others' range with the sign flipped.
        let lo = 0;
        let hi = 0;
        for (const other of terms) {
          if (other === term) continue;
          const b = bounds[other.index]!;
          if (other.sign === term.sign) {
            lo -= b.hi;
            hi -= b.lo;
          } else {
            lo += b.lo;
            hi += b.hi;
          }
        }
        const b = bounds[term.index]!;
        if (lo > b.lo) {
          b.lo = lo;
          changed = true;
        }
        if (hi < b.hi) {
          b.hi = hi;
          changed = true;
        }
        if (b.lo > b.hi) return false;
      }
    }
  }
  return true;
}

/** Whether some whole-number table fits every shown figure within these bounds. */
function fits(bounds: Bounds, equations: Equation[]): boolean {
  if (!narrow(bounds, equations)) return false;
  const open = bounds.findIndex((b) => b.lo < b.hi);
  if (open === -1) return true;
  const middle = Math.floor((bounds[open]!.lo + bounds[open]!.hi) / 2);
  const low = bounds.map((b) => ({ ...b }));
  low[open]!.hi = middle;
  if (fits(low, equations)) return true;
  const high = bounds.map((b) => ({ ...b }));
  high[open]!.lo = middle + 1;
  return fits(high, equations);
}

/** The hidden entries a reader can recover from a published table, with what gives them away. */
function recoverable(table: CountTable, published: SuppressedTable, threshold: number): string[] {
  const { entries, equations } = readerView(table, published);
  const ceiling = entries[0]!.truth + threshold;
  const start = (): Bounds => entries.map((e) => (e.shown === null ? { lo: 1, hi: ceiling } : { lo: e.shown, hi: e.shown }));
  expect(fits(start(), equations), 'the true table fits what is shown').toBe(true);
  const found: string[] = [];
  entries.forEach((entry, index) => {
    if (entry.shown !== null) return;
    const within = (lo: number, hi: number) => {
      const bounds = start();
      bounds[index] = { lo, hi };
      return lo <= hi && fits(bounds, equations);
    };
    if (!within(1, entry.truth - 1) && !within(entry.truth + 1, ceiling)) found.push(`${entry.name} pinned at ${entry.truth}`);
    else if (entry.truth < threshold && !within(threshold, ceiling)) found.push(`${entry.name} proven below ${threshold}`);
  });
  return found;
}

/** What was hidden, by entry name, independent of cell order. */
function hiddenNames(published: SuppressedTable): string[] {
  return [
    ...published.cells.filter((c) => c.suppressed).map((c) => `cell ${c.keys.join('/')}`),
    ...published.margins.flatMap((line, axis) => line.filter((m) => m.suppressed).map((m) => `${axis}:${m.keys[0]}`)),
    ...(published.total.suppressed ? ['total'] : []),
  ].sort();
}

const grid = (by: CountTable['by'], rows: string[], columns: string[], values: number[][]): CountTable => ({
  by,
  cells: rows.flatMap((row, r) => columns.map((column, c) => ({ keys: [row, column], value: values[r]![c]! }))),
});

describe('suppressTable', () => {
  it('hides a small cell and the cells that would give it away through the totals', () => {
    const table = grid(
      ['sex', 'child'],
      ['female', 'male'],
      ['true', 'false'],
      [
        [3, 20],
        [8, 40],
      ],
    );
    const published = suppressTable(table);
    expect(published.cells.map((c) => c.value)).toEqual([null, null, null, null]);
    expect(published.margins).toEqual([
      [
        { keys: ['female'], value: 23, suppressed: false },
        { keys: ['male'], value: 48, suppressed: false },
      ],
      [
        { keys: ['true'], value: 11, suppressed: false },
        { keys: ['false'], value: 60, suppressed: false },
      ],
    ]);
    expect(published.total).toEqual({ keys: [], value: 71, suppressed: false });
    expect(recoverable(table, published, 5)).toEqual([]);
  });

  it('shows zeros, and adds a complement when two small cells would add up to a small group', () => {
    const table: CountTable = {
      by: ['nationality'],
      cells: [
        { keys: ['LA'], value: 1 },
        { keys: ['KH'], value: 0 },
        { keys: ['MM'], value: 1 },
        { keys: ['TH'], value: 40 },
        { keys: ['VN'], value: 12 },
      ],
    };
    const published = suppressTable(table);
    // LA + MM = 54 − 52 would show both are 1; the smallest shown count joins them.
    expect(published.cells.map((c) => c.value)).toEqual([null, 0, null, 40, null]);
    expect(published.total.value).toBe(54);
    expect(recoverable(table, published, 5)).toEqual([]);
  });

  it('leaves a table without small counts whole', () => {
    const table = grid(
      ['year', 'sex'],
      ['2024', '2025'],
      ['female', 'male'],
      [
        [12, 0],
        [7, 5],
      ],
    );
    const published = suppressTable(table);
    expect(hiddenNames(published)).toEqual([]);
    expect(published.margins[0]!.map((m) => m.value)).toEqual([12, 12]);
    expect(published.total.value).toBe(24);
  });

  it('hides a small grand total and a small margin like a cell of the line above', () => {
    expect(suppressTable({ by: [], cells: [{ keys: [], value: 3 }] })).toEqual({
      cells: [{ keys: [], value: null, suppressed: true }],
      margins: [],
      total: { keys: [], value: null, suppressed: true },
    });
    const table = grid(
      ['province', 'sex'],
      ['CR', 'BKK', 'TAK'],
      ['female', 'male'],
      [
        [2, 1],
        [30, 25],
        [9, 11],
      ],
    );
    const published = suppressTable(table);
    // The Chiang Rai row (3) is hidden; it needs a partner among the row totals that add up to 78.
    expect(published.margins[0]!.map((m) => m.suppressed)).toEqual([true, false, true]);
    expect(published.total.value).toBe(78);
    expect(recoverable(table, published, 5)).toEqual([]);
  });

  it('refuses what is not a table of counts', () => {
    expect(() => suppressTable({ by: ['sex'], cells: [{ keys: ['female'], value: 2.5 }] })).toThrow(RangeError);
    expect(() => suppressTable({ by: ['sex'], cells: [{ keys: ['female'], value: -1 }] })).toThrow(RangeError);
    expect(() => suppressTable({ by: ['sex'], cells: [{ keys: ['female', 'true'], value: 1 }] })).toThrow(RangeError);
    expect(() =>
      suppressTable({
        by: ['sex'],
        cells: [
          { keys: ['female'], value: 1 },
          { keys: ['female'], value: 2 },
        ],
      }),
    ).toThrow(RangeError);
    expect(() => suppressTable({ by: ['sex', 'child', 'year'], cells: [] })).toThrow(RangeError);
    expect(() => suppressTable({ by: [], cells: [] }, 0)).toThrow(RangeError);
  });
});

describe('the reader', () => {
  it('recovers a small cell when only the small cells are hidden', () => {
    const table: CountTable = {
      by: ['sex'],
      cells: [
        { keys: ['female'], value: 3 },
        { keys: ['male'], value: 9 },
      ],
    };
    const naive: SuppressedTable = {
      cells: [
        { keys: ['female'], value: null, suppressed: true },
        { keys: ['male'], value: 9, suppressed: false },
      ],
      margins: [],
      total: { keys: [], value: 12, suppressed: false },
    };
    expect(recoverable(table, naive, 5)).toEqual(['cell female pinned at 3']);
  });

  it('recovers a cell that bridges two protected blocks even though every line hides two', () => {
    // Rows a,b with columns x,y and rows c,d with columns z,w are each a hidden rectangle; the
    // cell a/z joins them. Adding rows a,b and taking away columns x,y leaves a/z alone.
    const rows = ['a', 'b', 'c', 'd'];
    const columns = ['x', 'y', 'z', 'w'];
    const values = [
      [6, 7, 3, 9],
      [8, 6, 9, 9],
      [9, 9, 7, 8],
      [9, 9, 6, 7],
    ];
    const table = grid(['province', 'agency'], rows, columns, values);
    const hidden = new Set(['a/x', 'a/y', 'b/x', 'b/y', 'c/z', 'c/w', 'd/z', 'd/w', 'a/z']);
    const sum = (pick: (r: number, c: number) => boolean) =>
      values.reduce((s, row, r) => s + row.reduce((t, v, c) => t + (pick(r, c) ? v : 0), 0), 0);
    const lineOnly: SuppressedTable = {
      cells: table.cells.map((cell) => {
        const suppressed = hidden.has(cell.keys.join('/'));
        return { keys: cell.keys, value: suppressed ? null : cell.value, suppressed };
      }),
      margins: [
        rows.map((row, r) => ({ keys: [row], value: sum((i) => i === r), suppressed: false })),
        columns.map((column, c) => ({ keys: [column], value: sum((_, j) => j === c), suppressed: false })),
      ],
      total: { keys: [], value: sum(() => true), suppressed: false },
    };
    expect(recoverable(table, lineOnly, 5)).toContain('cell a/z pinned at 3');
    expect(recoverable(table, suppressTable(table), 5)).toEqual([]);
  });
});

const count = fc.oneof(
  { weight: 4, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.constant(1) },
  { weight: 3, arbitrary: fc.integer({ min: 2, max: 4 }) },
  { weight: 3, arbitrary: fc.integer({ min: 5, max: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: 13, max: 60 }) },
);
const threshold = fc.oneof({ weight: 4, arbitrary: fc.constant(5) }, { weight: 1, arbitrary: fc.constantFrom(2, 3, 10) });

const oneWay: fc.Arbitrary<CountTable> = fc
  .array(count, { maxLength: 7 })
  .map((values) => ({ by: ['ageBand'], cells: values.map((value, i) => ({ keys: [`band${i}`], value })) }));

const twoWay: fc.Arbitrary<CountTable> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([rows, columns]) =>
    fc
      .array(fc.option(count, { freq: 5 }), { minLength: rows * columns, maxLength: rows * columns })
      .map((values) => ({ rows, columns, values })),
  )
  .map(({ columns, values }) => ({
    by: ['province', 'exploitationType'],
    // A combination left out is a zero the reader knows; reversed keys check that ties go by key, not position.
    cells: values.flatMap((value, i) => (value === null ? [] : [{ keys: [`p${9 - Math.floor(i / columns)}`, `e${i % columns}`], value }])),
  }));

const noDimension: fc.Arbitrary<CountTable> = count.map((value) => ({ by: [], cells: [{ keys: [], value }] }));

/** Every entry of the published table beside its true count. */
function pairs(table: CountTable, published: SuppressedTable): { cell: SuppressedTable['total']; truth: number }[] {
  const truthOf = (axis: number | null, keys: string[]) =>
    table.cells.filter((c) => axis === null || c.keys[axis] === keys[0]).reduce((s, c) => s + c.value, 0);
  return [
    ...published.cells.map((cell, i) => ({ cell, truth: table.cells[i]!.value })),
    ...published.margins.flatMap((line, axis) => line.map((cell) => ({ cell, truth: truthOf(axis, cell.keys) }))),
    { cell: published.total, truth: truthOf(null, []) },
  ];
}

describe('published tables (property)', () => {
  const anyTable = fc.oneof({ weight: 1, arbitrary: noDimension }, { weight: 3, arbitrary: oneWay }, { weight: 6, arbitrary: twoWay });

  it('show every count as it is, hide every small one, and never hide a zero', () => {
    fc.assert(
      fc.property(anyTable, threshold, (table, t) => {
        const published = suppressTable(table, t);
        expect(published.cells.map((c) => c.keys)).toEqual(table.cells.map((c) => c.keys));
        for (const { cell, truth } of pairs(table, published)) {
          expect(cell.suppressed).toBe(cell.value === null);
          if (!cell.suppressed) expect(cell.value).toBe(truth);
          if (truth > 0 && truth < t) expect(cell.suppressed).toBe(true);
          if (truth === 0) expect(cell.suppressed).toBe(false);
        }
        if (table.by.length === 2) {
          expect(published.margins[0]!.map((m) => m.keys[0])).toEqual([...new Set(table.cells.map((c) => c.keys[0]))]);
          expect(published.margins[1]!.map((m) => m.keys[0])).toEqual([...new Set(table.cells.map((c) => c.keys[1]))]);
        } else expect(published.margins).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('let no reader recover a hidden count from the totals', () => {
    fc.assert(
      fc.property(anyTable, threshold, (table, t) => {
        expect(recoverable(table, suppressTable(table, t), t)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('hide nothing when no count is small', () => {
    fc.assert(
      fc.property(anyTable, threshold, (table, t) => {
        const published = suppressTable(table, t);
        const small = pairs(table, published).some(({ truth }) => truth > 0 && truth < t);
        if (!small) expect(hiddenNames(published)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('hide the same entries whatever order the cells come in', () => {
    fc.assert(
      fc.property(
        anyTable.chain((table) =>
          fc.shuffledSubarray([...table.cells], { minLength: table.cells.length }).map((cells) => ({ table, cells })),
        ),
        threshold,
        ({ table, cells }, t) => {
          const first = suppressTable(table, t);
          expect(suppressTable(table, t)).toEqual(first);
          expect(hiddenNames(suppressTable({ by: table.by, cells }, t))).toEqual(hiddenNames(first));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('roundToBase', () => {
  it('rounds shown counts to the nearest five, never a count to zero, and leaves hidden entries hidden', () => {
    const shown = (value: number | null) => ({ keys: [], value, suppressed: value === null });
    const rounded = roundToBase({
      cells: [shown(7), shown(8), shown(12), shown(0), shown(2), shown(null)],
      margins: [[shown(29)]],
      total: shown(29),
    });
    expect(rounded.cells.map((c) => c.value)).toEqual([5, 10, 10, 0, 5, null]);
    expect(rounded.margins[0]!.map((m) => m.value)).toEqual([30]);
    expect(rounded.total).toEqual(shown(30));
    expect(() => roundToBase(rounded, 0)).toThrow(RangeError);
  });

  it('keeps every rounded count within half a base of the shown one (property)', () => {
    const all = (t: SuppressedTable) => [...t.cells, ...t.margins.flat(), t.total];
    fc.assert(
      fc.property(fc.oneof(oneWay, twoWay), fc.constantFrom(3, 5, 10), (table, base) => {
        const published = suppressTable(table);
        const rounded = all(roundToBase(published, base));
        for (const [i, cell] of all(published).entries()) {
          const after = rounded[i]!;
          expect(after.keys).toEqual(cell.keys);
          expect(after.suppressed).toBe(cell.suppressed);
          if (cell.value === null) {
            expect(after.value).toBeNull();
            continue;
          }
          expect(after.value! % base).toBe(0);
          expect(after.value! === 0).toBe(cell.value === 0);
          if (cell.value >= base / 2) expect(Math.abs(after.value! - cell.value)).toBeLessThanOrEqual(base / 2);
        }
      }),
      { numRuns: 300 },
    );
  });
});
