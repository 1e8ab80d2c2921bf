import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { FONT_STACK } from '../../styles/fonts';
import type { FigureChartOption } from './chartOption';

// Only the parts a bar chart needs, in their own chunk (FigureChart loads this module lazily).
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface FigureChartProps {
  option: FigureChartOption;
  /** What a screen reader hears for the picture; the table below carries the figures. */
  label: string;
  /** Every label the chart draws: the Noto subsets for their scripts are fetched before drawing. */
  text: string;
}

/**
 * A canvas draws text in whatever font is loaded at that moment, and the Noto stylesheets fetch
 * a script's subset only once some text needs it: the chart is drawn again when those arrive.
 */
function whenFontsReady(text: string): Promise<unknown> {
  if (typeof document === 'undefined' || !document.fonts) return Promise.resolve();
  return Promise.all([document.fonts.load(`12px ${FONT_STACK}`, text), document.fonts.load(`bold 12px ${FONT_STACK}`, text)]);
}

export default function FigureChartModule({ option, label, text }: FigureChartProps) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = element.current;
    if (!container) return;
    const chart = echarts.init(container, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    let disposed = false;
    void whenFontsReady(text).then(() => {
      if (!disposed) chart.setOption(option, { notMerge: true });
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      disposed = true;
      observer.disconnect();
      chart.dispose();
    };
  }, [option, text]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height: 360 }} />;
}
