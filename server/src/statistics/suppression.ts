/**
 * Small-cell suppression for published figures (DESIGN.md §4 Publication): no table shows a count
 * from 1 to threshold − 1, and none lets such a count be worked out from the cells, margins and
 * total it does show.
 *
 * Zeros are always shown: a true zero reveals no person. The price is that a reader knows every
 * hidden entry holds at least 1, and the protection below is proven against a reader who knows
 * that, every shown value, and which entries are hidden.
 *
 * A table with its margins is a circulation: in two dimensions each cell flows from its row to its
 * column, each column total into the grand total and the grand total out through the row totals
 * (one dimension: cells one way, the total back). Whatever values a reader may put in the hidden
 * entries differ from the true ones by a circulation over hidden entries only, so a hidden entry
 * can grow by t exactly when t units can flow back around it through the other hidden entries
 * (each may grow without limit or shrink down to 1). That is a max-flow, exact for the integer
 * counts because network constraints are totally unimodular. An entry is exposed when the reader
 * can pin it, or can prove a small count small (it cannot grow to the threshold).
 *
 * The usual line rule (a row or column whose total is shown never holds exactly one hidden entry)
 * comes first; then every hidden entry is checked for exposure, and the smallest shown non-zero
 * entry beside an exposed one is hidden too, until nothing is exposed. Ties go to cells before
 * margins, then to the lower keys, so the result depends on the table's counts, never on the
 * order its cells arrive in.
 */
import type { FigureCell, StatisticBreakdown } from '@seamless/contracts';

export const SUPPRESSION_THRESHOLD = 5;

export interface CountTable {
  by: readonly StatisticBreakdown[];
  /** Counts keyed by breakdown values in `by` order; a combination left out is a shown zero. */
  cells: readonly { keys: string[]; value: number }[];
}

export interface SuppressedTable {
  /** In the order given. */
  cells: FigureCell[];
  /** Two breakdowns: row totals then column totals, each in order of first appearance among the cells. */
  margins: FigureCell[][];
  total: FigureCell;
}

type Kind = 'cell' | 'row' | 'column' | 'total';
const KIND_ORDER: Record<Kind, number> = { cell: 0, row: 1, column: 2, total: 3 };

/** A cell, margin or total, as an edge `from → to` of the table's circulation. */
interface Entry {
  kind: Kind;
  keys: string[];
  value: number;
  from: number;
  to: number;
  hidden: boolean;
}

/** Parts that add up to a total: a row, a column, or the margins adding up to the grand total. */
interface Line {
  parts: number[];
  total: number;
}

export function suppressTable(table: CountTable, threshold = SUPPRESSION_THRESHOLD): SuppressedTable {
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError('The threshold is a positive whole number.');
  const layout = layOut(table);
  const { entries } = layout;
  for (const entry of entries) entry.hidden = entry.value > 0 && entry.value < threshold;
  const order = entries.map((_, index) => index).sort((a, b) => compareEntries(entries[a], entries[b]));
  const rank: number[] = [];
  order.forEach((index, position) => {
    rank[index] = position;
  });
  const lines = [...layout.lines].sort((a, b) => rank[a.total] - rank[b.total]);
  const smallest = (candidates: number[]) =>
    candidates
      .filter((index) => !entries[index].hidden && entries[index].value > 0)
      .sort((a, b) => entries[a].value - entries[b].value || rank[a] - rank[b])[0];

  // Hiding more only gives a hidden entry more room, so one found safe stays safe.
  const safe = new Set<number>();
  const firstExposed = () => {
    for (const index of order) {
      if (!entries[index].hidden || safe.has(index)) continue;
      if (isExposed(entries, index, threshold)) return index;
      safe.add(index);
    }
    return undefined;
  };
  for (;;) {
    hideLoneEntries(entries, lines, smallest);
    const exposed = firstExposed();
    if (exposed === undefined) break;
    const beside = entries.flatMap((entry, index) => (index !== exposed && sharesNode(entry, entries[exposed]) ? [index] : []));
    const next = smallest(beside) ?? smallest(order);
    // With every non-zero entry hidden, each lies on a cycle of hidden entries through the grand
    // total that lets it grow without limit, so nothing is exposed and this cannot be reached.
    if (next === undefined) break;
    entries[next].hidden = true;
  }

  const present = (entry: Entry): FigureCell => ({
    keys: entry.keys,
    value: entry.hidden ? null : entry.value,
    suppressed: entry.hidden,
  });
  return {
    cells: entries.filter((entry) => entry.kind === 'cell').map(present),
    margins:
      table.by.length === 2
        ? [entries.filter((e) => e.kind === 'row').map(present), entries.filter((e) => e.kind === 'column').map(present)]
        : [],
    total: present(entries[entries.length - 1]),
  };
}

function layOut(table: CountTable): { entries: Entry[]; lines: Line[] } {
  const dimensions = table.by.length;
  if (dimensions > 2) throw new RangeError('A table has at most two breakdowns.');
  if (dimensions === 0 && table.cells.length > 1) throw new RangeError('A table without breakdowns has one cell.');
  const seen = new Set<string>();
  for (const cell of table.cells) {
    if (cell.keys.length !== dimensions) throw new RangeError('Each cell has one key per breakdown.');
    if (!Number.isSafeInteger(cell.value) || cell.value < 0) throw new RangeError('Suppression applies to counts.');
    const id = JSON.stringify(cell.keys);
    if (seen.has(id)) throw new RangeError('Each combination of keys appears once.');
    seen.add(id);
  }
  const grand = table.cells.reduce((sum, cell) => sum + cell.value, 0);

  if (dimensions < 2) {
    // Nodes: 0 → 1 through each cell, back 1 → 0 through the total.
    const entries: Entry[] = table.cells.map((cell) => ({
      kind: 'cell',
      keys: [...cell.keys],
      value: cell.value,
      from: 0,
      to: 1,
      hidden: false,
    }));
    entries.push({ kind: 'total', keys: [], value: grand, from: 1, to: 0, hidden: false });
    const parts = entries.slice(0, -1).map((_, index) => index);
    return { entries, lines: parts.length > 0 ? [{ parts, total: entries.length - 1 }] : [] };
  }

  // Nodes: 0 collects the column totals, 1 hands the grand total to the rows, then rows, then columns.
  const rows = distinct(table.cells.map((cell) => cell.keys[0]));
  const columns = distinct(table.cells.map((cell) => cell.keys[1]));
  const rowNode = (key: string) => 2 + rows.indexOf(key);
  const columnNode = (key: string) => 2 + rows.length + columns.indexOf(key);
  const entries: Entry[] = table.cells.map((cell) => ({
    kind: 'cell',
    keys: [...cell.keys],
    value: cell.value,
    from: rowNode(cell.keys[0]),
    to: columnNode(cell.keys[1]),
    hidden: false,
  }));
  const cellCount = entries.length;
  const lines: Line[] = [];
  for (const [kind, keys, axis] of [
    ['row', rows, 0],
    ['column', columns, 1],
  ] as const) {
    const margins: number[] = [];
    for (const key of keys) {
      const parts = entries.flatMap((entry, index) => (index < cellCount && entry.keys[axis] === key ? [index] : []));
      const value = parts.reduce((sum, index) => sum + entries[index].value, 0);
      const node = kind === 'row' ? rowNode(key) : columnNode(key);
      margins.push(entries.length);
      lines.push({ parts, total: entries.length });
      entries.push({ kind, keys: [key], value, from: kind === 'row' ? 1 : node, to: kind === 'row' ? node : 0, hidden: false });
    }
    lines.push({ parts: margins, total: -1 });
  }
  entries.push({ kind: 'total', keys: [], value: grand, from: 0, to: 1, hidden: false });
  for (const line of lines) if (line.total === -1) line.total = entries.length - 1;
  return { entries, lines };
}

function distinct(keys: string[]): string[] {
  return [...new Set(keys)];
}

function compareEntries(a: Entry, b: Entry): number {
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  for (let i = 0; i < a.keys.length; i++) if (a.keys[i] !== b.keys[i]) return a.keys[i] < b.keys[i] ? -1 : 1;
  return 0;
}

function sharesNode(a: Entry, b: Entry): boolean {
  return a.from === b.from || a.from === b.to || a.to === b.from || a.to === b.to;
}

/** A line whose total is shown never holds exactly one hidden part: the total would give it away. */
function hideLoneEntries(entries: Entry[], lines: Line[], smallest: (candidates: number[]) => number | undefined): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (entries[line.total].hidden) continue;
      if (line.parts.filter((index) => entries[index].hidden).length !== 1) continue;
      // No shown non-zero part left: the lone part is the whole total, so the total goes too.
      entries[smallest(line.parts) ?? line.total].hidden = true;
      changed = true;
    }
  }
}

/** Whether a reader can pin this hidden entry, or prove a small one smaller than the threshold. */
function isExposed(entries: Entry[], index: number, threshold: number): boolean {
  const entry = entries[index];
  const canGrow = (amount: number) => flowReaches(entries, index, entry.to, entry.from, amount);
  if (entry.value < threshold) return !canGrow(threshold - entry.value);
  return !canGrow(1) && !(entry.value > 1 && flowReaches(entries, index, entry.from, entry.to, 1));
}

/**
 * Whether `amount` units can flow from `source` to `sink` through the other hidden entries, each
 * carrying any amount along its direction and at most `value − 1` against it (it stays ≥ 1).
 */
function flowReaches(entries: Entry[], skip: number, source: number, sink: number, amount: number): boolean {
  const heads: number[] = [];
  const capacity: number[] = [];
  const out = new Map<number, number[]>();
  const addArc = (from: number, to: number, cap: number) => {
    for (const [tail, head, c] of [
      [from, to, cap],
      [to, from, 0],
    ]) {
      const arcs = out.get(tail);
      if (arcs) arcs.push(heads.length);
      else out.set(tail, [heads.length]);
      heads.push(head);
      capacity.push(c);
    }
  };
  entries.forEach((entry, index) => {
    if (!entry.hidden || index === skip) return;
    addArc(entry.from, entry.to, Number.POSITIVE_INFINITY);
    addArc(entry.to, entry.from, entry.value - 1);
  });

  let flow = 0;
  while (flow < amount) {
    const via = new Map<number, number>([[source, -1]]);
    const queue = [source];
    while (queue.length > 0 && !via.has(sink)) {
      const node = queue.shift()!;
      for (const arc of out.get(node) ?? []) {
        if (capacity[arc] > 0 && !via.has(heads[arc])) {
          via.set(heads[arc], arc);
          queue.push(heads[arc]);
        }
      }
    }
    if (!via.has(sink)) return false;
    const path: number[] = [];
    for (let node = sink; node !== source; node = heads[path[path.length - 1] ^ 1]) path.push(via.get(node)!);
    const push = Math.min(amount - flow, ...path.map((arc) => capacity[arc]));
    for (const arc of path) {
      capacity[arc] -= push;
      capacity[arc ^ 1] += push;
    }
    flow += push;
  }
  return true;
}
