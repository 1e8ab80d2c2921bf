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
 * can pin it, or can prove a small count small (it cannot grow to the threshold). The proof holds
 * for margins that are the sums of their cells, and for a publication that marks every hidden
 * entry alike: telling the small ones from their complements hands the reader bounds it does not model.
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
  parts: Entry[];
  total: Entry;
}

interface Layout {
  cells: Entry[];
  rows: Entry[];
  columns: Entry[];
  total: Entry;
  lines: Line[];
}

export function suppressTable(table: CountTable, threshold = SUPPRESSION_THRESHOLD): SuppressedTable {
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError('The threshold is a positive whole number.');
  const layout = layOut(table);
  const order = [...layout.cells, ...layout.rows, ...layout.columns, layout.total].sort(compareEntries);
  const rank = new Map(order.map((entry, position) => [entry, position]));
  const rankOf = (entry: Entry) => rank.get(entry) ?? 0;
  for (const entry of order) entry.hidden = entry.value > 0 && entry.value < threshold;
  const lines = [...layout.lines].sort((a, b) => rankOf(a.total) - rankOf(b.total));
  const smallest = (candidates: Entry[]): Entry | undefined =>
    candidates.filter((entry) => !entry.hidden && entry.value > 0).sort((a, b) => a.value - b.value || rankOf(a) - rankOf(b))[0];

  // Hiding more only gives a hidden entry more room, so one found safe stays safe.
  const safe = new Set<Entry>();
  const firstExposed = () => {
    for (const entry of order) {
      if (!entry.hidden || safe.has(entry)) continue;
      if (isExposed(order, entry, threshold)) return entry;
      safe.add(entry);
    }
    return undefined;
  };
  for (;;) {
    hideLoneParts(lines, smallest);
    const exposed = firstExposed();
    if (exposed === undefined) break;
    const next = smallest(order.filter((entry) => entry !== exposed && sharesNode(entry, exposed))) ?? smallest(order);
    // With every non-zero entry hidden, each lies on a cycle of hidden entries through the grand
    // total that lets it grow without limit, so nothing is exposed and this cannot be reached.
    if (next === undefined) break;
    next.hidden = true;
  }

  return {
    cells: layout.cells.map(present),
    margins: table.by.length === 2 ? [layout.rows.map(present), layout.columns.map(present)] : [],
    total: present(layout.total),
  };
}

/**
 * Rounds every shown count to the nearest multiple of `base` (halves up) for a public release; a
 * count above zero never rounds to zero, which would claim nobody. What it shows is a function of
 * what the suppressed table showed, so nothing hidden becomes easier to work out. Margins are the
 * rounded true totals, not sums of rounded cells, so a line may not add up exactly.
 */
export function roundToBase(table: SuppressedTable, base = SUPPRESSION_THRESHOLD): SuppressedTable {
  if (!Number.isInteger(base) || base < 1) throw new RangeError('The rounding base is a positive whole number.');
  const round = (cell: FigureCell): FigureCell => {
    if (cell.value === null || cell.value === 0) return cell;
    return { ...cell, value: Math.max(base, Math.floor(cell.value / base + 0.5) * base) };
  };
  return { cells: table.cells.map(round), margins: table.margins.map((line) => line.map(round)), total: round(table.total) };
}

function present(entry: Entry): FigureCell {
  return { keys: entry.keys, value: entry.hidden ? null : entry.value, suppressed: entry.hidden };
}

function layOut(table: CountTable): Layout {
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
  const entry = (kind: Kind, keys: string[], value: number, from: number, to: number): Entry => ({
    kind,
    keys,
    value,
    from,
    to,
    hidden: false,
  });
  const grand = table.cells.reduce((sum, cell) => sum + cell.value, 0);

  if (dimensions < 2) {
    // Nodes: 0 → 1 through each cell, back 1 → 0 through the total.
    const cells = table.cells.map((cell) => entry('cell', [...cell.keys], cell.value, 0, 1));
    const total = entry('total', [], grand, 1, 0);
    return { cells, rows: [], columns: [], total, lines: cells.length > 0 ? [{ parts: cells, total }] : [] };
  }

  // Nodes: 0 collects the column totals, 1 hands the grand total out to the rows; rows and columns follow.
  const rowKeys = [...new Set(table.cells.map((cell) => cell.keys[0] ?? ''))];
  const columnKeys = [...new Set(table.cells.map((cell) => cell.keys[1] ?? ''))];
  const rowNode = new Map(rowKeys.map((key, i) => [key, 2 + i]));
  const columnNode = new Map(columnKeys.map((key, i) => [key, 2 + rowKeys.length + i]));
  const cells = table.cells.map((cell) => {
    const [row = '', column = ''] = cell.keys;
    return entry('cell', [row, column], cell.value, rowNode.get(row) ?? 0, columnNode.get(column) ?? 0);
  });
  const lineOf = (axis: 0 | 1, key: string, margin: Entry): Line => ({
    parts: cells.filter((cell) => cell.keys[axis] === key),
    total: margin,
  });
  const sumOf = (axis: 0 | 1, key: string) => table.cells.reduce((sum, cell) => sum + (cell.keys[axis] === key ? cell.value : 0), 0);
  const rows = rowKeys.map((key) => entry('row', [key], sumOf(0, key), 1, rowNode.get(key) ?? 0));
  const columns = columnKeys.map((key) => entry('column', [key], sumOf(1, key), columnNode.get(key) ?? 0, 0));
  const total = entry('total', [], grand, 0, 1);
  const lines = [
    ...rows.map((margin, i) => lineOf(0, rowKeys[i] ?? '', margin)),
    ...columns.map((margin, i) => lineOf(1, columnKeys[i] ?? '', margin)),
    { parts: rows, total },
    { parts: columns, total },
  ];
  return { cells, rows, columns, total, lines };
}

function compareEntries(a: Entry, b: Entry): number {
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  for (const [i, key] of a.keys.entries()) {
    const other = b.keys[i] ?? '';
    if (key !== other) return key < other ? -1 : 1;
  }
  return 0;
}

function sharesNode(a: Entry, b: Entry): boolean {
  return a.from === b.from || a.from === b.to || a.to === b.from || a.to === b.to;
}

/** A line whose total is shown never holds exactly one hidden part: the total would give it away. */
function hideLoneParts(lines: Line[], smallest: (candidates: Entry[]) => Entry | undefined): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.total.hidden || line.parts.filter((part) => part.hidden).length !== 1) continue;
      // No shown non-zero part left: the lone part is the whole total, so the total goes too.
      (smallest(line.parts) ?? line.total).hidden = true;
      changed = true;
    }
  }
}

/** Whether a reader can pin this hidden entry, or prove a small one smaller than the threshold. */
function isExposed(entries: Entry[], entry: Entry, threshold: number): boolean {
  const canGrow = (amount: number) => flowReaches(entries, entry, entry.to, entry.from, amount);
  if (entry.value < threshold) return !canGrow(threshold - entry.value);
  return !canGrow(1) && !(entry.value > 1 && flowReaches(entries, entry, entry.from, entry.to, 1));
}

/** A residual arc: `room` more units may pass; pushing along it gives its twin as much room back. */
interface Arc {
  to: number;
  room: number;
  twin: Arc;
}

/**
 * Whether `amount` units can flow from `source` to `sink` through the hidden entries other than
 * `skip`, each carrying any amount along its direction and at most `value − 1` against it (it
 * stays ≥ 1). Augmenting paths, shortest first; `amount` is at most the threshold.
 */
function flowReaches(entries: Entry[], skip: Entry, source: number, sink: number, amount: number): boolean {
  const out = new Map<number, Arc[]>();
  const link = (from: number, to: number, room: number) => {
    const forward = { to, room } as Arc;
    const backward: Arc = { to: from, room: 0, twin: forward };
    forward.twin = backward;
    for (const [node, arc] of [
      [from, forward],
      [to, backward],
    ] as const) {
      const arcs = out.get(node);
      if (arcs) arcs.push(arc);
      else out.set(node, [arc]);
    }
  };
  for (const entry of entries) {
    if (!entry.hidden || entry === skip) continue;
    link(entry.from, entry.to, Number.POSITIVE_INFINITY);
    link(entry.to, entry.from, entry.value - 1);
  }

  for (let flow = 0; flow < amount; ) {
    const via = new Map<number, Arc | null>([[source, null]]);
    const queue = [source];
    for (const node of queue) {
      if (via.has(sink)) break;
      for (const arc of out.get(node) ?? []) {
        if (arc.room > 0 && !via.has(arc.to)) {
          via.set(arc.to, arc);
          queue.push(arc.to);
        }
      }
    }
    if (!via.has(sink)) return false;
    const path: Arc[] = [];
    for (let arc = via.get(sink); arc; arc = via.get(arc.twin.to)) path.push(arc);
    const push = Math.min(amount - flow, ...path.map((arc) => arc.room));
    for (const arc of path) {
      arc.room -= push;
      arc.twin.room += push;
    }
    flow += push;
  }
  return true;
}
