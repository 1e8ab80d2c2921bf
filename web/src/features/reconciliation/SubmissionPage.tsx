import { Card, SimpleGrid, Stack } from '@mantine/core';
import type { AgeBand, Reconciliation } from '@seamless/contracts';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { LabelledValue } from '../../components/LabelledValue';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { useMe } from '../auth/MeContext';
import { hasPermission } from '../auth/permissions';
import { useStatisticDefinitions } from '../statistics/queries';
import { LineRecordsDrawer, type OpenedLine } from './LineRecordsDrawer';
import { useReconciliation } from './queries';
import { ReconciliationSummary } from './ReconciliationSummary';
import { ReconciliationTable } from './ReconciliationTable';
import { type SubmissionLabels, useSubmissionLabels } from './useSubmissionLabels';

const NO_AGE_BANDS: AgeBand[] = [];

function SubmissionView({ reconciliation, labels }: { reconciliation: Reconciliation; labels: SubmissionLabels }) {
  const { t } = useTranslation();
  const { submission } = reconciliation;
  const readsCases = hasPermission(useMe(), 'case:read');
  const [openedLine, setOpenedLine] = useState<OpenedLine | null>(null);
  return (
    <>
      <PageHeader
        title={t(`statistics.key.${submission.statistic}.name`)}
        description={t('reconciliation.view.subtitle', {
          agency: submission.sourceAgency.name,
          period: labels.period(submission.from, submission.to),
        })}
      />
      <Stack gap="lg">
        <Card withBorder padding="lg">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg">
            <LabelledValue label={t('reconciliation.view.source')}>{submission.source}</LabelledValue>
            <LabelledValue label={t('reconciliation.view.breakdowns')}>
              {submission.by.length > 0 ? labels.breakdowns(submission.by) : t('reconciliation.list.totalOnly')}
            </LabelledValue>
            <LabelledValue label={t('reconciliation.view.version')}>{labels.figure.format(submission.version)}</LabelledValue>
            <LabelledValue label={t('reconciliation.view.entered')}>
              {submission.submittedBy} · <FormattedDate value={submission.submittedAt} withTime />
            </LabelledValue>
          </SimpleGrid>
        </Card>
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <ReconciliationSummary reconciliation={reconciliation} labels={labels} />
            <ReconciliationTable reconciliation={reconciliation} labels={labels} onOpenRecords={readsCases ? setOpenedLine : undefined} />
          </Stack>
        </Card>
      </Stack>
      {readsCases && (
        <LineRecordsDrawer
          submissionId={submission.id}
          line={openedLine}
          format={labels.figure.format}
          onClose={() => setOpenedLine(null)}
        />
      )}
    </>
  );
}

/** One submission beside the figure computed from the agency's records, line by line. */
export function SubmissionPage() {
  const { t } = useTranslation();
  const { submissionId } = useParams({ from: '/signed-in/statistics/reconciliation/$submissionId' });
  const definitions = useStatisticDefinitions();
  const reconciliation = useReconciliation(submissionId);
  const labels = useSubmissionLabels(definitions.data?.ageBands ?? NO_AGE_BANDS);
  return (
    <Stack gap="xs">
      <RouterAnchor to="/statistics/reconciliation" size="sm">
        {t('reconciliation.view.back')}
      </RouterAnchor>
      <QueryState query={reconciliation}>{(data) => <SubmissionView reconciliation={data} labels={labels} />}</QueryState>
    </Stack>
  );
}
