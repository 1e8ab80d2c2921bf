import { Card, Group, Stack, Text } from '@mantine/core';
import type { CaseSummary } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { RouterAnchor } from '../../components/RouterLinks';
import { TablePager } from '../../components/TablePager';
import { CaseFlags, CaseStatusBadge, TraffickingStatusBadge } from './CaseBadges';
import { useCaseFacts } from './caseFacts';

function CaseCard({ summary }: { summary: CaseSummary }) {
  const { t } = useTranslation();
  const facts = useCaseFacts(summary);
  return (
    <Card withBorder padding="sm" component="li" aria-labelledby={`case-${summary.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <div style={{ minWidth: 0 }}>
          {/* The server already chose between the name and a pseudonym for this reader. */}
          <Text fw={700} id={`case-${summary.id}`}>
            {summary.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {facts}
          </Text>
        </div>
        <RouterAnchor to="/cases/$caseId" params={{ caseId: summary.id }} fw={700} size="sm" style={{ flexShrink: 0 }}>
          {summary.reference}
        </RouterAnchor>
      </Group>
      <Group gap={6} mt="xs">
        <CaseStatusBadge status={summary.status} />
        <TraffickingStatusBadge status={summary.traffickingStatus} />
        <CaseFlags summary={summary} />
      </Group>
      <Group justify="space-between" mt="xs" gap="xs">
        <Text size="xs" c="dimmed">
          {t(`vocab.caseStage.${summary.stage}`)}
        </Text>
        {summary.identificationDueOn && (
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed">
              {t('caseload.fields.identificationDueOn')}
            </Text>
            <Text size="xs" fw={600}>
              <FormattedDate value={summary.identificationDueOn} />
            </Text>
          </Group>
        )}
      </Group>
    </Card>
  );
}

interface CaseCardsProps {
  result: { items: CaseSummary[]; total: number };
  empty: string;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
}

/** The caseload on a phone: one card per case, who and where she stands first, in the server's order. */
export function CaseCards({ result, empty, page, pageSize, onPageChange }: CaseCardsProps) {
  if (result.items.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {result.items.map((summary) => (
          <CaseCard key={summary.id} summary={summary} />
        ))}
      </Stack>
      <TablePager page={page} pageSize={pageSize} total={result.total} onPageChange={onPageChange} />
    </>
  );
}
