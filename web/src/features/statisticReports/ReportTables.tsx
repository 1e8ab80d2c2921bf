import { Alert, Card, Stack, Title } from '@mantine/core';
import type { AgeBand, FigureTable, ReportTemplate } from '@seamless/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureTableCard } from '../statistics/FigureTableCard';
import { figureGrid } from '../statistics/figureGrid';
import { useStatisticDefinitions } from '../statistics/queries';
import { csvFileName, tableView } from '../statistics/tableView';
import { type FigureLabels, useFigureLabels } from '../statistics/useFigureLabels';
import { reportSlug } from './reportView';

const NO_AGE_BANDS: AgeBand[] = [];

function ReportTable({ table, title, labels, slug }: { table: FigureTable; title: string; labels: FigureLabels; slug: string }) {
  const { t } = useTranslation();
  const view = useMemo(() => tableView(figureGrid(table, labels.order), labels.table(table.unit)), [table, labels]);
  if (table.availability === 'not_recorded') {
    return (
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          {title}
        </Title>
        <Alert color="gray" title={t('statistics.notRecorded.title')}>
          {t('statistics.notRecorded.body')}
        </Alert>
      </Card>
    );
  }
  return (
    <FigureTableCard
      title={title}
      view={view}
      threshold={table.threshold}
      adjustment={table.adjustment}
      privacy={table.differentialPrivacy}
      fileName={csvFileName(table.statistic, slug, table.by)}
    />
  );
}

/** The report's frozen tables, read-only, labelled in the reader's language (the downloads are in the report's). */
export function ReportTables({ template, from, tables }: { template: ReportTemplate; from: string; tables: FigureTable[] }) {
  const { t } = useTranslation();
  const definitions = useStatisticDefinitions();
  const labels = useFigureLabels(definitions.data?.ageBands ?? NO_AGE_BANDS);
  const slug = reportSlug(template, from);
  return (
    <Stack gap="lg">
      {tables.map((table, index) => {
        const figure = t(`statistics.key.${table.statistic}.name`);
        const by = table.by.map((breakdown) => t(`statistics.breakdown.${breakdown}`)).join(' × ');
        const title = t('statisticReports.detail.tableTitle', { number: index + 1, figure: by ? `${figure} (${by})` : figure });
        return <ReportTable key={`${table.statistic}-${table.by.join('-')}`} table={table} title={title} labels={labels} slug={slug} />;
      })}
    </Stack>
  );
}
