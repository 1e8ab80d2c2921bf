import { Badge, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import type { MeetingSummary } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { useMe } from '../auth/MeContext';
import { hasPermission } from '../auth/permissions';
import type { MeetingWhen } from './api';
import { MeetingFormModal } from './MeetingFormModal';
import { useMeetings } from './queries';

export const STATUS_COLOUR = { scheduled: 'blue', held: 'teal', cancelled: 'gray' } as const;

function MeetingCard({ meeting }: { meeting: MeetingSummary }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" component="article">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <RouterAnchor to="/meetings/$meetingId" params={{ meetingId: meeting.id }} fw={600}>
            {meeting.title}
          </RouterAnchor>
          <Badge color={STATUS_COLOUR[meeting.status]} variant="light">
            {t(`caseMeetings.status.${meeting.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {meeting.date} {meeting.time} ({meeting.timeZone}) · {t(`caseMeetings.mode.${meeting.mode}`)}
          {meeting.place ? ` · ${meeting.place}` : ''}
        </Text>
        <Text size="xs" c="dimmed">
          {t('caseMeetings.convenedBy', { agency: meeting.conveningAgency.name })} · {t('caseMeetings.itemCount', { n: meeting.itemCount })}
          {' · '}
          <FormattedDate value={meeting.startsAt} withTime />
        </Text>
      </Stack>
    </Card>
  );
}

/** Upcoming and past case management meetings the user's agency convenes or is invited to. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [when, setWhen] = useState<MeetingWhen>('upcoming');
  const [creating, setCreating] = useState(false);
  const meetings = useMeetings(when);
  return (
    <Stack>
      <PageHeader
        title={t('caseMeetings.title')}
        description={t('caseMeetings.description')}
        actions={
          hasPermission(me, 'meeting:manage') ? <Button onClick={() => setCreating(true)}>{t('caseMeetings.convene')}</Button> : null
        }
      />
      <SegmentedControl
        w="fit-content"
        value={when}
        onChange={(value) => setWhen(value === 'past' ? 'past' : 'upcoming')}
        data={[
          { value: 'upcoming', label: t('caseMeetings.when.upcoming') },
          { value: 'past', label: t('caseMeetings.when.past') },
        ]}
      />
      <QueryState query={meetings}>
        {(result) =>
          result.items.length === 0 ? (
            <Text c="dimmed">{t('caseMeetings.empty')}</Text>
          ) : (
            <Stack gap="sm">
              {result.items.map((meeting) => (
                <MeetingCard key={meeting.id} meeting={meeting} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <MeetingFormModal opened={creating} meeting={null} onClose={() => setCreating(false)} />
    </Stack>
  );
}
