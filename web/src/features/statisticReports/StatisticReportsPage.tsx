import { Card, Stack, Table, Text, Title } from '@mantine/core';
import type { StatisticReportSummary } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { GenerateReportCard } from './GenerateReportCard';
import { useStatisticReports } from './queries';
import { ReportStatusBadge } from './ReportStatusBadge';
import { useReportPeriodLabel } from './useReportLabels';

/** Who took a step, and when: "Somchai · 3 Mar 2568". */
function Stamp({ stamp }: { stamp: { name: string; at: string } | null }) {
  if (!stamp) return <Text c="dimmed">–</Text>;
  return (
    <div>
      <Text size="sm">{stamp.name}</Text>
      <Text size="xs" c="dimmed">
        <FormattedDate value={stamp.at} />
      </Text>
    </div>
  );
}

function ReportsTable({ items }: { items: StatisticReportSummary[] }) {
  const { t } = useTranslation();
  const periodLabel = useReportPeriodLabel();
  if (items.length === 0) return <Text c="dimmed">{t('statisticReports.list.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('statisticReports.list.report')}</Table.Th>
            <Table.Th>{t('statisticReports.list.period')}</Table.Th>
            <Table.Th>{t('statisticReports.list.language')}</Table.Th>
            <Table.Th>{t('statisticReports.list.status')}</Table.Th>
            <Table.Th>{t('statisticReports.list.generated')}</Table.Th>
            <Table.Th>{t('statisticReports.list.approved')}</Table.Th>
            <Table.Th>{t('statisticReports.list.released')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((report) => (
            <Table.Tr key={report.id}>
              <Table.Td>
                <RouterAnchor to="/statistics/reports/$reportId" params={{ reportId: report.id }} fw={500}>
                  {t(`statisticReports.template.${report.template}`)}
                </RouterAnchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{periodLabel(report.template, report.from)}</Table.Td>
              <Table.Td>{t(`language.${report.locale}`)}</Table.Td>
              <Table.Td>
                <ReportStatusBadge status={report.status} />
              </Table.Td>
              <Table.Td>
                <Stamp stamp={report.generated} />
              </Table.Td>
              <Table.Td>
                <Stamp stamp={report.approved} />
              </Table.Td>
              <Table.Td>
                <Stamp stamp={report.released} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The national reports: generated for a period with their figures frozen, approved by a second person, then released. */
export function StatisticReportsPage() {
  const { t } = useTranslation();
  const reports = useStatisticReports();
  return (
    <Stack gap="xs">
      <RouterAnchor to="/statistics" size="sm">
        {t('statisticReports.back')}
      </RouterAnchor>
      <PageHeader title={t('statisticReports.title')} description={t('statisticReports.description')} />
      <Stack gap="xl">
        <GenerateReportCard />
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            {t('statisticReports.list.title')}
          </Title>
          <QueryState query={reports}>{(data) => <ReportsTable items={data.items} />}</QueryState>
        </Card>
      </Stack>
    </Stack>
  );
}
