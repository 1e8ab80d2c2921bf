import { Stack } from '@mantine/core';
import type { AgeBand, StatisticKey } from '@seamless/contracts';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RouterButton } from '../../components/RouterLinks';
import { useMe } from '../auth/MeContext';
import { hasPermission } from '../auth/permissions';
import { FigureControls } from './FigureControls';
import { FigureResult } from './FigureResult';
import { currentYearIn, periodAYearEarlier } from './period';
import { useFigureTable, useStatisticDefinitions } from './queries';
import { breakdownsOf, figureRequest, periodOf, type StatisticsSearch } from './statisticsSearch';
import { useFigureLabels } from './useFigureLabels';

const DEFAULT_STATISTIC: StatisticKey = 'victims_identified';
const NO_AGE_BANDS: AgeBand[] = [];

/** National figures for readers with stats:read: counts only, small cells suppressed by the server. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = useSearch({ from: '/signed-in/statistics' });
  const navigate = useNavigate({ from: '/statistics' });
  const currentYear = currentYearIn(me.agency.countryCode);
  const statistic = search.statistic ?? DEFAULT_STATISTIC;
  const period = periodOf(search, currentYear);
  const previousPeriod = periodAYearEarlier(period);
  const definitions = useStatisticDefinitions();
  const allowed = definitions.data?.items.find((item) => item.key === statistic)?.breakdowns ?? [];
  // A breakdown the figure does not support (after switching figures) is left out rather than refused.
  const by = breakdownsOf(search).filter((key) => allowed.includes(key));
  const filters = { by: by.join(','), age: search.age, sex: search.sex, agencyId: search.agencyId };
  const currentRequest = figureRequest(statistic, period, filters);
  const previousRequest = figureRequest(statistic, previousPeriod, filters);
  const current = useFigureTable(currentRequest, definitions.isSuccess);
  const previous = useFigureTable(previousRequest, definitions.isSuccess && search.compare === true);
  const labels = useFigureLabels(definitions.data?.ageBands ?? NO_AGE_BANDS);
  const change = (update: Partial<StatisticsSearch>) => navigate({ search: (before) => ({ ...before, ...update }), replace: true });

  return (
    <>
      <PageHeader
        title={t('statistics.title')}
        description={t('statistics.description')}
        actions={
          <RouterButton to="/statistics/reports" variant="light">
            {t('statisticReports.open')}
          </RouterButton>
        }
      />
      <Stack gap="xl">
        <FigureControls
          statistic={statistic}
          period={period}
          currentYear={currentYear}
          breakdowns={allowed}
          by={by}
          search={search}
          onChange={change}
        />
        <QueryState query={definitions}>
          {() => (
            <QueryState query={current}>
              {(table) => (
                <FigureResult
                  table={table}
                  period={period}
                  previousTable={search.compare ? previous.data : undefined}
                  previousPeriod={previousPeriod}
                  labels={labels}
                  layout={search.layout ?? 'grouped'}
                  casesOf={hasPermission(me, 'case:read') ? { current: currentRequest, previous: previousRequest } : undefined}
                />
              )}
            </QueryState>
          )}
        </QueryState>
      </Stack>
    </>
  );
}
