import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { arrivalsByKind, useArrivals } from './arrivals';

/** References shown under each kind before "and n more". */
const SHOWN = 4;

/**
 * What arrived since the reader last looked: the notices she has not read yet (cases assigned to
 * her, new referrals, transfers offered, repatriations, meeting actions), counted by kind with the
 * cases they concern.
 */
export function ArrivalsCard() {
  const { t } = useTranslation();
  const arrivals = useArrivals();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="arrivals-title">
      <Title order={2} size="h4" mb="sm" id="arrivals-title">
        {t('home.arrivals.title')}
      </Title>
      <QueryState query={arrivals} loading={<ListSkeleton rows={3} />}>
        {({ items, unread }) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('home.arrivals.none')}
            </Text>
          ) : (
            <Stack gap="sm">
              {arrivalsByKind(items).map(({ kind, count, cases }) => (
                <div key={kind}>
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Text size="sm" fw={600}>
                      {t(`notifications.kind.${kind}`)}
                    </Text>
                    <Badge variant="light" style={{ flexShrink: 0 }}>
                      {count}
                    </Badge>
                  </Group>
                  {cases.length > 0 && (
                    // Links a finger can hit: 24 px apart at least (WCAG 2.5.8).
                    <List size="sm" listStyleType="none" spacing="xs">
                      {cases.slice(0, SHOWN).map(({ id, caseId, caseReference }) => (
                        <List.Item key={id}>
                          <RouterAnchor to="/cases/$caseId" params={{ caseId }} size="sm">
                            {caseReference}
                          </RouterAnchor>
                        </List.Item>
                      ))}
                      {cases.length > SHOWN && (
                        <List.Item>
                          <Text size="xs" c="dimmed">
                            {t('home.arrivals.more', { count: cases.length - SHOWN })}
                          </Text>
                        </List.Item>
                      )}
                    </List>
                  )}
                </div>
              ))}
              {unread > items.length && (
                <Text size="xs" c="dimmed">
                  {t('home.arrivals.inBell', { count: unread - items.length })}
                </Text>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}
