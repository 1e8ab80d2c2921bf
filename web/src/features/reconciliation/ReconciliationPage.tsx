import { Card, Stack, Title } from '@mantine/core';
import type { AgeBand } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useStatisticDefinitions } from '../statistics/queries';
import { useStatisticSubmissions } from './queries';
import { ReportFiguresCard } from './ReportFiguresCard';
import { SubmissionsTable } from './SubmissionsTable';
import { useSubmissionLabels } from './useSubmissionLabels';

const NO_AGE_BANDS: AgeBand[] = [];

/** Figures other agencies reported, entered by a data officer and each compared with the records. */
export function ReconciliationPage() {
  const { t } = useTranslation();
  const definitions = useStatisticDefinitions();
  const submissions = useStatisticSubmissions();
  const labels = useSubmissionLabels(definitions.data?.ageBands ?? NO_AGE_BANDS);
  return (
    <>
      <PageHeader title={t('reconciliation.title')} description={t('reconciliation.description')} />
      <Stack gap="xl">
        <QueryState query={definitions}>{(data) => <ReportFiguresCard definitions={data} />}</QueryState>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            {t('reconciliation.list.title')}
          </Title>
          <QueryState query={submissions}>{(data) => <SubmissionsTable items={data.items} labels={labels} />}</QueryState>
        </Card>
      </Stack>
    </>
  );
}
