import { Badge, Button, Card, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  type AgendaItem,
  type FieldError,
  type MeetingAction,
  type MeetingActionInput,
  type MeetingDetail,
  meetingActionInputSchema,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { FormattedDate } from '../../components/FormattedDate';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RouterAnchor } from '../../components/RouterLinks';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { meetingApi } from './api';
import { ownerPersonOptions } from './meetingPeople';
import { useMeetingChange, useMeetingPeople } from './queries';
import { useDescribeAccount } from './useDescribeAccount';
import { usePeopleFieldErrors } from './usePeopleFieldErrors';

const ACTION_COLOUR = { open: 'yellow', done: 'teal', cancelled: 'gray', carried: 'blue' } as const;

function ActionRow({ meetingId, action }: { meetingId: string; action: MeetingAction }) {
  const { t } = useTranslation();
  const change = useMeetingChange((status: 'open' | 'done' | 'cancelled') => meetingApi.setActionStatus(meetingId, action.id, status));
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Badge color={ACTION_COLOUR[action.status]} variant="light">
          {t(`caseMeetings.actionStatus.${action.status}`)}
        </Badge>
        {action.text === null ? (
          <Text size="sm" c="dimmed" fs="italic">
            {t('caseMeetings.actions.withheld')}
          </Text>
        ) : (
          <Text size="sm">{action.text}</Text>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {[action.ownerAgency.name, action.ownerUserName].filter(Boolean).join(', ')} · {t('caseMeetings.actions.due')}{' '}
        <FormattedDate value={action.dueOn} />
        {action.text === null ? null : ` · ${action.taskId ? t('caseMeetings.actions.task') : t('caseMeetings.actions.noTask')}`}
      </Text>
      {action.canUpdate && (
        <Group gap="xs">
          {action.status === 'open' ? (
            <>
              <Button size="compact-xs" variant="light" loading={change.isPending} onClick={() => change.mutate('done')}>
                {t('caseMeetings.actions.markDone')}
              </Button>
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => change.mutate('cancelled')}>
                {t('caseMeetings.actions.cancel')}
              </Button>
            </>
          ) : (
            <Button size="compact-xs" variant="subtle" onClick={() => change.mutate('open')}>
              {t('caseMeetings.actions.reopen')}
            </Button>
          )}
        </Group>
      )}
      {change.error ? <ProblemAlert error={change.error} /> : null}
    </Stack>
  );
}

function ActionForm({ meeting, item }: { meeting: MeetingDetail; item: AgendaItem }) {
  const { t } = useTranslation();
  const owners = [meeting.conveningAgency, ...meeting.invitedAgencies].map((agency) => ({ value: agency.id, label: agency.name }));
  const [text, setText] = useState('');
  const [ownerAgencyId, setOwner] = useState<string | null>(null);
  const [ownerUserId, setOwnerUser] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const people = useMeetingPeople(meeting, true);
  const describe = useDescribeAccount();
  const add = useMeetingChange((body: MeetingActionInput) => meetingApi.addAction(meeting.id, item.id, body));
  const errors = usePeopleFieldErrors(clientErrors, add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(meetingActionInputSchema, { text, ownerAgencyId: ownerAgencyId ?? undefined, ownerUserId, dueOn });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok)
      add.mutate(checked.data, {
        onSuccess: () => {
          setText('');
          setDueOn('');
        },
      });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <TextInput
          size="xs"
          label={t('caseMeetings.actions.text')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
        />
        <Group grow align="flex-start" wrap="wrap">
          <Select
            size="xs"
            label={t('caseMeetings.actions.owner')}
            data={owners}
            value={ownerAgencyId}
            onChange={(agencyId) => {
              setOwner(agencyId);
              // A person belongs to one agency: choosing another agency drops her.
              setOwnerUser(null);
            }}
            error={errors.ownerAgencyId}
            miw={160}
          />
          <Select
            size="xs"
            searchable
            clearable
            label={t('caseMeetings.people.ownerPerson')}
            placeholder={ownerAgencyId ? t('caseMeetings.people.anyoneOfAgency') : t('caseMeetings.people.chooseAgencyFirst')}
            nothingFoundMessage={t('caseMeetings.people.noColleague')}
            data={ownerPersonOptions(people.data, ownerAgencyId, describe)}
            value={ownerUserId}
            onChange={setOwnerUser}
            disabled={!ownerAgencyId}
            error={errors.ownerUserId}
            miw={160}
          />
          <DateInput size="xs" label={t('caseMeetings.actions.due')} value={dueOn} onChange={setDueOn} error={errors.dueOn} miw={140} />
        </Group>
        {add.error && !Object.keys(errors).length ? <ProblemAlert error={add.error} /> : null}
        <Group justify="flex-end">
          <Button size="xs" type="submit" variant="light" loading={add.isPending}>
            {t('caseMeetings.actions.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ItemWriting({ meeting, item }: { meeting: MeetingDetail; item: AgendaItem }) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState(item.notes ?? '');
  const [decision, setDecision] = useState('');
  const update = useMeetingChange((body: { notes?: string | null; resolved?: boolean }) =>
    meetingApi.updateItem(meeting.id, item.id, body),
  );
  const decide = useMeetingChange((text: string) => meetingApi.addDecision(meeting.id, item.id, text));
  const errors = useFieldErrors([], update.error ?? decide.error);
  return (
    <Stack gap="xs">
      <Textarea
        size="xs"
        label={t('caseMeetings.agenda.notes')}
        autosize
        minRows={2}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        error={errors.notes}
      />
      <Group gap="xs" justify="flex-end">
        <Button size="compact-xs" variant="light" loading={update.isPending} onClick={() => update.mutate({ notes: notes.trim() || null })}>
          {t('caseMeetings.agenda.saveNotes')}
        </Button>
        <Button size="compact-xs" variant="subtle" onClick={() => update.mutate({ resolved: !item.resolved })}>
          {item.resolved ? t('caseMeetings.agenda.reopen') : t('caseMeetings.agenda.markResolved')}
        </Button>
      </Group>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          label={t('caseMeetings.decisions.text')}
          value={decision}
          onChange={(e) => setDecision(e.currentTarget.value)}
          error={errors.text}
        />
        <Button
          size="xs"
          variant="light"
          loading={decide.isPending}
          disabled={!decision.trim()}
          onClick={() => decide.mutate(decision, { onSuccess: () => setDecision('') })}
        >
          {t('caseMeetings.decisions.add')}
        </Button>
      </Group>
      {(update.error || decide.error) && !Object.keys(errors).length ? <ProblemAlert error={update.error ?? decide.error} /> : null}
    </Stack>
  );
}

/**
 * One case on the agenda as the reader may see it: the case itself and what was said about it
 * only with access to the case; otherwise a neutral line, without reference nor owner agency.
 */
export function AgendaItemCard({ meeting, item }: { meeting: MeetingDetail; item: AgendaItem }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" component="article" aria-label={item.caseReference ?? t('caseMeetings.agenda.restricted')}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0}>
            <Text fw={600}>
              {item.position}. {item.caseReference ?? t('caseMeetings.agenda.restricted')}
            </Text>
            {item.access === 'case' ? (
              <Group gap="xs">
                {item.caseId && (
                  <RouterAnchor to="/cases/$caseId" params={{ caseId: item.caseId }} size="sm">
                    {item.displayName}
                  </RouterAnchor>
                )}
                {item.caseStatus && (
                  <Badge size="sm" variant="outline">
                    {t(`caseStatus.${item.caseStatus}`)}
                  </Badge>
                )}
              </Group>
            ) : null}
          </Stack>
          <Group gap={4}>
            {item.carriedFromItemId && (
              <Badge size="sm" variant="light" color="blue">
                {t('caseMeetings.agenda.carried')}
              </Badge>
            )}
            <Badge size="sm" variant="light" color={item.resolved ? 'teal' : 'yellow'}>
              {item.resolved ? t('caseMeetings.agenda.resolved') : t('caseMeetings.agenda.unresolved')}
            </Badge>
          </Group>
        </Group>
        {item.textRestricted && (
          <Text size="sm" c="dimmed" fs="italic">
            {t('caseMeetings.agenda.textRestricted')}
          </Text>
        )}
        {item.purpose && (
          <Text size="sm">
            <Text span fw={500}>
              {t('caseMeetings.agenda.purpose')}:
            </Text>{' '}
            {item.purpose}
          </Text>
        )}
        {item.notes && !item.canWrite && <Text size="sm">{item.notes}</Text>}
        {item.access === 'case' && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('caseMeetings.decisions.title')}
            </Text>
            {item.decisions.length === 0 ? (
              <Text size="xs" c="dimmed">
                {t('caseMeetings.decisions.empty')}
              </Text>
            ) : (
              item.decisions.map((decision) => (
                <Text key={decision.id} size="sm">
                  • {decision.text}{' '}
                  <Text span size="xs" c="dimmed">
                    ({decision.recordedByName})
                  </Text>
                </Text>
              ))
            )}
          </Stack>
        )}
        {(item.actions.length > 0 || item.canWrite) && (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('caseMeetings.actions.title')}
            </Text>
            {item.actions.length === 0 && (
              <Text size="xs" c="dimmed">
                {t('caseMeetings.actions.empty')}
              </Text>
            )}
            {item.actions.map((action) => (
              <ActionRow key={action.id} meetingId={meeting.id} action={action} />
            ))}
          </Stack>
        )}
        {item.canWrite && (
          <>
            <ItemWriting key={item.id} meeting={meeting} item={item} />
            <ActionForm meeting={meeting} item={item} />
          </>
        )}
      </Stack>
    </Card>
  );
}
