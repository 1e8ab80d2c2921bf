import { lazy, Suspense } from 'react';
import { PageLoader } from '../../components/PageLoader';
import type { TrendChartProps } from './trendChartModule';

// ECharts stays out of the main bundle: fetched the first time a trend is shown.
const TrendChartModule = lazy(() => import('./trendChartModule'));

export function TrendChart(props: TrendChartProps) {
  return (
    <Suspense fallback={<PageLoader />}>
      <TrendChartModule {...props} />
    </Suspense>
  );
}
