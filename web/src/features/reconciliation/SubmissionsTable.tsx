import { Table, Text } from '@mantine/core';
import type { StatisticSubmission } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { RouterAnchor } from '../../components/RouterLinks';
import { ScrollRegion } from './ScrollRegion';
import type { SubmissionLabels } from './useSubmissionLabels';

/** The figures entered, newest first, each opening its comparison with the records. */
export function SubmissionsTable({ items, labels }: { items: StatisticSubmission[]; labels: SubmissionLabels }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t('reconciliation.list.empty')}</Text>;
  return (
    <ScrollRegion label={t('reconciliation.list.label')}>
      <Table striped highlightOnHover verticalSpacing="sm" miw={860}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reconciliation.list.figure')}</Table.Th>
            <Table.Th scope="col">{t('reconciliation.list.agency')}</Table.Th>
            <Table.Th scope="col">{t('reconciliation.list.period')}</Table.Th>
            <Table.Th scope="col">{t('reconciliation.list.source')}</Table.Th>
            <Table.Th scope="col">{t('reconciliation.list.version')}</Table.Th>
            <Table.Th scope="col">{t('reconciliation.list.entered')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((submission) => (
            <Table.Tr key={submission.id}>
              <Table.Td>
                <RouterAnchor to="/statistics/reconciliation/$submissionId" params={{ submissionId: submission.id }} fw={500}>
                  {t(`statistics.key.${submission.statistic}.name`)}
                </RouterAnchor>
                <Text size="xs" c="dimmed">
                  {submission.by.length > 0
                    ? t('reconciliation.list.by', { breakdowns: labels.breakdowns(submission.by) })
                    : t('reconciliation.list.totalOnly')}
                </Text>
              </Table.Td>
              <Table.Td>{submission.sourceAgency.name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{labels.period(submission.from, submission.to)}</Table.Td>
              <Table.Td>{submission.source}</Table.Td>
              <Table.Td ta="end">{labels.figure.format(submission.version)}</Table.Td>
              <Table.Td>
                <Text size="sm">{submission.submittedBy}</Text>
                <Text size="xs" c="dimmed">
                  <FormattedDate value={submission.submittedAt} withTime />
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
