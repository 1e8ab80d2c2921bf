import { Card, Group, Text, Timeline, Title } from '@mantine/core';
import type { CaseDetail } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../../components/FormattedDate';
import { QueryState } from '../../../components/QueryState';
import { TablePager } from '../../../components/TablePager';
import { TraffickingStatusBadge } from '../../cases/CaseBadges';
import { TIMELINE_PAGE_SIZE } from '../api';
import { eventKindLabel } from '../common/labels';
import { SectionBadge } from '../common/SectionBadge';
import { useTimeline } from '../queries';
import { type EntryChange, entryChange } from './entryChange';

function EntryChangeLine({ change }: { change: EntryChange | null }) {
  const { t } = useTranslation();
  if (!change) return null;
  return (
    <Group gap={4} my={2}>
      {change.kind === 'traffickingStatus' ? (
        <>
          <TraffickingStatusBadge status={change.from} />
          <Text span size="sm" aria-hidden>
            →
          </Text>
          <TraffickingStatusBadge status={change.to} />
        </>
      ) : (
        <Text size="sm">
          {t(`caseStatus.${change.from}`)} → {t(`caseStatus.${change.to}`)}
        </Text>
      )}
    </Group>
  );
}

/** Everything that happened on the case, newest first: what, who, from which agency, when. */
export function TimelineTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const timeline = useTimeline(detail.id, page);

  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('caseRecord.timeline.title')}
      </Title>
      <QueryState query={timeline}>
        {(result) =>
          result.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('caseRecord.timeline.empty')}
            </Text>
          ) : (
            <>
              <Timeline bulletSize={14} lineWidth={2}>
                {result.items.map((entry) => (
                  <Timeline.Item
                    key={entry.id}
                    title={
                      <Group gap="xs">
                        <Text size="sm" fw={600}>
                          {eventKindLabel(t, entry.kind)}
                        </Text>
                        {entry.section && <SectionBadge section={entry.section} />}
                      </Group>
                    }
                  >
                    <EntryChangeLine change={entryChange(entry.kind, entry.details)} />
                    <Text size="xs" c="dimmed">
                      <FormattedDate value={entry.occurredAt} withTime />
                      {' · '}
                      {entry.actorName ?? t('caseRecord.timeline.system')}
                      {entry.actorAgencyName && ` (${entry.actorAgencyName})`}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
              <TablePager page={page} pageSize={TIMELINE_PAGE_SIZE} total={result.total} onPageChange={setPage} />
            </>
          )
        }
      </QueryState>
    </Card>
  );
}
