import { Button, Group, MultiSelect, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FieldError, MEETING_MODES, type MeetingDetail, meetingInputSchema, timeZoneOfCountry } from '@seamless/contracts';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { DateInput } from '../../components/DateInput';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { useMe } from '../auth/MeContext';
import { meetingApi } from './api';
import { meetingBody, meetingFormValues, meetingRefusedFields } from './meetingForm';
import { useMeetingChange } from './queries';

interface MeetingFormProps {
  meeting: MeetingDetail | null;
  onDone: () => void;
}

function MeetingForm({ meeting, onDone }: MeetingFormProps) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const agencies = useQuery({ queryKey: ['agencies', 'directory'], queryFn: meetingApi.agencies });
  const agencyOptions = (agencies.data?.items ?? [])
    .filter((agency) => agency.id !== me.agency.id)
    .map((agency) => ({ value: agency.id, label: agency.acronym ? `${agency.name} (${agency.acronym})` : agency.name }));
  const zone = meeting?.timeZone ?? timeZoneOfCountry(me.agency.countryCode);
  // The default date counts from today where the meeting is held, not from UTC's day.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  const { values, setField, draft } = useDraftForm(() => meetingFormValues(meeting, today), {
    form: 'case-meeting',
    record: meeting?.id ?? 'new',
  });
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  // Closed after each pick: left open, the list covers the dialog's buttons.
  const [agencyListOpen, setAgencyListOpen] = useState(false);
  const create = useMeetingChange(meetingApi.create);
  const update = useMeetingChange((body: ReturnType<typeof meetingBody>) =>
    meetingApi.update(meeting!.id, { ...body, version: meeting!.version }),
  );
  const mutation = meeting ? update : create;
  const errors = useFieldErrors(clientErrors, mutation.error);
  const serverErrors = mutation.error instanceof ApiProblem ? mutation.error.errors : [];
  for (const field of meetingRefusedFields([...serverErrors, ...clientErrors])) errors[field] = t(`caseMeetings.fields.refused.${field}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(meetingInputSchema, meetingBody(values));
    setClientErrors(checked.ok ? [] : checked.errors);
    if (!checked.ok) return;
    if (meeting) update.mutate(meetingBody(values), { onSuccess: draft.clearing(onDone) });
    else
      create.mutate(checked.data, {
        onSuccess: (created) => {
          draft.clear();
          onDone();
          void navigate({ to: '/meetings/$meetingId', params: { meetingId: created.id } });
        },
      });
  };
  const text = (field: 'title' | 'time' | 'place' | 'onlineLink' | 'partner') => ({
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => setField(field, event.currentTarget.value),
    error: errors[field],
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <TextInput label={t('caseMeetings.fields.title')} required {...text('title')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <DateInput
            label={t('caseMeetings.fields.date')}
            required
            value={values.date}
            onChange={(date) => setField('date', date)}
            error={errors.date}
          />
          <TextInput
            type="time"
            label={t('caseMeetings.fields.time')}
            description={t('caseMeetings.fields.timeZone', { zone })}
            required
            {...text('time')}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('caseMeetings.fields.mode')}
          </Text>
          <SegmentedControl
            fullWidth
            value={values.mode}
            onChange={(value) => setField('mode', oneOf(value, MEETING_MODES) ?? 'in_person')}
            data={MEETING_MODES.map((mode) => ({ value: mode, label: t(`caseMeetings.mode.${mode}`) }))}
          />
        </Stack>
        {values.mode !== 'online' && <TextInput label={t('caseMeetings.fields.place')} {...text('place')} />}
        {values.mode !== 'in_person' && (
          <TextInput label={t('caseMeetings.fields.onlineLink')} placeholder="https://" {...text('onlineLink')} />
        )}
        <MultiSelect
          label={t('caseMeetings.fields.invitedAgencies')}
          data={agencyOptions}
          value={values.invitedAgencyIds}
          onChange={(ids) => setField('invitedAgencyIds', ids)}
          dropdownOpened={agencyListOpen}
          onDropdownOpen={() => setAgencyListOpen(true)}
          onDropdownClose={() => setAgencyListOpen(false)}
          onOptionSubmit={() => setAgencyListOpen(false)}
          error={errors.invitedAgencyIds ?? Object.entries(errors).find(([path]) => path.startsWith('invitedAgencyIds.'))?.[1]}
          searchable
          clearable
        />
        <TextInput
          label={t('caseMeetings.fields.partner')}
          description={t('caseMeetings.fields.partnerDescription')}
          {...text('partner')}
        />
        {mutation.error && !Object.keys(errors).length ? <ProblemAlert error={mutation.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('caseMeetings.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {meeting ? t('caseMeetings.save') : t('caseMeetings.convene')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Convene a meeting, or edit one's details and invitations (the convener's). */
export function MeetingFormModal({ opened, meeting, onClose }: { opened: boolean; meeting: MeetingDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <GuardedModal opened={opened} onClose={onClose} title={meeting ? t('caseMeetings.edit') : t('caseMeetings.convene')} size="lg">
      {opened && <MeetingForm meeting={meeting} onDone={onClose} />}
    </GuardedModal>
  );
}
