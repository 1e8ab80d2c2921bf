import { Button, Group, Select, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import {
  type CaseDetail,
  type FieldError,
  TRAFFICKING_EVENT_TYPES,
  type TraffickingEventType,
  traffickingEventInputSchema,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../components/DateInput';
import { FormattedDate } from '../../../components/FormattedDate';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { DraftNotice } from '../../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../../lib/drafts/useDraftForm';
import { oneOf } from '../../../lib/oneOf';
import { validate } from '../../../lib/validation';
import { useCountryName, useCountryOptions } from '../../countries/useCountries';
import { blankToNull, todayIso } from '../common/options';
import { RecordTableCard } from '../common/RecordTableCard';
import { useRecordFieldErrors } from '../common/useRecordFieldErrors';
import { useAddEvent, useRemoveEvent, useTraffickingEvents } from '../queries';

interface EventValues {
  eventType: TraffickingEventType | null;
  country: string | null;
  place: string;
  startedOn: string;
  endedOn: string;
}

const EMPTY: EventValues = { eventType: null, country: null, place: '', startedOn: '', endedOn: '' };

function EventForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const countryOptions = useCountryOptions();
  const { values, setField, draft } = useDraftForm(EMPTY, { form: 'trafficking-event', record: caseId });
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const add = useAddEvent(caseId);
  const errors = useRecordFieldErrors(clientErrors, add.error, {
    startedOn: t('caseRecord.fieldError.eventDates'),
    endedOn: t('caseRecord.fieldError.eventDates'),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(traffickingEventInputSchema, {
      eventType: values.eventType ?? undefined,
      country: values.country,
      place: blankToNull(values.place),
      startedOn: blankToNull(values.startedOn),
      endedOn: blankToNull(values.endedOn),
    });
    // Said at once, as the server would: an event that ends before it starts.
    const order: FieldError[] =
      values.startedOn && values.endedOn && values.endedOn < values.startedOn
        ? [{ path: 'endedOn', code: 'ends_before_start', message: t('fieldChecks.dates.endsBeforeStart') }]
        : [];
    setClientErrors([...(checked.ok ? [] : checked.errors), ...order]);
    if (checked.ok && order.length === 0) add.mutate(checked.data, { onSuccess: () => draft.clear(EMPTY) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <DraftNotice draft={draft} />
        <Title order={3} size="h6">
          {t('caseRecord.events.add')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <Select
            label={t('caseRecord.events.eventType')}
            data={TRAFFICKING_EVENT_TYPES.map((type) => ({ value: type, label: t(`vocab.eventType.${type}`) }))}
            value={values.eventType}
            onChange={(value) => setField('eventType', oneOf(value, TRAFFICKING_EVENT_TYPES) ?? null)}
            error={errors.eventType}
            required
          />
          <Select
            label={t('caseRecord.events.country')}
            data={countryOptions}
            value={values.country}
            onChange={(value) => setField('country', value)}
            error={errors.country}
            searchable
            clearable
          />
          <TextInput
            label={t('caseRecord.events.place')}
            value={values.place}
            onChange={(event) => setField('place', event.currentTarget.value)}
            error={errors.place}
          />
          <DateInput
            label={t('caseRecord.events.startedOn')}
            value={values.startedOn}
            max={todayIso()}
            onChange={(value) => setField('startedOn', value)}
            error={errors.startedOn}
          />
          <DateInput
            label={t('caseRecord.events.endedOn')}
            value={values.endedOn}
            max={todayIso()}
            onChange={(value) => setField('endedOn', value)}
            error={errors.endedOn}
          />
        </SimpleGrid>
        <ProblemAlert error={add.error} />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={add.isPending}>
            {t('caseRecord.events.addButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** HTCDS `hte_`: where and when the person was recruited, moved and exploited. */
export function TraffickingEventsCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const events = useTraffickingEvents(detail.id);
  const remove = useRemoveEvent(detail.id);
  const canEdit = detail.abilities.update;

  return (
    <RecordTableCard
      title={t('caseRecord.events.title')}
      empty={t('caseRecord.events.empty')}
      query={events}
      headers={[t('caseRecord.events.eventType'), t('caseRecord.events.where'), t('caseRecord.events.when')]}
      cells={(item) => (
        <>
          <Table.Td>{t(`vocab.eventType.${item.eventType}`)}</Table.Td>
          <Table.Td>{[item.place, item.country && countryName(item.country)].filter(Boolean).join(', ')}</Table.Td>
          <Table.Td>
            <FormattedDate value={item.startedOn} />
            {item.endedOn && ' – '}
            <FormattedDate value={item.endedOn} />
          </Table.Td>
        </>
      )}
      remove={canEdit ? remove : null}
      form={canEdit && <EventForm caseId={detail.id} />}
    />
  );
}
