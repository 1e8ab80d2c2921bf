import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Locale, StatisticReport } from '@seamless/contracts';
import { useMutation } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { LabelledValue } from '../../components/LabelledValue';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { type ReportFormat, statisticReportsApi } from './api';
import { useStatisticReport } from './queries';
import { ReleaseSharingCard } from './ReleaseSharingCard';
import { ReportLanguageSelect } from './ReportChoiceSelects';
import { ReportStatusBadge } from './ReportStatusBadge';
import { ReportTables } from './ReportTables';
import { SignOffModal, type SignOffStep } from './SignOffModals';
import { useReportPeriodLabel } from './useReportLabels';

/** Who generated, signed and released the report: the approval block printed on the report itself. */
function SignOffCard({ report }: { report: StatisticReport }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        <LabelledValue label={t('statisticReports.detail.generated')}>
          {report.generated ? (
            <>
              {report.generated.name} · <FormattedDate value={report.generated.at} withTime />
            </>
          ) : (
            '–'
          )}
        </LabelledValue>
        {report.approved ? (
          <LabelledValue label={t('statisticReports.detail.approved')}>
            <Text size="sm" fw={600}>
              {report.approved.signatoryName}
            </Text>
            <Text size="sm">{report.approved.signatoryPosition}</Text>
            <Text size="xs" c="dimmed">
              {t('statisticReports.detail.approvedBy', { name: report.approved.name })} ·{' '}
              <FormattedDate value={report.approved.at} withTime />
            </Text>
          </LabelledValue>
        ) : (
          <LabelledValue label={t('statisticReports.detail.approved')}>
            <Text size="sm" c="dimmed">
              {t('statisticReports.detail.notApproved')}
            </Text>
          </LabelledValue>
        )}
        <LabelledValue label={t('statisticReports.detail.released')}>
          {report.released ? (
            <>
              {report.released.name} · <FormattedDate value={report.released.at} withTime />
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('statisticReports.detail.notReleased')}
            </Text>
          )}
        </LabelledValue>
      </SimpleGrid>
    </Card>
  );
}

/** The report as a file to print and sign, or as a workbook, in its own language or another. */
function DownloadCard({ report }: { report: StatisticReport }) {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<Locale>(report.locale);
  const file = useMutation({ mutationFn: (format: ReportFormat) => statisticReportsApi.download(report.id, format, locale) });
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {t('statisticReports.download.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t(report.status === 'released' ? 'statisticReports.download.note' : 'statisticReports.download.draftNote')}
          </Text>
        </div>
        <Group align="flex-end" wrap="wrap" gap="sm">
          <ReportLanguageSelect label={t('statisticReports.download.language')} value={locale} onChange={setLocale} />
          <Button
            variant="light"
            onClick={() => file.mutate('pdf')}
            loading={file.isPending && file.variables === 'pdf'}
            disabled={file.isPending}
          >
            {t('statisticReports.download.pdf')}
          </Button>
          <Button
            variant="light"
            onClick={() => file.mutate('xlsx')}
            loading={file.isPending && file.variables === 'xlsx'}
            disabled={file.isPending}
          >
            {t('statisticReports.download.xlsx')}
          </Button>
        </Group>
        <ProblemAlert error={file.error} />
      </Stack>
    </Card>
  );
}

function ReportView({ report }: { report: StatisticReport }) {
  const { t } = useTranslation();
  const periodLabel = useReportPeriodLabel();
  const [step, setStep] = useState<SignOffStep | null>(null);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Group gap="sm" align="center">
            <Title order={1} size="h2">
              {t(`statisticReports.template.${report.template}`)}
            </Title>
            <ReportStatusBadge status={report.status} />
          </Group>
          <Text c="dimmed">
            {t('statisticReports.detail.subtitle', {
              period: periodLabel(report.template, report.from),
              language: t(`language.${report.locale}`),
            })}
          </Text>
        </div>
        <Group gap="sm">
          {report.actions.includes('approve') && <Button onClick={() => setStep('approve')}>{t('statisticReports.approve.open')}</Button>}
          {report.actions.includes('release') && (
            <Button color="orange" onClick={() => setStep('release')}>
              {t('statisticReports.release.open')}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm">{t(`statisticReports.detail.standing.${report.status}`)}</Text>
      <SignOffCard report={report} />
      <DownloadCard report={report} />
      <ReleaseSharingCard report={report} />
      <ReportTables template={report.template} from={report.from} tables={report.tables} />
      <SignOffModal report={report} step={step} onClose={() => setStep(null)} />
    </Stack>
  );
}

/** One report: where it stands, who signed it, its files, and its frozen tables. */
export function StatisticReportPage() {
  const { t } = useTranslation();
  const { reportId } = useParams({ from: '/signed-in/statistics/reports/$reportId' });
  const report = useStatisticReport(reportId);
  return (
    <Stack gap="xs">
      <RouterAnchor to="/statistics/reports" size="sm">
        {t('statisticReports.detail.back')}
      </RouterAnchor>
      <QueryState query={report}>{(data) => <ReportView report={data} />}</QueryState>
    </Stack>
  );
}
