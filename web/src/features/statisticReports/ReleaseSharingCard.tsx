import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { StatisticReport } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { QueryState } from '../../components/QueryState';
import { useReleaseSharing } from '../regionalStatistics/queries';

const STATUS_COLORS = { pending: 'yellow', delivered: 'green', refused: 'red', rejected: 'red', cancelled: 'gray' } as const;

/** A released report goes to every partner country: whether and when it reached each. */
export function ReleaseSharingCard({ report }: { report: StatisticReport }) {
  const { t } = useTranslation();
  const sharing = useReleaseSharing(report.id, report.status === 'released');
  if (report.status !== 'released') return null;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('regionalStatistics.sharing.title')}
      </Title>
      <QueryState query={sharing}>
        {({ items }) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('regionalStatistics.sharing.none')}
            </Text>
          ) : (
            <Stack gap="xs">
              {items.map((item) => (
                <Group key={item.partner.id} gap="sm">
                  <Text size="sm" fw={600}>
                    {item.partner.name}
                  </Text>
                  <Badge color={STATUS_COLORS[item.status]} variant="light">
                    {t(`regionalStatistics.sharing.status.${item.status}`)}
                  </Badge>
                  <Text size="sm" c="dimmed">
                    {t('regionalStatistics.sharing.sent')} <FormattedDate value={item.sentAt} withTime />
                    {item.settledAt && (
                      <>
                        {' · '}
                        {t('regionalStatistics.sharing.settled')} <FormattedDate value={item.settledAt} withTime />
                      </>
                    )}
                  </Text>
                </Group>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}
