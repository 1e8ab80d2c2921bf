import type { FigureTable } from '@seamless/contracts';
import { shownCell } from '../tableView';

/** The province breakdown's values that are no place on the map: a location outside the list, or none. */
const OFF_THE_MAP = new Set(['other', 'unknown']);

/** Sequential blues (Mantine's palette) for one to four classes of published counts, light to dark. */
const PALETTES: readonly (readonly string[])[] = [
  ['#339af0'],
  ['#74c0fc', '#1971c2'],
  ['#a5d8ff', '#339af0', '#1864ab'],
  ['#d0ebff', '#74c0fc', '#1c7ed6', '#1864ab'],
];
export const ZERO_COLOUR = '#f8f9fa';
export const SUPPRESSED_COLOUR = '#ced4da';

export interface CountClass {
  from: number;
  to: number;
  colour: string;
}

export interface MapRegion {
  code: string;
  label: string;
  /** The table's text: a number, or "< 5" for a hidden one. */
  text: string;
  suppressed: boolean;
  colour: string;
}

export interface ProvinceMapView {
  /** Every province the table names, zeros left out: the map draws those in `ZERO_COLOUR`. */
  regions: MapRegion[];
  classes: CountClass[];
  /** 'other' and 'unknown', listed beside the map. */
  offTheMap: { label: string; text: string }[];
}

export interface ProvinceMapLabels {
  province: (code: string) => string;
  format: (value: number) => string;
}

/**
 * Up to four classes of equal width from the threshold to the largest count published, so a class
 * never starts below what may be shown and every shown count falls in one.
 */
export function countClasses(values: readonly number[], threshold: number): CountClass[] {
  if (!values.length) return [];
  const largest = Math.max(...values);
  const steps = Math.min(PALETTES.length, new Set(values).size, largest - threshold + 1);
  const width = Math.ceil((largest - threshold + 1) / steps);
  const palette = PALETTES[steps - 1]!;
  return palette.map((colour, index) => ({
    from: threshold + index * width,
    to: index === steps - 1 ? largest : threshold + (index + 1) * width - 1,
    colour,
  }));
}

/**
 * A figure broken down by province, as the map draws it: each province's published count in its
 * class, hidden ones as their own class and never as a number, the values that are no place beside it.
 */
export function provinceMapView(table: FigureTable, labels: ProvinceMapLabels): ProvinceMapView {
  const cells = table.cells.filter((cell) => cell.keys.length === 1);
  const shown = (cell: (typeof cells)[number]) => shownCell(cell, table.threshold, labels.format).text;
  const onTheMap = cells.filter((cell) => !OFF_THE_MAP.has(cell.keys[0]!));
  const counts = onTheMap.flatMap((cell) => (!cell.suppressed && cell.value ? [cell.value] : []));
  const classes = countClasses(counts, table.threshold);
  const colourOf = (value: number) => classes.find((each) => value <= each.to)?.colour ?? ZERO_COLOUR;
  return {
    regions: onTheMap
      .filter((cell) => cell.suppressed || cell.value)
      .map((cell) => ({
        code: cell.keys[0]!,
        label: labels.province(cell.keys[0]!),
        text: shown(cell),
        suppressed: cell.suppressed,
        colour: cell.suppressed ? SUPPRESSED_COLOUR : colourOf(cell.value ?? 0),
      })),
    classes,
    offTheMap: cells
      .filter((cell) => OFF_THE_MAP.has(cell.keys[0]!))
      .map((cell) => ({ label: labels.province(cell.keys[0]!), text: shown(cell) })),
  };
}
