import { Badge, Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import {
  BILATERAL_MEETING_MODES,
  bilateralMeetingInputSchema,
  type FieldError,
  meetingMinutesInputSchema,
  meetingNotesInputSchema,
  type Repatriation,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { FormFooter } from '../../components/FormFooter';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { useSaveMeetingNotes } from './queries';
import { instantOf, localDateTimeValue } from './repatriationView';
import { type StepFormProps, useStepForm } from './StepForms';

type Meeting = Repatriation['meetings'][number];
type MeetingMode = (typeof BILATERAL_MEETING_MODES)[number];

/** A bilateral case meeting proposed to the other country: when, how, where to join, what about. */
export function ScheduleMeetingForm({ repatriation, onDone, onCancel }: StepFormProps) {
  const { t } = useTranslation();
  const { step, errors, setClientErrors, problem } = useStepForm(repatriation.id);
  const { values, setField, draft } = useDraftForm<{ scheduledFor: string; mode: MeetingMode | null; where: string; agenda: string }>(
    { scheduledFor: localDateTimeValue(), mode: 'video', where: '', agenda: '' },
    { form: 'repatriation-meeting', record: repatriation.id },
  );
  const { scheduledFor, mode, where, agenda } = values;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(bilateralMeetingInputSchema, {
      scheduledFor: instantOf(scheduledFor),
      mode: mode ?? undefined,
      where,
      agenda,
    });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) step.mutate({ action: 'schedule_meeting', body: checked.data }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Text size="sm">{t('repatriation.meetings.hint')}</Text>
        <Group grow wrap="wrap" align="flex-start">
          <TextInput
            type="datetime-local"
            label={t('repatriation.meetings.scheduledFor')}
            value={scheduledFor}
            onChange={(event) => setField('scheduledFor', event.currentTarget.value)}
            error={errors.scheduledFor}
            required
            miw={200}
          />
          <Select
            label={t('repatriation.meetings.mode')}
            data={BILATERAL_MEETING_MODES.map((value) => ({ value, label: t(`repatriation.meetings.modes.${value}`) }))}
            value={mode}
            onChange={(value) => setField('mode', oneOf(value, BILATERAL_MEETING_MODES) ?? null)}
            error={errors.mode}
            allowDeselect={false}
            required
            miw={160}
          />
        </Group>
        <TextInput
          label={t('repatriation.meetings.where')}
          description={t('repatriation.meetings.whereHint')}
          value={where}
          onChange={(event) => setField('where', event.currentTarget.value)}
          error={errors.where}
          maxLength={500}
          required
        />
        <Textarea
          label={t('repatriation.meetings.agenda')}
          value={agenda}
          onChange={(event) => setField('agenda', event.currentTarget.value)}
          error={errors.agenda}
          autosize
          minRows={3}
          maxLength={2000}
          required
        />
        {problem}
        <FormFooter onCancel={onCancel} submitting={step.isPending} submitLabel={t('repatriation.action.schedule_meeting.submit')} />
      </Stack>
    </form>
  );
}

/** What both sides agreed at a meeting: sent to the other country, so it says only what both may read. */
function MinutesForm({ repatriation, meeting, onDone }: { repatriation: Repatriation; meeting: Meeting; onDone: () => void }) {
  const { t } = useTranslation();
  const { step, errors, setClientErrors, problem } = useStepForm(repatriation.id);
  const { values, setField, draft } = useDraftForm<{ agreed: string }>(
    { agreed: '' },
    { form: 'repatriation-minutes', record: `${repatriation.id}:${meeting.id}` },
  );
  const { agreed } = values;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(meetingMinutesInputSchema, { agreed });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok)
      step.mutate({ action: 'record_meeting', meetingId: meeting.id, body: checked.data }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Text size="sm">{t('repatriation.action.record_meeting.hint')}</Text>
        <Textarea
          label={t('repatriation.meetings.agreed')}
          value={agreed}
          onChange={(event) => setField('agreed', event.currentTarget.value)}
          error={errors.agreed}
          autosize
          minRows={4}
          maxLength={4000}
          required
        />
        {problem}
        <FormFooter onCancel={onDone} submitting={step.isPending} submitLabel={t('repatriation.action.record_meeting.submit')} />
      </Stack>
    </form>
  );
}

/** This side's own notes of a meeting: kept here, never sent. */
function NotesForm({ repatriation, meeting, onDone }: { repatriation: Repatriation; meeting: Meeting; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveMeetingNotes(repatriation.id);
  const { values, setField, draft } = useDraftForm<{ notes: string }>(
    { notes: meeting.ownNotes ?? '' },
    { form: 'repatriation-meeting-notes', record: `${repatriation.id}:${meeting.id}` },
  );
  const { notes } = values;
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const errors = useFieldErrors(clientErrors, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(meetingNotesInputSchema, { notes });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) save.mutate({ meetingId: meeting.id, body: checked.data }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Text size="sm">{t('repatriation.meetings.notesHint')}</Text>
        <Textarea
          label={t('repatriation.meetings.ownNotes')}
          value={notes}
          onChange={(event) => setField('notes', event.currentTarget.value)}
          error={errors.notes}
          autosize
          minRows={4}
          maxLength={4000}
        />
        <ProblemAlert error={save.error} />
        <FormFooter onCancel={onDone} submitting={save.isPending} submitLabel={t('repatriation.meetings.saveNotes')} />
      </Stack>
    </form>
  );
}

type Editing = { meeting: Meeting; part: 'agreed' | 'notes' } | null;

/**
 * Bilateral case meetings on this repatriation: each side sees the meeting and what was agreed,
 * and its own notes, which never leave it.
 */
export function MeetingsCard({ repatriation }: { repatriation: Repatriation }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const mayRecord = repatriation.actions.includes('record_meeting');
  const meetings = [...repatriation.meetings].sort((a, b) => b.scheduledFor.localeCompare(a.scheduledFor));
  if (meetings.length === 0 && !repatriation.actions.includes('schedule_meeting')) return null;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('repatriation.meetings.title')}
      </Title>
      {meetings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('repatriation.meetings.empty')}
        </Text>
      ) : (
        <Stack gap="lg">
          {meetings.map((meeting) => (
            <Stack key={meeting.id} gap={4}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  <FormattedDate value={meeting.scheduledFor} withTime />
                </Text>
                <Badge variant="light">{t(`repatriation.meetings.modes.${meeting.mode}`)}</Badge>
                <Text size="xs" c="dimmed">
                  {t(`repatriation.meetings.proposedBy.${meeting.proposedBy}`)}
                </Text>
              </Group>
              <Text size="sm">{meeting.where}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {meeting.agenda}
              </Text>
              <Text size="sm" fw={500} mt={4}>
                {t('repatriation.meetings.agreed')}
              </Text>
              {meeting.agreed ? (
                <>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {meeting.agreed.text}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`repatriation.meetings.recordedBy.${meeting.agreed.recordedBy}`)} ·{' '}
                    <FormattedDate value={meeting.agreed.at} withTime />
                  </Text>
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('repatriation.meetings.notAgreed')}
                </Text>
              )}
              <Text size="sm" fw={500} mt={4}>
                {t('repatriation.meetings.ownNotes')}
              </Text>
              <Text size="sm" c={meeting.ownNotes ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {meeting.ownNotes ?? t('repatriation.meetings.noNotes')}
              </Text>
              <Group gap="xs" mt={4}>
                {mayRecord && !meeting.agreed && (
                  <Button size="xs" variant="light" onClick={() => setEditing({ meeting, part: 'agreed' })}>
                    {t('repatriation.action.record_meeting.button')}
                  </Button>
                )}
                <Button size="xs" variant="default" onClick={() => setEditing({ meeting, part: 'notes' })}>
                  {t('repatriation.meetings.editNotes')}
                </Button>
              </Group>
            </Stack>
          ))}
        </Stack>
      )}
      <GuardedModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        size="lg"
        title={editing?.part === 'agreed' ? t('repatriation.action.record_meeting.title') : t('repatriation.meetings.ownNotes')}
      >
        {editing?.part === 'agreed' && (
          <MinutesForm repatriation={repatriation} meeting={editing.meeting} onDone={() => setEditing(null)} />
        )}
        {editing?.part === 'notes' && <NotesForm repatriation={repatriation} meeting={editing.meeting} onDone={() => setEditing(null)} />}
      </GuardedModal>
    </Card>
  );
}
