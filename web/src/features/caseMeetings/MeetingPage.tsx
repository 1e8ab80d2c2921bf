import { ActionIcon, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import {
  type CaseSummary,
  type FieldError,
  type Locale,
  MEETING_ATTENDANCE,
  type MeetingDetail,
  meetingFollowUpSchema,
  type Page,
  RECORD_SECTIONS,
  type RecordSection,
  SUPPORTED_LOCALES,
} from '@seamless/contracts';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateInput } from '../../components/DateInput';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { useLocale } from '../../i18n/useLocale';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useGuardedCancel } from '../../lib/drafts/formGuard';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { AgendaItemCard } from './AgendaItemCard';
import { meetingApi } from './api';
import { MeetingFormModal } from './MeetingFormModal';
import { STATUS_COLOUR } from './MeetingsPage';
import { agencyOfAccount, colleagueOptions } from './meetingPeople';
import { useMeeting, useMeetingChange, useMeetingPeople } from './queries';
import { useDescribeAccount } from './useDescribeAccount';
import { usePeopleFieldErrors } from './usePeopleFieldErrors';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function DetailsCard({ meeting, onEdit }: { meeting: MeetingDetail; onEdit: () => void }) {
  const { t } = useTranslation();
  const hold = useMeetingChange(() => meetingApi.update(meeting.id, { status: 'held', version: meeting.version }));
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Badge color={STATUS_COLOUR[meeting.status]} variant="light">
            {t(`caseMeetings.status.${meeting.status}`)}
          </Badge>
          {meeting.abilities.manage && (
            <Group gap="xs">
              {meeting.status === 'scheduled' && (
                <Button size="xs" variant="light" loading={hold.isPending} onClick={() => hold.mutate(undefined)}>
                  {t('caseMeetings.markHeld')}
                </Button>
              )}
              <Button size="xs" variant="default" onClick={onEdit}>
                {t('caseMeetings.edit')}
              </Button>
            </Group>
          )}
        </Group>
        {hold.error ? <ProblemAlert error={hold.error} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Row label={t('caseMeetings.fields.date')}>
            {meeting.date} {meeting.time} ({meeting.timeZone})
          </Row>
          <Row label={t('caseMeetings.fields.mode')}>
            {t(`caseMeetings.mode.${meeting.mode}`)}
            {meeting.place ? ` · ${meeting.place}` : ''}
          </Row>
          {meeting.onlineLink && <Row label={t('caseMeetings.fields.onlineLink')}>{meeting.onlineLink}</Row>}
          <Row label={t('caseMeetings.convenedByLabel')}>{meeting.conveningAgency.name}</Row>
          {meeting.chair && <Row label={t('caseMeetings.chair')}>{meeting.chair.name}</Row>}
          <Row label={t('caseMeetings.fields.invitedAgencies')}>
            {meeting.invitedAgencies.map((agency) => agency.name).join(', ') || '—'}
          </Row>
          {meeting.partner && <Row label={t('caseMeetings.fields.partner')}>{meeting.partner}</Row>}
        </SimpleGrid>
        <Group gap="md">
          {meeting.previousMeetingId && (
            <RouterAnchor to="/meetings/$meetingId" params={{ meetingId: meeting.previousMeetingId }} size="sm">
              ← {t('caseMeetings.followUp.previous')}
            </RouterAnchor>
          )}
          {meeting.nextMeetingId && (
            <RouterAnchor to="/meetings/$meetingId" params={{ meetingId: meeting.nextMeetingId }} size="sm">
              {t('caseMeetings.followUp.next')} →
            </RouterAnchor>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** Adds someone with an account in the convening or an invited agency: chosen, not typed. */
function ColleaguePicker({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const people = useMeetingPeople(meeting, true);
  const describe = useDescribeAccount();
  const add = useMeetingChange((userId: string) =>
    meetingApi.addAttendee(meeting.id, { userId, agencyId: agencyOfAccount(people.data, userId), attendance: 'invited' }),
  );
  const errors = usePeopleFieldErrors([], add.error);
  const problem = people.error ?? (Object.keys(errors).length ? null : add.error);
  return (
    <Stack gap={4}>
      <Select
        size="xs"
        searchable
        label={t('caseMeetings.people.addColleague')}
        placeholder={t('caseMeetings.people.searchColleague')}
        nothingFoundMessage={t('caseMeetings.people.noColleague')}
        data={colleagueOptions(people.data, meeting.attendees, describe)}
        value={null}
        disabled={add.isPending || people.isPending}
        onChange={(userId) => {
          if (userId) add.mutate(userId);
        }}
        error={errors.userId ?? errors.agencyId}
      />
      {problem ? <ProblemAlert error={problem} /> : null}
    </Stack>
  );
}

function AttendanceCard({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [role, setRole] = useState('');
  const add = useMeetingChange(() =>
    meetingApi.addAttendee(meeting.id, {
      externalName: name,
      organisation: organisation || null,
      role: role || null,
      attendance: 'invited',
    }),
  );
  const mark = useMeetingChange(({ id, attendance }: { id: string; attendance: (typeof MEETING_ATTENDANCE)[number] }) =>
    meetingApi.setAttendance(meeting.id, id, attendance),
  );
  const remove = useMeetingChange((id: string) => meetingApi.removeAttendee(meeting.id, id));
  const [removing, setRemoving] = useState<string | null>(null);
  const errors = useFieldErrors([], add.error);
  const manage = meeting.abilities.manage;
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <ConfirmDialog
          opened={removing !== null}
          title={t('confirm.attendeeRemove.title')}
          message={t('confirm.attendeeRemove.text')}
          confirmLabel={t('confirm.attendeeRemove.action')}
          cancelLabel={t('confirm.back')}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            if (removing) remove.mutate(removing);
            setRemoving(null);
          }}
        />
        <Title order={3} size="h5">
          {t('caseMeetings.attendees.title')}
        </Title>
        {meeting.attendees.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('caseMeetings.attendees.empty')}
          </Text>
        )}
        {meeting.attendees.map((attendee) => (
          <Group key={attendee.id} justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0}>
              <Text size="sm">{attendee.name}</Text>
              <Text size="xs" c="dimmed">
                {[attendee.agency?.name ?? attendee.organisation, attendee.role].filter(Boolean).join(', ')}
              </Text>
            </Stack>
            {manage ? (
              <Group gap={4} wrap="nowrap">
                <Select
                  size="xs"
                  w={130}
                  aria-label={t('caseMeetings.attendees.attendance')}
                  data={MEETING_ATTENDANCE.map((value) => ({ value, label: t(`caseMeetings.attendance.${value}`) }))}
                  value={attendee.attendance}
                  allowDeselect={false}
                  onChange={(value) => {
                    const attendance = oneOf(value, MEETING_ATTENDANCE);
                    if (attendance) mark.mutate({ id: attendee.id, attendance });
                  }}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('caseMeetings.attendees.remove')}
                  onClick={() => setRemoving(attendee.id)}
                >
                  ×
                </ActionIcon>
              </Group>
            ) : (
              <Badge variant="light">{t(`caseMeetings.attendance.${attendee.attendance}`)}</Badge>
            )}
          </Group>
        ))}
        {manage && <ColleaguePicker meeting={meeting} />}
        {manage && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              add.mutate(undefined, {
                onSuccess: () => {
                  setName('');
                  setOrganisation('');
                  setRole('');
                },
              });
            }}
            noValidate
          >
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                <TextInput
                  size="xs"
                  label={t('caseMeetings.attendees.name')}
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  error={errors.externalName}
                />
                <TextInput
                  size="xs"
                  label={t('caseMeetings.attendees.organisation')}
                  value={organisation}
                  onChange={(e) => setOrganisation(e.currentTarget.value)}
                />
                <TextInput
                  size="xs"
                  label={t('caseMeetings.attendees.role')}
                  value={role}
                  onChange={(e) => setRole(e.currentTarget.value)}
                />
              </SimpleGrid>
              <Group justify="flex-end">
                <Button size="xs" variant="light" type="submit" loading={add.isPending}>
                  {t('caseMeetings.attendees.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {(mark.error || remove.error) && <ProblemAlert error={mark.error ?? remove.error} />}
      </Stack>
    </Card>
  );
}

/**
 * Cases the user's agency works on, to put on the agenda (the server checks again): open ones and
 * those in follow-up after reintegration, which meetings review too.
 */
function AddItemForm({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const cases = useQuery({
    queryKey: ['cases', 'forMeeting'],
    queryFn: () => api.get<Page<CaseSummary>>('/api/cases', { query: { pageSize: 100, status: 'Active,FollowUp' } }),
  });
  const onAgenda = new Set(meeting.agenda.map((item) => item.caseReference));
  const options = (cases.data?.items ?? [])
    .filter((kase) => !onAgenda.has(kase.reference))
    .map((kase) => ({ value: kase.id, label: `${kase.reference} — ${kase.displayName}` }));
  const [caseId, setCaseId] = useState<string | null>(null);
  const [section, setSection] = useState<RecordSection>('general');
  const [purpose, setPurpose] = useState('');
  const add = useMeetingChange(() => meetingApi.addItem(meeting.id, { caseId: caseId ?? '', section, purpose }));
  const errors = useFieldErrors([], add.error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate(undefined, {
          onSuccess: () => {
            setCaseId(null);
            setSection('general');
            setPurpose('');
          },
        });
      }}
      noValidate
    >
      <Card withBorder padding="sm">
        <Stack gap="xs">
          <Text fw={500} size="sm">
            {t('caseMeetings.agenda.add')}
          </Text>
          <Select
            size="xs"
            label={t('caseMeetings.agenda.case')}
            data={options}
            value={caseId}
            onChange={setCaseId}
            searchable
            error={errors.caseId}
          />
          <Select
            size="xs"
            label={t('caseMeetings.agenda.section')}
            data={RECORD_SECTIONS.map((value) => ({ value, label: t(`caseRecord.section.${value}`) }))}
            value={section}
            onChange={(value) => setSection(oneOf(value, RECORD_SECTIONS) ?? 'general')}
            allowDeselect={false}
            error={errors.section}
          />
          <Textarea
            size="xs"
            label={t('caseMeetings.agenda.purpose')}
            autosize
            minRows={2}
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value)}
            error={errors.purpose}
          />
          {add.error && !Object.keys(errors).length ? <ProblemAlert error={add.error} /> : null}
          <Group justify="flex-end">
            <Button size="xs" type="submit" loading={add.isPending}>
              {t('caseMeetings.agenda.add')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </form>
  );
}

function FollowUpForm({ meeting, onDone }: { meeting: MeetingDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { values, setField, draft } = useDraftForm({ date: '', time: meeting.time }, { form: 'meeting-follow-up', record: meeting.id });
  const cancel = useGuardedCancel(onDone);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const hold = useMeetingChange((body: { date: string; time: string }) => meetingApi.followUp(meeting.id, body));
  const errors = useFieldErrors(clientErrors, hold.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(meetingFollowUpSchema, values);
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok)
      hold.mutate(checked.data, {
        onSuccess: (next) => {
          draft.clear();
          onDone();
          void navigate({ to: '/meetings/$meetingId', params: { meetingId: next.id } });
        },
      });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Text size="sm">{t('caseMeetings.followUp.description')}</Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <DateInput
            label={t('caseMeetings.fields.date')}
            value={values.date}
            onChange={(date) => setField('date', date)}
            error={errors.date}
            required
          />
          <TextInput
            type="time"
            label={t('caseMeetings.fields.time')}
            value={values.time}
            onChange={(e) => setField('time', e.currentTarget.value)}
            error={errors.time}
            required
          />
        </SimpleGrid>
        {hold.error && !Object.keys(errors).length ? <ProblemAlert error={hold.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('caseMeetings.cancel')}
          </Button>
          <Button type="submit" loading={hold.isPending}>
            {t('caseMeetings.followUp.button')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FollowUpModal({ meeting, opened, onClose }: { meeting: MeetingDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <GuardedModal opened={opened} onClose={onClose} title={t('caseMeetings.followUp.title')}>
      {opened && <FollowUpForm meeting={meeting} onDone={onClose} />}
    </GuardedModal>
  );
}

function MinutesCard({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<Locale>(useLocale());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await meetingApi.downloadMinutes(meeting.id, locale);
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('caseMeetings.minutes.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('caseMeetings.minutes.note')}
        </Text>
        <Group align="flex-end" wrap="wrap">
          <Select
            size="xs"
            w={160}
            label={t('caseMeetings.minutes.language')}
            data={SUPPORTED_LOCALES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
            value={locale}
            allowDeselect={false}
            onChange={(value) => setLocale(oneOf(value, SUPPORTED_LOCALES) ?? locale)}
          />
          <Button size="xs" variant="light" loading={busy} onClick={download}>
            {t('caseMeetings.minutes.download')}
          </Button>
        </Group>
        {error ? <ProblemAlert error={error} /> : null}
      </Stack>
    </Card>
  );
}

function MeetingView({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [following, setFollowing] = useState(false);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <RouterAnchor to="/meetings" size="sm">
            ← {t('caseMeetings.back')}
          </RouterAnchor>
          <Title order={2}>{meeting.title}</Title>
        </Stack>
        {meeting.abilities.manage && !meeting.nextMeetingId && (
          <Button variant="light" onClick={() => setFollowing(true)}>
            {t('caseMeetings.followUp.button')}
          </Button>
        )}
      </Group>
      <DetailsCard meeting={meeting} onEdit={() => setEditing(true)} />
      <AttendanceCard meeting={meeting} />
      <Title order={3} size="h4">
        {t('caseMeetings.agenda.title')}
      </Title>
      {meeting.agenda.length === 0 && <Text c="dimmed">{t('caseMeetings.agenda.empty')}</Text>}
      {meeting.agenda.map((item) => (
        <AgendaItemCard key={item.id} meeting={meeting} item={item} />
      ))}
      {meeting.abilities.addItems && <AddItemForm meeting={meeting} />}
      <MinutesCard meeting={meeting} />
      <MeetingFormModal opened={editing} meeting={meeting} onClose={() => setEditing(false)} />
      <FollowUpModal meeting={meeting} opened={following} onClose={() => setFollowing(false)} />
    </Stack>
  );
}

/** One case management meeting: details, attendance, agenda with decisions and actions, minutes. */
export function MeetingPage() {
  const { meetingId } = useParams({ from: '/signed-in/meetings/$meetingId' });
  const meeting = useMeeting(meetingId);
  return <QueryState query={meeting}>{(data) => <MeetingView meeting={data} />}</QueryState>;
}
