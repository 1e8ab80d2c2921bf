import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { RouterAnchor } from '../../components/RouterLinks';
import { useMeetings } from './queries';

/** Upcoming meetings with this case on the agenda, on the case overview; nothing when there are none. */
export function CaseMeetingsCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const meetings = useMeetings('upcoming', caseId);
  const items = meetings.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('caseMeetings.caseCard')}
      </Title>
      <Stack gap="xs">
        {items.map((meeting) => (
          <div key={meeting.id}>
            <RouterAnchor to="/meetings/$meetingId" params={{ meetingId: meeting.id }} size="sm">
              {meeting.title}
            </RouterAnchor>
            <Text size="xs" c="dimmed">
              <FormattedDate value={meeting.startsAt} withTime /> · {meeting.conveningAgency.name}
            </Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}
