import {
  Badge,
  Button,
  Card,
  Checkbox,
  EmptyState,
  Group,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { CASE_TASK_KINDS, type CaseTask, type CaseTaskKind, type TaskCaseGroup } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { CardListSkeleton } from '../../components/Skeletons';
import { useLocale } from '../../i18n/useLocale';
import { formatDate } from '../../lib/dates';
import { usePhoneLayout } from '../../lib/usePhoneLayout';
import type { TaskBoardFilters } from './api';
import { useSetTaskDone, useTaskBoard } from './queries';
import { groupByUrgency, localToday } from './urgencyBands';

function TaskRow({ task, onDone, marked }: { task: CaseTask; onDone: () => void; marked: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // Deadlines the procedures set are named by their kind; tasks people add carry their own title.
  const label = task.kind === 'custom' && task.title ? task.title : t(`caseload.tasks.kind.${task.kind}`);
  return (
    <Group wrap="nowrap" align="flex-start" gap="sm">
      <Checkbox
        mt={2}
        checked={marked}
        disabled={marked}
        onChange={onDone}
        aria-label={t('caseload.tasks.markDone', { task: label, reference: task.caseReference })}
      />
      <Group gap="xs" justify="space-between" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
        <div>
          <Text size="sm">{label}</Text>
          <Text size="xs" c={task.overdue ? 'red.8' : 'dimmed'}>
            <time dateTime={task.dueOn}>{t('caseload.tasks.dueOn', { date: formatDate(task.dueOn, locale) })}</time>
          </Text>
        </div>
        {task.overdue && (
          <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
            {t('caseload.badge.overdue')}
          </Badge>
        )}
      </Group>
    </Group>
  );
}

const CARDS = 50;

/** One person's card: who (name or pseudonym, as the reader may see), her case, then what is due. */
function CaseCard({ group, doneId, onDone }: { group: TaskCaseGroup; doneId: string | undefined; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" component="section" aria-label={group.displayName}>
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={700} truncate>
            {group.displayName}
          </Text>
          <RouterAnchor to="/cases/$caseId" params={{ caseId: group.caseId }} size="xs">
            {group.caseReference}
          </RouterAnchor>
        </div>
        {group.overdue > 0 && (
          <Badge color="red" style={{ flexShrink: 0 }}>
            {t('notifications.board.overdueCount', { count: group.overdue })}
          </Badge>
        )}
      </Group>
      <Stack gap="xs">
        {group.tasks.map((task) => (
          <TaskRow key={task.id} task={task} marked={doneId === task.id} onDone={() => onDone(task.id)} />
        ))}
      </Stack>
    </Card>
  );
}

/** The reader's (or her agency's) open tasks from every source, one card per person, under overdue, today, this week and later. */
export function TasksCard() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<TaskBoardFilters>({ scope: 'mine', overdue: false, kind: null, cases: CARDS });
  const board = useTaskBoard(filters);
  const phone = usePhoneLayout();
  const setDone = useSetTaskDone();
  // Ticked from the click until the refreshed board no longer holds the task.
  const doneId = setDone.isError ? undefined : setDone.variables?.id;
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {t('caseload.tasks.title')}
        </Title>
        <SegmentedControl
          size="xs"
          value={filters.scope}
          onChange={(value) => setFilters({ ...filters, cases: CARDS, scope: value === 'team' ? 'team' : 'mine' })}
          data={[
            { value: 'mine', label: t('caseload.tasks.scope.mine') },
            { value: 'team', label: t('caseload.tasks.scope.team') },
          ]}
          aria-label={t('caseload.tasks.scopeLabel')}
        />
      </Group>
      <Group mb="sm" gap="md" align="flex-end" wrap="wrap">
        <Select
          size="xs"
          label={t('notifications.board.kind')}
          placeholder={t('notifications.board.anyKind')}
          clearable
          value={filters.kind}
          onChange={(value) => setFilters({ ...filters, cases: CARDS, kind: (value as CaseTaskKind | null) ?? null })}
          data={CASE_TASK_KINDS.map((kind) => ({ value: kind, label: t(`caseload.tasks.kind.${kind}`) }))}
        />
        <Switch
          size="sm"
          label={t('notifications.board.overdueOnly')}
          checked={filters.overdue}
          onChange={(event) => setFilters({ ...filters, cases: CARDS, overdue: event.currentTarget.checked })}
        />
      </Group>
      <QueryState query={board} loading={<CardListSkeleton cards={3} />}>
        {({ groups, total, caseCount }) => {
          const list = (
            <Stack gap="md">
              {groupByUrgency(groups, localToday()).map(({ band, people }) => (
                <Stack key={band} gap="xs" component="section" aria-labelledby={`urgency-${band}`}>
                  <Title order={3} size="h6" id={`urgency-${band}`} c={band === 'overdue' ? 'red.8' : undefined}>
                    {t(`home.urgency.${band}`, { count: people.length })}
                  </Title>
                  {people.map((group) => (
                    <CaseCard key={group.caseId} group={group} doneId={doneId} onDone={(id) => setDone.mutate({ id, done: true })} />
                  ))}
                </Stack>
              ))}
              {caseCount > groups.length && filters.cases < 200 && (
                <Button variant="default" size="xs" onClick={() => setFilters({ ...filters, cases: Math.min(filters.cases + CARDS, 200) })}>
                  {t('notifications.loadMore')}
                </Button>
              )}
            </Stack>
          );
          return groups.length === 0 ? (
            <EmptyState title={t('caseload.tasks.emptyTitle')} description={t('notifications.board.empty')} />
          ) : (
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                {t('notifications.board.total', { count: total, cases: caseCount })}
              </Text>
              {/* A phone scrolls the page itself: a second scroller inside it traps the thumb and clips the badges. */}
              {phone ? (
                list
              ) : (
                <ScrollArea.Autosize mah={560} type="auto" offsetScrollbars>
                  {list}
                </ScrollArea.Autosize>
              )}
            </Stack>
          );
        }}
      </QueryState>
      <ProblemAlert error={setDone.error} />
    </Card>
  );
}
