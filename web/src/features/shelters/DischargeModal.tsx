import { Select, Stack, Textarea } from '@mantine/core';
import { DISCHARGE_DESTINATIONS, type DischargeDestination, type Placement } from '@seamless/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { FormFooter } from '../../components/FormFooter';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { blankToNull } from '../caseRecord/common/options';
import { useRecordFieldErrors } from '../caseRecord/common/useRecordFieldErrors';
import { useDischarge } from './queries';

interface DischargeFormProps {
  caseId: string;
  current: Placement;
  today: string;
  onDone: () => void;
}

function DischargeForm({ caseId, current, today, onDone }: DischargeFormProps) {
  const { t } = useTranslation();
  const discharge = useDischarge(caseId);
  const { values, setField, draft } = useDraftForm<{ dischargedOn: string; destination: DischargeDestination | null; note: string }>(
    { dischargedOn: today, destination: null, note: '' },
    { form: 'shelter-discharge', record: `${caseId}:${current.id}` },
  );
  const { dischargedOn, destination, note } = values;
  const errors = useRecordFieldErrors([], discharge.error, {});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!destination) return;
    discharge.mutate(
      { dischargedOn, destination, note: blankToNull(note), version: current.version },
      { onSuccess: draft.clearing(onDone) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <DateInput
          label={t('shelters.form.dischargedOn')}
          value={dischargedOn}
          onChange={(value) => setField('dischargedOn', value)}
          error={errors.dischargedOn}
          required
        />
        <Select
          label={t('shelters.form.destination')}
          data={DISCHARGE_DESTINATIONS.map((value) => ({ value, label: t(`shelters.destination.${value}`) }))}
          value={destination}
          onChange={(value) => setField('destination', oneOf(value, DISCHARGE_DESTINATIONS) ?? null)}
          error={errors.destination}
          required
        />
        <Textarea
          label={t('shelters.form.note')}
          value={note}
          onChange={(event) => setField('note', event.currentTarget.value)}
          error={errors.note}
          minRows={2}
        />
        <ProblemAlert error={discharge.error} />
        <FormFooter
          onCancel={onDone}
          submitting={discharge.isPending}
          submitLabel={t('shelters.tab.discharge')}
          disabled={!destination}
          color="red"
        />
      </Stack>
    </form>
  );
}

export function DischargeModal(props: DischargeFormProps & { opened: boolean }) {
  const { t } = useTranslation();
  const { opened, ...form } = props;
  return (
    <GuardedModal opened={opened} onClose={form.onDone} title={t('shelters.tab.discharge')}>
      {opened && <DischargeForm {...form} />}
    </GuardedModal>
  );
}
