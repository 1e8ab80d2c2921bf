import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { Notification, NotificationKind, NotificationPage } from '@seamless/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { notificationKeys } from '../notifications/queries';

/** Enough unread notices for one screen; the bell holds the rest. */
const ARRIVALS = 50;
/** References shown under each kind before "and n more". */
const SHOWN = 4;

function useArrivals() {
  return useQuery({
    queryKey: [...notificationKeys.all, 'arrivals'],
    queryFn: () => api.get<NotificationPage>('/api/notifications', { query: { unread: 'true', pageSize: ARRIVALS } }),
  });
}

/** The unread notices by kind, the kind with the newest notice first. */
export function arrivalsByKind(notices: readonly Notification[]): { kind: NotificationKind; notices: Notification[] }[] {
  const byKind = new Map<NotificationKind, Notification[]>();
  for (const notice of notices) byKind.set(notice.kind, [...(byKind.get(notice.kind) ?? []), notice]);
  return [...byKind.entries()].map(([kind, items]) => ({ kind, notices: items }));
}

/**
 * What arrived since the reader last looked: the notices she has not read yet (new referrals,
 * transfers offered, repatriations, meeting actions), counted by kind with the cases they concern.
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
              {arrivalsByKind(items).map(({ kind, notices }) => {
                // A notice names its case only when the reader may open it.
                const linked = notices.flatMap(({ id, caseId, caseReference }) =>
                  caseId && caseReference ? [{ id, caseId, caseReference }] : [],
                );
                return (
                  <div key={kind}>
                    <Group gap="xs" wrap="nowrap" justify="space-between">
                      <Text size="sm" fw={600}>
                        {t(`notifications.kind.${kind}`)}
                      </Text>
                      <Badge variant="light" style={{ flexShrink: 0 }}>
                        {notices.length}
                      </Badge>
                    </Group>
                    {linked.length > 0 && (
                      <List size="sm" listStyleType="none" spacing={2}>
                        {linked.slice(0, SHOWN).map(({ id, caseId, caseReference }) => (
                          <List.Item key={id}>
                            <RouterAnchor to="/cases/$caseId" params={{ caseId }} size="sm">
                              {caseReference}
                            </RouterAnchor>
                          </List.Item>
                        ))}
                        {linked.length > SHOWN && (
                          <List.Item>
                            <Text size="xs" c="dimmed">
                              {t('home.arrivals.more', { count: linked.length - SHOWN })}
                            </Text>
                          </List.Item>
                        )}
                      </List>
                    )}
                  </div>
                );
              })}
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
