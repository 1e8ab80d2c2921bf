import { Card, type CardProps, Loader, SimpleGrid, Text, Title } from '@mantine/core';
import type { StatisticKey } from '@seamless/contracts';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../../components/RouterLinks';
import { useLocale } from '../../i18n/useLocale';
import { formatYear } from '../../lib/dates';
import { formatNumber } from '../../lib/numbers';
import { useMe } from '../auth/MeContext';
import { currentYearIn } from './period';
import { useFigureTable } from './queries';
import { figureRequest } from './statisticsSearch';
import { shownCell } from './tableView';

/** The figures a data officer is asked for first, as in the annual national report. */
const KEY_FIGURES: readonly StatisticKey[] = ['victims_identified', 'victims_sheltered', 'follow_ups_completed', 'cases_opened'];

function CardAnchorElement(props: CardProps & ComponentPropsWithRef<'a'>) {
  return <Card component="a" {...props} />;
}
const RouterCard = createLink(CardAnchorElement);

function KeyFigure({ statistic, year }: { statistic: StatisticKey; year: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const figure = useFigureTable(figureRequest(statistic, { kind: 'year', year }));
  const value = () => {
    if (figure.isPending) return <Loader size="sm" />;
    if (figure.isError) return '–';
    if (figure.data.availability === 'not_recorded') {
      return (
        <Text size="sm" c="dimmed">
          {t('statistics.notRecorded.title')}
        </Text>
      );
    }
    return shownCell(figure.data.total, figure.data.threshold, (count) => formatNumber(count, locale, { maximumFractionDigits: 2 })).text;
  };
  return (
    <RouterCard to="/statistics" search={{ statistic, year }} withBorder padding="md" style={{ textDecoration: 'none', color: 'inherit' }}>
      <Text size="sm" c="dimmed">
        {t(`statistics.key.${statistic}.name`)}
      </Text>
      <Text component="div" fz={32} fw={700} lh={1.2}>
        {value()}
      </Text>
    </RouterCard>
  );
}

/** This year's key figures for the whole country; each opens the statistics page on that figure. */
export function KeyFiguresCard() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const year = currentYearIn(me.agency.countryCode);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('statistics.dashboard.title', { year: formatYear(year, locale) })}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {KEY_FIGURES.map((statistic) => (
          <KeyFigure key={statistic} statistic={statistic} year={year} />
        ))}
      </SimpleGrid>
      <RouterAnchor to="/statistics" size="sm" mt="sm" display="inline-block">
        {t('statistics.dashboard.open')}
      </RouterAnchor>
    </Card>
  );
}
