import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the trend needs, in their own chunk (TrendChart loads this module lazily).
echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export interface TrendChartProps {
  dates: string[];
  series: { name: string; values: (number | null)[] }[];
  min: number;
  max: number;
  /** What a screen reader hears for the picture; the table below carries the figures. */
  label: string;
}

export default function TrendChartModule({ dates, series, min, max, label }: TrendChartProps) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 32, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: dates },
      yAxis: { type: 'value', min, max, interval: 1 },
      series: series.map((item) => ({ type: 'line', name: item.name, data: item.values, connectNulls: false, symbolSize: 8 })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [dates, series, min, max]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height: 300 }} />;
}
