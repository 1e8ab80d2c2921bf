import { lazy, Suspense } from 'react';
import { PageLoader } from '../../components/PageLoader';
import type { FigureChartProps } from './figureChartModule';

// ECharts stays out of the main bundle: fetched the first time a chart is shown.
const FigureChartModule = lazy(() => import('./figureChartModule'));

export function FigureChart(props: FigureChartProps) {
  return (
    <Suspense fallback={<PageLoader />}>
      <FigureChartModule {...props} />
    </Suspense>
  );
}
