import { Alert, Badge, Box, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import type { HtcdsImportReport, ImportJobState } from '@seamless/contracts';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { formatNumber } from '../../lib/numbers';
import { ColumnMappingTable } from './ColumnMappingTable';
import { ImportRecords } from './ImportRecords';
import { IssueTable } from './IssueTable';
import { canImport, importProgress, isRunning, type RunningState } from './importJob';

const STATE_COLORS: Record<ImportJobState, string> = {
  queued: 'gray',
  validating: 'blue',
  importing: 'blue',
  done: 'teal',
  failed: 'red',
};

function JobProgress({ report, state }: { report: HtcdsImportReport; state: RunningState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const percent = importProgress(report);
  const label = t(`htcdsExchange.progress.${state}`);
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm">{label}</Text>
        <Text size="sm" c="dimmed">
          {formatNumber(percent / 100, locale, { style: 'percent' })}
        </Text>
      </Group>
      <Progress value={percent} aria-label={label} striped animated={state === 'queued'} size="lg" />
    </Stack>
  );
}

/** The counts, each in an element a test can read: the formatted number, and the raw one in `data-value`. */
function ImportCounts({ report }: { report: HtcdsImportReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const counts = [
    { id: 'count-rows', label: t('htcdsExchange.report.rows'), value: report.rows },
    {
      id: 'count-imported',
      label: t(report.dryRun ? 'htcdsExchange.report.wouldImport' : 'htcdsExchange.report.imported'),
      value: report.imported,
    },
    { id: 'count-matched', label: t('htcdsExchange.report.matched'), value: report.matchedExisting },
    { id: 'count-skipped', label: t('htcdsExchange.report.skipped'), value: report.skipped },
    { id: 'count-errors', label: t('htcdsExchange.report.errorCount'), value: report.errorCount },
  ];
  return (
    <section>
      <Title order={3} size="h5" mb="xs">
        {t('htcdsExchange.report.summary')}
      </Title>
      <Box
        component="dl"
        data-testid="import-counts"
        m={0}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(9rem, 1fr))', gap: 'var(--mantine-spacing-md)' }}
      >
        {counts.map((count) => (
          <div key={count.id}>
            <Text component="dt" size="sm" c="dimmed">
              {count.label}
            </Text>
            <Text component="dd" m={0} fz="xl" fw={700} data-testid={count.id} data-value={count.value}>
              {formatNumber(count.value, locale)}
            </Text>
          </div>
        ))}
      </Box>
    </section>
  );
}

interface OutcomeProps {
  report: HtcdsImportReport;
  onImport: () => void;
  importPending: boolean;
  caseListLink?: ReactNode;
}

/** What the finished job means for the reader, and the next step it allows. */
function Outcome({ report, onImport, importPending, caseListLink }: OutcomeProps) {
  const { t } = useTranslation();
  if (!report.dryRun) {
    return report.state === 'failed' ? (
      <Alert color="red" title={t('htcdsExchange.import.nothingImported')}>
        {t('htcdsExchange.import.nothingImportedDetail')}
      </Alert>
    ) : (
      <Alert color="teal" title={t('htcdsExchange.import.finishedTitle')}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('htcdsExchange.import.finished')}</Text>
          {caseListLink}
        </Stack>
      </Alert>
    );
  }
  if (report.state === 'failed') return <Alert color="red" title={t('htcdsExchange.import.checkFailed')} />;
  if (report.errorCount > 0) {
    return (
      <Alert color="orange" title={t('htcdsExchange.import.hasErrorsTitle')}>
        {t('htcdsExchange.import.hasErrors')}
      </Alert>
    );
  }
  if (!canImport(report)) return <Alert color="blue">{t('htcdsExchange.import.nothingNew')}</Alert>;
  return (
    <Alert color="teal" title={t('htcdsExchange.import.readyTitle')}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('htcdsExchange.import.ready')}</Text>
        <Button onClick={onImport} loading={importPending}>
          {t('htcdsExchange.import.start', { count: report.imported })}
        </Button>
      </Stack>
    </Alert>
  );
}

interface ImportReportProps {
  report: HtcdsImportReport;
  /** Imports the file of a clean dry run; offered only when `canImport` allows it. */
  onImport: () => void;
  importPending: boolean;
  /** Where a finished import leads (a router link, which the page supplies to those who may read cases). */
  caseListLink?: ReactNode;
}

/** A job's report: its progress while it runs, then counts, outcome, column mapping, errors and warnings. */
export function ImportReport({ report, onImport, importPending, caseListLink }: ImportReportProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={titleId}>
      <Stack gap="lg">
        <div>
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h3" id={titleId}>
              {t(report.dryRun ? 'htcdsExchange.report.dryRunTitle' : 'htcdsExchange.report.importTitle')}
            </Title>
            <div role="status">
              <Badge size="lg" variant="light" color={STATE_COLORS[report.state]} data-testid="import-state" data-state={report.state}>
                {t(`htcdsExchange.state.${report.state}`)}
              </Badge>
            </div>
          </Group>
          <Text size="sm" c="dimmed">
            {t('htcdsExchange.report.file', { name: report.fileName })}
          </Text>
        </div>
        {isRunning(report.state) ? (
          <JobProgress report={report} state={report.state} />
        ) : (
          <>
            <ImportCounts report={report} />
            <Outcome report={report} onImport={onImport} importPending={importPending} caseListLink={caseListLink} />
            {!report.dryRun && report.state === 'done' && report.mine && report.imported > 0 && <ImportRecords jobId={report.jobId} />}
            {report.dryRun && report.columns.length > 0 && <ColumnMappingTable columns={report.columns} />}
            <IssueTable
              title={t('htcdsExchange.report.errors')}
              empty={t('htcdsExchange.report.noErrors')}
              issues={report.errors}
              total={report.errorCount}
            />
            <IssueTable title={t('htcdsExchange.report.warnings')} empty={t('htcdsExchange.report.noWarnings')} issues={report.warnings} />
          </>
        )}
      </Stack>
    </Card>
  );
}
