import { Badge, Card, Checkbox, EmptyState, Group, ScrollArea, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { CaseTask } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { useLocale } from '../../i18n/useLocale';
import { formatDate } from '../../lib/dates';
import type { TaskScope } from './api';
import { useSetTaskDone, useTasks } from './queries';

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
      <div style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600}>
            {label}
          </Text>
          {task.overdue && (
            <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
              {t('caseload.badge.overdue')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          <RouterAnchor to="/cases/$caseId" params={{ caseId: task.caseId }} size="xs">
            {task.caseReference}
          </RouterAnchor>
          {' · '}
          <time dateTime={task.dueOn}>{t('caseload.tasks.dueOn', { date: formatDate(task.dueOn, locale) })}</time>
        </Text>
      </div>
    </Group>
  );
}

/** The open deadlines and tasks of the reader, or of their agency; ticking one marks it done. */
export function TasksCard() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<TaskScope>('mine');
  const tasks = useTasks(scope);
  const setDone = useSetTaskDone();
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {t('caseload.tasks.title')}
        </Title>
        <SegmentedControl
          size="xs"
          value={scope}
          onChange={(value) => setScope(value === 'team' ? 'team' : 'mine')}
          data={[
            { value: 'mine', label: t('caseload.tasks.scope.mine') },
            { value: 'team', label: t('caseload.tasks.scope.team') },
          ]}
          aria-label={t('caseload.tasks.scopeLabel')}
        />
      </Group>
      <QueryState query={tasks}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title={t('caseload.tasks.emptyTitle')} description={t('caseload.tasks.emptyDescription')} />
          ) : (
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                {t('caseload.tasks.summary', { count: items.length, overdue: items.filter((task) => task.overdue).length })}
              </Text>
              <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
                <Stack gap="sm">
                  {items.map((task) => (
                    <TaskRow
                      key={task.id}
                      task={task}
                      // Ticked from the click until the refreshed list no longer holds the task.
                      marked={!setDone.isError && setDone.variables?.id === task.id}
                      onDone={() => setDone.mutate({ id: task.id, done: true })}
                    />
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            </Stack>
          )
        }
      </QueryState>
      <ProblemAlert error={setDone.error} />
    </Card>
  );
}
