import { Alert, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { FigureTable } from '@seamless/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CellCasesDrawer, type OpenedCell } from './CellCasesDrawer';
import { chartOption, chartText } from './chartOption';
import { FigureChart } from './FigureChart';
import { FigureTableCard } from './FigureTableCard';
import { figureGrid } from './figureGrid';
import { type Period, periodSlug } from './period';
import { ProvinceMap } from './provinceMap/ProvinceMap';
import type { ChartLayout, FigureRequest } from './statisticsSearch';
import { csvFileName, shownCell, tableView } from './tableView';
import type { FigureLabels } from './useFigureLabels';

interface FigureResultProps {
  table: FigureTable;
  period: Period;
  /** The same figure a year earlier, when the reader compares. */
  previousTable?: FigureTable;
  previousPeriod: Period;
  labels: FigureLabels;
  layout: ChartLayout;
  /** The requests of both tables, for a reader who may open the cases behind a count; absent for everyone else. */
  casesOf?: { current: FigureRequest; previous: FigureRequest };
}

/** A figure without breakdown is one number, not a chart of one bar. */
function BigNumbers({ items, unit }: { items: { label: string; text: string; main: boolean }[]; unit: string }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: items.length }} spacing="lg">
      {items.map((item) => (
        <Card withBorder padding="lg" key={item.label}>
          <Text size="sm" c="dimmed">
            {item.label}
          </Text>
          <Group gap="xs" align="baseline">
            <Text fz={item.main ? 48 : 32} fw={700} lh={1.1} c={item.main ? undefined : 'dimmed'}>
              {item.text}
            </Text>
            <Text c="dimmed">{unit}</Text>
          </Group>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** The chosen figure: the chart (or the number), then its table and the year before's, each downloadable. */
export function FigureResult({ table, period, previousTable, previousPeriod, labels, layout, casesOf }: FigureResultProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<(OpenedCell & { figure: FigureRequest }) | null>(null);
  const figureName = t(`statistics.key.${table.statistic}.name`);
  const periodName = labels.period(period);
  const previousName = labels.period(previousPeriod);
  const shown = useMemo(() => {
    const current = figureGrid(table, labels.order);
    const before = previousTable ? figureGrid(previousTable, labels.order) : undefined;
    const option = chartOption({
      current,
      previous: before,
      periodNames: { current: periodName, previous: previousName },
      labels,
      order: labels.order,
      layout,
      wholeNumbers: table.unit !== 'rate_per_100k',
    });
    const tableLabels = labels.table(table.unit);
    return {
      option,
      text: option ? chartText(option) : '',
      view: tableView(current, tableLabels),
      previousView: before && tableView(before, tableLabels),
    };
  }, [table, previousTable, labels, layout, periodName, previousName]);

  if (table.availability === 'not_recorded') {
    return (
      <Alert color="gray" title={t('statistics.notRecorded.title')}>
        {t('statistics.notRecorded.body')}
      </Alert>
    );
  }
  const unit = t(`statistics.unit.${table.unit}`);
  return (
    <Stack gap="lg">
      {shown.option && (
        <Card withBorder padding="md">
          <FigureChart
            option={shown.option}
            text={shown.text}
            label={t('statistics.chartLabel', { figure: figureName, period: periodName })}
          />
        </Card>
      )}
      <ProvinceMap table={table} labels={labels} period={periodName} />
      {table.by.length === 0 && (
        <BigNumbers
          unit={unit}
          items={[
            { label: periodName, text: shownCell(table.total, table.threshold, labels.format).text, main: true },
            ...(previousTable
              ? [{ label: previousName, text: shownCell(previousTable.total, previousTable.threshold, labels.format).text, main: false }]
              : []),
          ]}
        />
      )}
      <FigureTableCard
        title={`${figureName}: ${periodName}`}
        view={shown.view}
        threshold={table.threshold}
        adjustment={table.adjustment}
        fileName={csvFileName(table.statistic, periodSlug(period), table.by)}
        onOpenCell={casesOf && ((at, name) => setOpened({ at, title: `${figureName}, ${periodName}: ${name}`, figure: casesOf.current }))}
      />
      {previousTable && shown.previousView && (
        <FigureTableCard
          title={t('statistics.table.previous', { period: previousName })}
          view={shown.previousView}
          threshold={previousTable.threshold}
          adjustment={previousTable.adjustment}
          fileName={csvFileName(previousTable.statistic, periodSlug(previousPeriod), previousTable.by)}
          onOpenCell={
            casesOf && ((at, name) => setOpened({ at, title: `${figureName}, ${previousName}: ${name}`, figure: casesOf.previous }))
          }
        />
      )}
      {casesOf && (
        <CellCasesDrawer figure={opened?.figure ?? casesOf.current} unit={table.unit} cell={opened} onClose={() => setOpened(null)} />
      )}
    </Stack>
  );
}
