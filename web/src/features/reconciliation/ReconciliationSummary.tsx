import { Group, List, Text } from '@mantine/core';
import type { Reconciliation } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import type { SubmissionLabels } from './useSubmissionLabels';
import { VerdictBadge } from './VerdictBadge';
import { summaryOf } from './verdicts';

/** How many lines stand under each verdict, and what the numbers must be read with. */
export function ReconciliationSummary({ reconciliation, labels }: { reconciliation: Reconciliation; labels: SubmissionLabels }) {
  const { t } = useTranslation();
  const { adjustment, threshold } = reconciliation;
  const summary = summaryOf(reconciliation.summary);
  return (
    <>
      <Text size="sm" fw={700} id="reconciliation-summary">
        {t('reconciliation.view.summary')}
      </Text>
      <Group gap="md" wrap="wrap" role="list" aria-labelledby="reconciliation-summary">
        {summary.map(({ verdict, count }) => (
          <Group key={verdict} gap={6} role="listitem">
            <VerdictBadge verdict={verdict} />
            <Text fw={700}>{labels.figure.format(count)}</Text>
          </Group>
        ))}
      </Group>
      <List size="sm" c="dimmed" spacing={4}>
        {adjustment > 0 && <List.Item>{t('reconciliation.view.adjustment', { adjustment })}</List.Item>}
        <List.Item>{t('reconciliation.view.differs')}</List.Item>
        <List.Item>{t('reconciliation.view.hidden', { threshold })}</List.Item>
      </List>
    </>
  );
}
