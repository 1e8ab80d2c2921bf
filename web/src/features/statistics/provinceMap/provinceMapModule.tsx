import type { ProvinceCountry } from '@seamless/contracts';
import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { type ProvinceMapView, SUPPRESSED_COLOUR, ZERO_COLOUR } from './provinceMapView';

// The map's parts of ECharts, in this lazily loaded module (ProvinceMap loads it): the bar chart's pages never fetch them.
echarts.use([MapChart, TooltipComponent, CanvasRenderer]);

/** Each country's boundaries in a chunk of its own: a reader fetches her own country's only. */
const BOUNDARIES = import.meta.glob<Parameters<typeof echarts.registerMap>[1]>('./boundaries/*.json', { import: 'default' });

async function registeredMap(country: ProvinceCountry): Promise<string> {
  const name = `provinces-${country}`;
  if (!echarts.getMap(name)) {
    const load = BOUNDARIES[`./boundaries/${country}.json`];
    if (!load) throw new Error(`No boundaries bundled for ${country}`);
    echarts.registerMap(name, await load());
  }
  return name;
}

/** Diagonal hatching: a hidden count reads as its own class in any colour vision and in greyscale print. */
const HATCHED = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: 'rgba(33, 37, 41, 0.35)' };

export interface ProvinceMapModuleProps {
  country: ProvinceCountry;
  view: ProvinceMapView;
  /** A province with no count in the table: the tooltip's text for it. */
  zeroText: string;
  provinceLabel: (code: string) => string;
  /** What a screen reader hears for the picture: the provinces and their counts. */
  label: string;
}

export default function ProvinceMapModule({ country, view, zeroText, provinceLabel, label }: ProvinceMapModuleProps) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = element.current;
    if (!container) return;
    let disposed = false;
    let chart: echarts.ECharts | undefined;
    const observer = new ResizeObserver(() => chart?.resize());
    const texts = new Map(view.regions.map((region) => [region.code, `${region.label}: ${region.text}`]));
    void registeredMap(country).then((map) => {
      if (disposed) return;
      chart = echarts.init(container, undefined, { renderer: 'canvas' });
      chart.setOption({
        tooltip: {
          trigger: 'item',
          formatter: (params: { name: string }) =>
            echarts.format.encodeHTML(texts.get(params.name) ?? `${provinceLabel(params.name)}: ${zeroText}`),
        },
        series: [
          {
            type: 'map',
            map,
            nameProperty: 'code',
            roam: false,
            selectedMode: false,
            label: { show: false },
            itemStyle: { areaColor: ZERO_COLOUR, borderColor: '#868e96', borderWidth: 0.5 },
            emphasis: { label: { show: false }, itemStyle: { borderColor: '#212529', borderWidth: 1.5 } },
            data: view.regions.map((region) => ({
              name: region.code,
              itemStyle: region.suppressed ? { areaColor: SUPPRESSED_COLOUR, decal: HATCHED } : { areaColor: region.colour },
              emphasis: { itemStyle: { areaColor: region.suppressed ? SUPPRESSED_COLOUR : region.colour } },
            })),
          },
        ],
      });
      observer.observe(container);
    });
    return () => {
      disposed = true;
      observer.disconnect();
      chart?.dispose();
    };
  }, [country, view, zeroText, provinceLabel]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height: 480 }} />;
}
