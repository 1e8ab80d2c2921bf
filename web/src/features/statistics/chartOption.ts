import type { FigureCell } from '@seamless/contracts';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { FONT_STACK } from '../../styles/fonts';
import type { FigureGrid, KeyOrder } from './figureGrid';
import type { ChartLayout } from './statisticsSearch';
import { shownCell, type TableLabels } from './tableView';

export type FigureChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

export interface ChartInput {
  current: FigureGrid;
  /** The same period a year earlier: drawn beside the current one. */
  previous?: FigureGrid;
  periodNames: { current: string; previous: string };
  labels: Pick<TableLabels, 'value' | 'format'>;
  order: KeyOrder;
  layout: ChartLayout;
  /** Counts step in whole numbers; a rate per 100,000 does not. */
  wholeNumbers: boolean;
}

/** ECharts leaves a bar out for '-': a suppressed count (or one without value) is not drawn, its tooltip says "< 5". */
const GAP = '-';

/** Mantine's teal, then colours told apart also by readers with red–green colour blindness. */
const SERIES_COLORS = ['#0ca678', '#1c7ed6', '#f59f00', '#ae3ec9', '#495057', '#e8590c', '#66d9e8', '#a9e34b'];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.codePointAt(0)};`);

interface Series {
  name: string;
  stack?: string;
  faded: boolean;
  colorIndex: number;
  cells: FigureCell[];
  threshold: number;
}

function lookup(grid: FigureGrid): (row: string, column?: string) => FigureCell {
  const cells = new Map<string, FigureCell>();
  grid.rowKeys.forEach((row, rowIndex) => {
    const columns = grid.columnKeys.length > 0 ? grid.columnKeys : [undefined];
    columns.forEach((column, columnIndex) => {
      const cell = grid.cells[rowIndex]?.[columnIndex];
      if (cell) cells.set(JSON.stringify([row, column]), cell);
    });
  });
  return (row, column) => cells.get(JSON.stringify([row, column])) ?? { keys: [], value: 0, suppressed: false };
}

/**
 * Bars for a figure with one or two breakdowns (none has no chart: the page shows the number;
 * nor has one whose every cell is hidden or zero).
 * One breakdown: a bar per value, and a second series for the year before. Two: a series per
 * value of the second breakdown, side by side or stacked; compared with the year before, each
 * period is its own stack so the two stand beside each other.
 */
export function chartOption({ current, previous, periodNames, labels, order, layout, wholeNumbers }: ChartInput): FigureChartOption | null {
  const [rowBreakdown, columnBreakdown] = current.by;
  if (!rowBreakdown) return null;
  const grids = previous ? [current, previous] : [current];
  const rowKeys = order(rowBreakdown, [...new Set(grids.flatMap((grid) => grid.rowKeys))]);
  const series: Series[] = [];
  grids.forEach((grid, gridIndex) => {
    const at = lookup(grid);
    const periodName = gridIndex === 0 ? periodNames.current : periodNames.previous;
    if (!columnBreakdown) {
      series.push({
        name: periodName,
        faded: gridIndex > 0,
        colorIndex: 0,
        cells: rowKeys.map((row) => at(row)),
        threshold: grid.threshold,
      });
      return;
    }
    const columnKeys = order(columnBreakdown, [...new Set(grids.flatMap((each) => each.columnKeys))]);
    columnKeys.forEach((column, columnIndex) => {
      const valueName = labels.value(columnBreakdown, column);
      series.push({
        name: previous ? `${valueName} · ${periodName}` : valueName,
        stack: previous ? `period-${gridIndex}` : layout === 'stacked' ? 'all' : undefined,
        faded: gridIndex > 0,
        colorIndex: columnIndex,
        cells: rowKeys.map((row) => at(row, column)),
        threshold: grid.threshold,
      });
    });
  });
  // Bars of nothing but hidden cells and zeros would only draw an empty frame; the table says it all.
  if (!series.some((item) => item.cells.some((cell) => !cell.suppressed && (cell.value ?? 0) > 0))) return null;
  const shown = series.map((item) => item.cells.map((cell) => shownCell(cell, item.threshold, labels.format)));
  const crowded = rowKeys.length > 4;
  return {
    textStyle: { fontFamily: FONT_STACK },
    legend: series.length > 1 ? { type: 'scroll', bottom: 0, textStyle: { fontFamily: FONT_STACK } } : undefined,
    grid: { left: 8, right: 8, top: 16, bottom: series.length > 1 ? 40 : 8 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      textStyle: { fontFamily: FONT_STACK },
      formatter: (params) => {
        const items = Array.isArray(params) ? params : [params];
        const heading = escapeHtml(String(items[0]?.name ?? ''));
        const lines = items.map(
          (item) =>
            `${typeof item.marker === 'string' ? item.marker : ''}${escapeHtml(item.seriesName ?? '')}: ${escapeHtml(
              shown[item.seriesIndex ?? 0]?.[item.dataIndex]?.text ?? '',
            )}`,
        );
        return [heading, ...lines].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: rowKeys.map((key) => labels.value(rowBreakdown, key)),
      axisLabel: { interval: 0, rotate: crowded ? 35 : 0, width: crowded ? 96 : 120, overflow: 'truncate', hideOverlap: true },
    },
    // The scale's numbers in the reader's digits, as the table's.
    yAxis: { type: 'value', minInterval: wholeNumbers ? 1 : undefined, axisLabel: { formatter: (value: number) => labels.format(value) } },
    series: series.map((item) => ({
      type: 'bar',
      name: item.name,
      stack: item.stack,
      colorBy: 'series',
      itemStyle: { color: SERIES_COLORS[item.colorIndex % SERIES_COLORS.length], opacity: item.faded ? 0.45 : 1 },
      data: item.cells.map((cell) => (cell.suppressed || cell.value === null ? GAP : cell.value)),
    })),
  };
}

/** Every word the chart draws, so the fonts for their scripts can be fetched before it is drawn. */
export function chartText(option: FigureChartOption): string {
  const axis = option.xAxis as { data?: string[] } | undefined;
  const series = (option.series ?? []) as { name?: string }[];
  return [...(axis?.data ?? []), ...series.map((item) => item.name ?? '')].join(' ');
}
